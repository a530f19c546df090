import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/config';
import { DemoAdvisory, demoAdvisories, demoResponses } from './demo-advisories';

/**
 * Three demo advisories from KommuneCERT (demo-advisories.ts) with their targets, versions and some
 * municipalities' answers. Runs once: it does nothing when any advisory exists. The worker's sweep
 * delivers them to the officers at its start, as it would a fan-out job that was lost.
 */
@Injectable()
export class DemoAdvisoriesSeeder {
  private readonly logger = new Logger(DemoAdvisoriesSeeder.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async seed(): Promise<boolean> {
    const hasAdvisories = async (m: EntityManager) =>
      (await m.query('SELECT EXISTS (SELECT 1 FROM advisories) AS any'))[0].any as boolean;
    if (await hasAdvisories(this.dataSource.manager)) return false;
    const [cert] = await this.dataSource.query(
      `SELECT id, email FROM users WHERE email = 'cert@baseline.local'`,
    );
    if (!cert) {
      this.logger.warn('Demo advisories skipped: no demo KommuneCERT analyst (cert@baseline.local)');
      return false;
    }
    const now = this.clock.now();
    const advisories = demoAdvisories(now);
    const seeded = await this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('baseline:demo-advisories'))`);
      if (await hasAdvisories(m)) return false;
      for (const a of advisories) await this.insert(m, a, cert as { id: string; email: string }, now);
      return true;
    });
    if (seeded) this.logger.log(`Demo advisories: ${advisories.length}`);
    return seeded;
  }

  private async insert(m: EntityManager, a: DemoAdvisory, cert: { id: string; email: string }, now: Date) {
    const last = a.updates.at(-1);
    const version = 1 + a.updates.length;
    const [{ id }] = await m.query(
      `INSERT INTO advisories (title, summary, body, severity, tlp, products, cve_ids, recommended_actions,
         respond_by, audience_all, audience_municipalities, audience_regions, version, author_id, author,
         created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
      [
        a.title,
        last?.summary ?? a.summary,
        a.body,
        a.severity,
        a.tlp,
        a.products,
        a.cveIds,
        a.recommendedActions,
        a.respondBy,
        a.audience.all,
        a.audience.municipalityCodes,
        a.audience.regionCodes,
        version,
        cert.id,
        cert.email,
        a.createdAt,
        last?.at ?? a.createdAt,
      ],
    );
    const targets: Array<{ code: number }> = await m.query(
      `INSERT INTO advisory_targets (advisory_id, municipality_code)
       SELECT $1, code FROM municipalities WHERE $2 OR code = ANY($3::int[]) OR region_code = ANY($4::int[])
       RETURNING municipality_code AS code`,
      [id, a.audience.all, a.audience.municipalityCodes, a.audience.regionCodes],
    );
    const content = (summary: string) => ({
      title: a.title,
      summary,
      body: a.body,
      severity: a.severity,
      tlp: a.tlp,
      products: a.products,
      cveIds: a.cveIds,
      recommendedActions: a.recommendedActions,
      respondBy: a.respondBy.toISOString(),
    });
    const versions = [
      {
        kind: 'published',
        summary: a.summary,
        at: a.createdAt,
        changed: [] as string[],
        note: null as string | null,
      },
      ...a.updates.map((u) => ({
        kind: 'updated',
        summary: u.summary,
        at: u.at,
        changed: ['summary'],
        note: u.note,
      })),
    ];
    for (const [i, v] of versions.entries())
      await m.query(
        `INSERT INTO advisory_versions (advisory_id, version, kind, content, changed_fields, note, changed_by, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [id, i + 1, v.kind, JSON.stringify(content(v.summary)), v.changed, v.note, cert.email, v.at],
      );
    const responses = demoResponses(
      a,
      targets.map((t) => t.code),
      now,
    );
    await m.query(
      `INSERT INTO advisory_responses (advisory_id, municipality_code, status, comment, status_at, first_read_at, responded_by)
       SELECT $1, x.code, x.status, x.comment, x.at, x.at, 'officer-' || x.code || '@baseline.local'
       FROM jsonb_to_recordset($2::jsonb) AS x(code smallint, status text, comment text, at timestamptz)`,
      [
        id,
        JSON.stringify(
          responses.map((r) => ({
            code: r.municipalityCode,
            status: r.status,
            comment: r.comment,
            at: r.at,
          })),
        ),
      ],
    );
    if (a.linkIncidentOfType)
      await m.query(
        `INSERT INTO advisory_incidents (advisory_id, incident_id, linked_at)
         SELECT $1, id, $3 FROM incidents WHERE rsit_type = $2 ORDER BY aware_at DESC LIMIT 2`,
        [id, a.linkIncidentOfType, a.createdAt],
      );
  }
}
