import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { IncidentScope } from '@app/auth';
import { IncidentAttachment } from './incident-attachment.entity';
import { IncidentComment } from './incident-comment.entity';
import { IncidentEvent } from './incident-event.entity';
import type { IncidentStatus } from './incident-workflow';
import { IncidentIntakeKey } from './incident-intake-key.entity';
import { IncidentObligation } from './incident-obligation.entity';
import { Incident } from './incident.entity';
import type { ObligationKind, PlannedObligation } from './regulatory-clocks';

export type NewIncidentEvent = Omit<IncidentEvent, 'id' | 'incident' | 'at' | 'field' | 'before' | 'after'> &
  Partial<Pick<IncidentEvent, 'field' | 'before' | 'after'>>;

export interface IncidentListFilter {
  status?: IncidentStatus[];
  municipalityCode?: number;
  rsitClass?: string;
  severity?: string;
  /** An analyst's id, or null for unassigned. */
  assigneeId?: string | null;
  overdue?: boolean;
  dueWithinHours?: number;
  from?: Date;
  to?: Date;
  q?: string;
  limit: number;
  offset: number;
  /** Also the assigned analyst's display name (the export shows it; the list's page looks it up). */
  withAssigneeName?: boolean;
  /** Above this many matches, only the total is returned (an export refuses them unread). */
  maxTotal?: number;
}

export interface IncidentListRow {
  id: string;
  reference: string;
  municipalityCode: number;
  municipalityName: string;
  title: string;
  status: IncidentStatus;
  rsitClass: string;
  rsitType: string;
  severity: string;
  tlp: string;
  assigneeId: string | null;
  awareAt: Date;
  createdAt: Date;
  version: number;
  nextDueAt: Date | null;
  overdue: boolean;
}

export interface OpenObligationRow {
  incidentId: string;
  reference: string;
  municipalityCode: number;
  assigneeId: string | null;
  kind: ObligationKind;
  dueAt: Date;
}

export type IntakeClaim =
  | { claimed: true }
  | { claimed: false; bodyHash: string; incidentId: string | null; reference: string | null };

/**
 * Every read and write of incidents goes through here; reads take the caller's scope, so that a
 * municipality's query can only ever match its own incidents.
 */
