import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/config';
import { readMunicipalities } from '@app/municipalities';
import { DemoActor, DemoIncident, generateDemoIncidents, referenceCounters } from './demo-incidents';

/** Rows per statement: large enough to be set-based, small enough to keep each parameter modest. */
const CHUNK = 20_000;

interface Actor {
  id: string | null;
  label: string;
}

/**
 * A year of demo incidents (demo-incidents.ts) across the municipalities, with their timelines,
 * comments and obligations, written in a few set-based statements. Runs once: it does nothing when
 * any incident exists, so re-running the seed never duplicates and never renumbers real incidents.
 */
@Injectable()
export class DemoIncidentsSeeder {
  private readonly logger = new Logger(DemoIncidentsSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<boolean> {
    const hasIncidents = async (m: EntityManager) =>
      (await m.query('SELECT EXISTS (SELECT 1 FROM incidents) AS any'))[0].any as boolean;
    if (await hasIncidents(this.dataSource.manager)) return false;
    const users: Array<{ id: string; email: string; role: string; municipality_code: number | null }> =
      await this.dataSource.query(
        `SELECT id, email, role, municipality_code FROM users
         WHERE email = 'cert@baseline.local' OR email LIKE 'officer-%@baseline.local'`,
      );
    const cert = users.find((u) => u.role === 'cert_analyst');
    if (!cert) {
      this.logger.warn('Demo incidents skipped: no demo KommuneCERT analyst (cert@baseline.local)');
      return false;
    }
    const officers = new Map(
      users.filter((u) => u.municipality_code !== null).map((u) => [u.municipality_code!, u]),
    );
    const actorOf = (who: DemoActor, code: number): Actor => {
      if (who === 'cert') return { id: cert.id, label: cert.email };
      const officer = officers.get(code);
      return { id: officer?.id ?? null, label: officer?.email ?? `officer-${code}@baseline.local` };
    };
    // Generated before the transaction opens: a session idle in a transaction is ended by the server.
    const incidents = generateDemoIncidents(readMunicipalities(), this.clock.now(), cert.id);
    const seeded = await this.dataSource.transaction(async (m) => {
      // Two seeds at once (two launchers on one database) queue here; the second then finds rows.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('baseline:demo-incidents'))`);
      if (await hasIncidents(m)) return false;
      await this.insert(m, incidents, cert.id, actorOf);
      return true;
    });
    if (seeded) this.logger.log(`Demo incidents: ${incidents.length} over the last year`);
    return seeded;
  }

  private async insert(
    m: EntityManager,
    incidents: DemoIncident[],
    certId: string,
    actorOf: (who: DemoActor, code: number) => Actor,
  ): Promise<void> {
    // Arrays travel as '\u001f'-joined text (string_to_array), so that every column is a flat unnest.
    const list = (xs: string[] | null) => (xs === null ? null : xs.join('\u001f'));
    for (const part of chunks(incidents)) {
      const reporter = part.map((i) => actorOf(i.reporter, i.municipalityCode));
      await m.query(
        `INSERT INTO incidents (id, reference, municipality_code, source, reporter_user_id, reporter_label, title,
           description, status, rsit_class, rsit_type, tlp, severity, nis2_significant, nis2_impact, root_cause,
           affected_systems, affected_services, assignee_id, disposition, duplicate_of_id, occurred_at, detected_at,
           aware_at, contained_at, resolved_at, closed_at, pdb_type, pdb_nature, pdb_approx_subjects,
           pdb_approx_records, pdb_special_categories, pdb_notifiable, pdb_documented_only_reason,
           pdb_subjects_informed, next_due_at, version, created_at, updated_at)
         SELECT id, reference, municipality_code, source, reporter_user_id, reporter_label, title, description,
           status, rsit_class, rsit_type, tlp, severity, nis2_significant, nis2_impact, root_cause,
           string_to_array(affected_systems, E'\\x1f'), string_to_array(affected_services, E'\\x1f'),
           assignee_id, disposition, duplicate_of_id, occurred_at, detected_at, aware_at, contained_at,
           resolved_at, closed_at, pdb_type, string_to_array(pdb_nature, E'\\x1f'), pdb_approx_subjects,
           pdb_approx_records, string_to_array(pdb_special_categories, E'\\x1f'), pdb_notifiable,
           pdb_documented_only_reason, pdb_subjects_informed, next_due_at, version, created_at, updated_at
         FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::text[], $5::uuid[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[],
           $16::text[], $17::text[], $18::text[], $19::uuid[], $20::text[], $21::uuid[], $22::timestamptz[],
           $23::timestamptz[], $24::timestamptz[], $25::timestamptz[], $26::timestamptz[], $27::timestamptz[],
           $28::text[], $29::text[], $30::int[], $31::int[], $32::text[], $33::boolean[], $34::text[],
           $35::boolean[], $36::timestamptz[], $37::int[], $38::timestamptz[], $39::timestamptz[])
           AS x(id, reference, municipality_code, source, reporter_user_id, reporter_label, title, description,
             status, rsit_class, rsit_type, tlp, severity, nis2_significant, nis2_impact, root_cause,
             affected_systems, affected_services, assignee_id, disposition, duplicate_of_id, occurred_at,
             detected_at, aware_at, contained_at, resolved_at, closed_at, pdb_type, pdb_nature,
             pdb_approx_subjects, pdb_approx_records, pdb_special_categories, pdb_notifiable,
             pdb_documented_only_reason, pdb_subjects_informed, next_due_at, version, created_at, updated_at)`,
        [
          part.map((i) => i.id),
          part.map((i) => i.reference),
          part.map((i) => i.municipalityCode),
          part.map((i) => i.source),
          reporter.map((a) => a.id),
          reporter.map((a) => a.label),
          part.map((i) => i.title),
          part.map((i) => i.description),
          part.map((i) => i.status),
          part.map((i) => i.rsitClass),
          part.map((i) => i.rsitType),
          part.map((i) => i.tlp),
          part.map((i) => i.severity),
          part.map((i) => i.nis2Significant),
          part.map((i) => i.nis2Impact),
          part.map((i) => i.rootCause),
          part.map((i) => list(i.affectedSystems)),
          part.map((i) => list(i.affectedServices)),
          part.map((i) => (i.assigned ? certId : null)),
          part.map((i) => i.disposition),
          part.map((i) => i.duplicateOfId),
          part.map((i) => i.occurredAt),
          part.map((i) => i.detectedAt),
          part.map((i) => i.awareAt),
          part.map((i) => i.containedAt),
          part.map((i) => i.resolvedAt),
          part.map((i) => i.closedAt),
          part.map((i) => i.pdb?.type ?? null),
          part.map((i) => list(i.pdb?.nature ?? null)),
          part.map((i) => i.pdb?.approxSubjects ?? null),
          part.map((i) => i.pdb?.approxRecords ?? null),
          part.map((i) => list(i.pdb?.specialCategories ?? null)),
          part.map((i) => i.pdb?.notifiable ?? null),
          part.map((i) => i.pdb?.documentedOnlyReason ?? null),
          part.map((i) => i.pdb?.subjectsInformed ?? null),
          part.map((i) => i.nextDueAt),
          part.map((i) => i.version),
          part.map((i) => i.createdAt),
          part.map((i) => i.updatedAt),
        ],
      );
    }

    const obligations = incidents.flatMap((i) =>
      i.obligations.map((o) => ({
        ...o,
        incidentId: i.id,
        by: o.submittedAt ? actorOf('officer', i.municipalityCode).id : null,
      })),
    );
    for (const part of chunks(obligations)) {
      await m.query(
        `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at, submitted_at, reference,
           reason_for_delay, submitted_by_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[],
           $6::text[], $7::text[], $8::uuid[])`,
        [
          part.map((o) => o.incidentId),
          part.map((o) => o.kind),
          part.map((o) => o.anchorAt),
          part.map((o) => o.dueAt),
          part.map((o) => o.submittedAt),
          part.map((o) => o.reference),
          part.map((o) => o.reasonForDelay),
          part.map((o) => o.by),
        ],
      );
    }

    const comments = incidents.flatMap((i) =>
      i.comments.map((c) => ({ ...c, incidentId: i.id, actor: actorOf(c.author, i.municipalityCode) })),
    );
    for (const part of chunks(comments)) {
      await m.query(
        `INSERT INTO incident_comments (id, incident_id, body, internal, author_id, author, created_at)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::boolean[], $5::uuid[], $6::text[],
           $7::timestamptz[])`,
        [
          part.map((c) => c.id),
          part.map((c) => c.incidentId),
          part.map((c) => c.body),
          part.map((c) => c.internal),
          part.map((c) => c.actor.id),
          part.map((c) => c.actor.label),
          part.map((c) => c.at),
        ],
      );
    }

    const events = incidents.flatMap((i) =>
      i.events.map((e) => ({ ...e, incidentId: i.id, who: actorOf(e.actor, i.municipalityCode) })),
    );
    events.sort((a, b) => a.at.getTime() - b.at.getTime());
    const json = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));
    for (const part of chunks(events)) {
      await m.query(
        `INSERT INTO incident_events (incident_id, kind, field, before, after, actor_id, actor, internal, at)
         SELECT incident_id, kind, field, before::jsonb, after::jsonb, actor_id, actor, internal, at
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[],
           $8::boolean[], $9::timestamptz[])
           AS x(incident_id, kind, field, before, after, actor_id, actor, internal, at)
         ORDER BY at`,
        [
          part.map((e) => e.incidentId),
          part.map((e) => e.kind),
          part.map((e) => e.field),
          part.map((e) => json(e.before)),
          part.map((e) => json(e.after)),
          part.map((e) => e.who.id),
          part.map((e) => e.who.label),
          part.map((e) => e.internal),
          part.map((e) => e.at),
        ],
      );
    }

    const counters = [...referenceCounters(incidents)];
    await m.query(
      `INSERT INTO incident_reference_counters (year, last)
       SELECT * FROM unnest($1::smallint[], $2::int[])
       ON CONFLICT (year) DO UPDATE SET last = EXCLUDED.last`,
      [counters.map(([year]) => year), counters.map(([, last]) => last)],
    );
  }
}

function chunks<T>(xs: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += CHUNK) out.push(xs.slice(i, i + CHUNK));
  return out;
}