@Injectable()
export class IncidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async municipalityExists(code: number): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM municipalities WHERE code = $1', [code]);
    return rows.length > 0;
  }

  async isActiveCertAnalyst(userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND role = 'cert_analyst' AND active`,
      [userId],
    );
    return rows.length > 0;
  }

  /**
   * Claims an intake key for this transaction. A concurrent claim of the same key waits here until
   * the first commits (then finds its incident) or rolls back (then claims it itself).
   */
  async claimIntakeKey(
    m: EntityManager,
    municipalityCode: number,
    key: string,
    bodyHash: string,
  ): Promise<IntakeClaim> {
    const inserted = await m.query(
      `INSERT INTO incident_intake_keys (municipality_code, key, body_hash) VALUES ($1, $2, $3)
       ON CONFLICT (municipality_code, key) DO NOTHING RETURNING key`,
      [municipalityCode, key, bodyHash],
    );
    if (inserted.length > 0) return { claimed: true };
    const [row] = await m.query(
      `SELECT k.body_hash AS "bodyHash", k.incident_id AS "incidentId", i.reference
       FROM incident_intake_keys k LEFT JOIN incidents i ON i.id = k.incident_id
       WHERE k.municipality_code = $1 AND k.key = $2`,
      [municipalityCode, key],
    );
    return { claimed: false, ...row };
  }

  async attachIntakeKey(
    m: EntityManager,
    municipalityCode: number,
    key: string,
    incidentId: string,
  ): Promise<void> {
    await m.getRepository(IncidentIntakeKey).update({ municipalityCode, key }, { incidentId });
  }

  /** The next reference number of the year; the counter row stays locked until the transaction ends. */
  async nextSequence(m: EntityManager, year: number): Promise<number> {
    const [row] = await m.query(
      `INSERT INTO incident_reference_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = incident_reference_counters.last + 1
       RETURNING last`,
      [year],
    );
    return Number(row.last);
  }

  async insertIncident(m: EntityManager, values: QueryDeepPartialEntity<Incident>): Promise<Incident> {
    const result = await m.getRepository(Incident).insert(values);
    return m.getRepository(Incident).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  /** The incident if it is in the caller's scope; locked for the transaction when asked. */
  findInScope(
    id: string,
    scope: IncidentScope,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Incident | null> {
    return m.getRepository(Incident).findOne({
      where: scope.all ? { id } : { id, municipalityCode: scope.municipalityCode },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** The name of the region a municipality lies in (the MISP event names no municipality). */
  async regionName(municipalityCode: number): Promise<string> {
    const [row] = await this.dataSource.query(
      `SELECT r.name FROM municipalities mu JOIN regions r ON r.code = mu.region_code WHERE mu.code = $1`,
      [municipalityCode],
    );
    return row.name;
  }

  /** For KommuneCERT only (it sees all): an incident by id or by its KCERT reference. */
  findByIdOrReference(m: EntityManager, idOrReference: string): Promise<Incident | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrReference);
    return m
      .getRepository(Incident)
      .findOne({ where: isUuid ? { id: idOrReference } : { reference: idOrReference } });
  }

  async updateIncident(m: EntityManager, id: string, patch: QueryDeepPartialEntity<Incident>): Promise<void> {
    await m.getRepository(Incident).update({ id }, patch);
  }

  obligations(incidentId: string, m: EntityManager = this.dataSource.manager): Promise<IncidentObligation[]> {
    return m.getRepository(IncidentObligation).find({ where: { incidentId }, order: { dueAt: 'ASC' } });
  }

  /**
   * Makes the stored obligations the planned ones: new ones are added, dues move, and one that no
   * longer applies is dropped unless it was already submitted (what was sent stays on record).
   */
  async replaceObligations(
    m: EntityManager,
    incidentId: string,
    planned: PlannedObligation[],
  ): Promise<void> {
    await m.query(
      `DELETE FROM incident_obligations WHERE incident_id = $1 AND submitted_at IS NULL AND NOT (kind = ANY($2::text[]))`,
      [incidentId, planned.map((p) => p.kind)],
    );
    if (planned.length > 0) {
      await m.query(
        `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at)
       SELECT $1, x.kind, x.anchor_at, x.due_at
       FROM jsonb_to_recordset($2::jsonb) AS x(kind text, anchor_at timestamptz, due_at timestamptz)
       ON CONFLICT (incident_id, kind) DO UPDATE SET anchor_at = EXCLUDED.anchor_at, due_at = EXCLUDED.due_at`,
        [
          incidentId,
          JSON.stringify(
            planned.map((p) => ({
              kind: p.kind,
              anchor_at: p.anchorAt.toISOString(),
              due_at: p.dueAt.toISOString(),
            })),
          ),
        ],
      );
    }
    await this.refreshNextDue(m, incidentId);
  }

  private async refreshNextDue(m: EntityManager, incidentId: string): Promise<void> {
    await m.query(
      `UPDATE incidents SET next_due_at = (SELECT min(due_at) FROM incident_obligations
                                           WHERE incident_id = $1 AND submitted_at IS NULL)
       WHERE id = $1`,
      [incidentId],
    );
  }

  /**
   * Unsubmitted obligations of incidents still being handled, soonest first (for reminders and the
   * home pages); served by the partial index on due_at.
   */
  openObligations(filter: {
    incidentId?: string;
    dueBefore?: Date;
    limit?: number;
  }): Promise<OpenObligationRow[]> {
    return this.dataSource.query(
      `SELECT o.incident_id AS "incidentId", i.reference, i.municipality_code AS "municipalityCode",
              i.assignee_id AS "assigneeId", o.kind, o.due_at AS "dueAt"
       FROM incident_obligations o JOIN incidents i ON i.id = o.incident_id
       WHERE o.submitted_at IS NULL AND i.status NOT IN ('closed', 'not_an_incident', 'duplicate')
         AND ($1::uuid IS NULL OR o.incident_id = $1) AND ($2::timestamptz IS NULL OR o.due_at < $2)
       ORDER BY o.due_at, o.incident_id, o.kind
       LIMIT $3`,
      [filter.incidentId ?? null, filter.dueBefore ?? null, filter.limit ?? 10_000],
    );
  }

  async recordSubmission(
    m: EntityManager,
    incidentId: string,
    kind: ObligationKind,
    values: Pick<IncidentObligation, 'submittedAt' | 'reference' | 'reasonForDelay' | 'submittedById'>,
  ): Promise<void> {
    await m.getRepository(IncidentObligation).update({ incidentId, kind }, values);
    await this.refreshNextDue(m, incidentId);
  }

  async addEvents(m: EntityManager, events: NewIncidentEvent[]): Promise<void> {
    if (events.length === 0) return;
    await m.getRepository(IncidentEvent).insert(
      events.map((e) => ({
        ...e,
        field: e.field ?? null,
        before: (e.before ?? null) as QueryDeepPartialEntity<IncidentEvent>['before'],
        after: (e.after ?? null) as QueryDeepPartialEntity<IncidentEvent>['after'],
      })),
    );
  }

  events(incidentId: string, withRestricted: boolean): Promise<IncidentEvent[]> {
    return this.dataSource.getRepository(IncidentEvent).find({
      where: withRestricted ? { incidentId } : { incidentId, internal: false },
      order: { at: 'ASC', id: 'ASC' },
    });
  }

  async addComment(
    m: EntityManager,
    values: QueryDeepPartialEntity<IncidentComment>,
  ): Promise<IncidentComment> {
    const result = await m.getRepository(IncidentComment).insert(values);
    return m.getRepository(IncidentComment).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  comments(incidentId: string, withRestricted: boolean): Promise<IncidentComment[]> {
    return this.dataSource.query(
      `SELECT id, incident_id AS "incidentId", body, internal, tlp, author_id AS "authorId", author,
              created_at AS "createdAt"
       FROM incident_comments
       WHERE incident_id = $1 AND ($2 OR (NOT internal AND tlp IS DISTINCT FROM 'red'))
       ORDER BY created_at, id`,
      [incidentId, withRestricted],
    );
  }

  async addAttachment(
    m: EntityManager,
    values: QueryDeepPartialEntity<IncidentAttachment>,
  ): Promise<IncidentAttachment> {
    const result = await m.getRepository(IncidentAttachment).insert(values);
    return m.getRepository(IncidentAttachment).findOneByOrFail({ id: result.identifiers[0].id as string });
  }

  attachments(incidentId: string, withRestricted: boolean): Promise<IncidentAttachment[]> {
    return this.dataSource.query(
      `SELECT id, incident_id AS "incidentId", file_name AS "fileName", media_type AS "mediaType", size, sha256,
              internal, tlp, uploaded_by_id AS "uploadedById", uploaded_by AS "uploadedBy", created_at AS "createdAt"
       FROM incident_attachments
       WHERE incident_id = $1 AND ($2 OR (NOT internal AND tlp IS DISTINCT FROM 'red'))
       ORDER BY created_at, id`,
      [incidentId, withRestricted],
    );
  }

  /** The attachment with its content. */
  attachmentWithContent(incidentId: string, attachmentId: string): Promise<IncidentAttachment | null> {
    return this.dataSource
      .getRepository(IncidentAttachment)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :attachmentId AND a.incident_id = :incidentId', { attachmentId, incidentId })
      .getOne();
  }

  /**
   * One page of the work queue with the total of the filter: newest first, except the deadline
   * queues (overdue, due within N hours), which show the nearest deadline first. That is the order
   * an analyst works them in, and it lets PostgreSQL read them from the next_due_at index instead of
   * walking every incident newest-first and discarding those without a deadline.
   */
  async list(
    scope: IncidentScope,
    filter: IncidentListFilter,
    now: Date,
  ): Promise<{ total: number; rows: IncidentListRow[] }> {
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    let nowParam: string | undefined;
    const at = () => (nowParam ??= param(now));
    if (!scope.all) where.push(`i.municipality_code = ${param(scope.municipalityCode)}`);
    if (filter.municipalityCode !== undefined)
      where.push(`i.municipality_code = ${param(filter.municipalityCode)}`);
    if (filter.status) where.push(`i.status = ANY(${param(filter.status)}::text[])`);
    if (filter.rsitClass) where.push(`i.rsit_class = ${param(filter.rsitClass)}`);
    if (filter.severity) where.push(`i.severity = ${param(filter.severity)}`);
    if (filter.assigneeId === null) where.push('i.assignee_id IS NULL');
    else if (filter.assigneeId) where.push(`i.assignee_id = ${param(filter.assigneeId)}`);
    if (filter.from) where.push(`i.aware_at >= ${param(filter.from)}`);
    if (filter.to) where.push(`i.aware_at < ${param(filter.to)}`);
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(i.reference ILIKE ${like} OR i.title ILIKE ${like} OR i.description ILIKE ${like})`);
    }
    if (filter.overdue === true) where.push(`i.next_due_at < ${at()}`);
    if (filter.overdue === false) where.push(`(i.next_due_at IS NULL OR i.next_due_at >= ${at()})`);
    if (filter.dueWithinHours !== undefined) {
      where.push(
        `i.next_due_at >= ${at()} AND i.next_due_at <= ${at()}::timestamptz + make_interval(hours => ${param(filter.dueWithinHours)})`,
      );
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const byDeadline = filter.overdue === true || filter.dueWithinHours !== undefined;
    const orderSql = byDeadline ? 'i.next_due_at, i.id' : 'i.created_at DESC, i.id DESC';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM incidents i ${whereSql}`,
      [...params],
    );
    if (filter.maxTotal !== undefined && total > filter.maxTotal) return { total, rows: [] };
    const rows: IncidentListRow[] = await this.dataSource.query(
      `SELECT i.id, i.reference, i.municipality_code AS "municipalityCode", mu.name AS "municipalityName",
              i.title, i.status, i.rsit_class AS "rsitClass", i.rsit_type AS "rsitType", i.severity, i.tlp,
              i.assignee_id AS "assigneeId", i.aware_at AS "awareAt", i.created_at AS "createdAt", i.version,
              i.next_due_at AS "nextDueAt", coalesce(i.next_due_at < ${at()}, false) AS overdue
              ${filter.withAssigneeName ? ', a.display_name AS "assigneeName"' : ''}
       FROM incidents i
       JOIN municipalities mu ON mu.code = i.municipality_code
       ${filter.withAssigneeName ? 'LEFT JOIN users a ON a.id = i.assignee_id' : ''}
       ${whereSql}
       ORDER BY ${orderSql}
       LIMIT ${param(filter.limit)} OFFSET ${param(filter.offset)}`,
      params,
    );
    return { total, rows };
  }
}
