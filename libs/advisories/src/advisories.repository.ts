import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AdvisoryScope } from '@app/auth';
import type { Severity } from '@app/incidents';
import type { ResponseStatus } from './advisory-terms';
import { AdvisoryVersion } from './advisory-version.entity';
import { Advisory } from './advisory.entity';
import type {
  AdvisoryListItemDto,
  LinkedIncidentDto,
  MyAdvisoryResponseDto,
  ResponseRowDto,
} from './dto/advisory.response';

export interface Audience {
  all: boolean;
  municipalityCodes: number[];
  regionCodes: number[];
}

/** An active advisory and how its audience has answered (ResponseRateDto's counts). */
export interface ActiveAdvisoryRateRow {
  id: string;
  title: string;
  severity: Severity;
  respondBy: Date;
  targeted: number;
  answered: number;
  readOnly: number;
}

const RATE_SQL = `json_build_object(
  'targeted', (SELECT count(*) FROM advisory_targets t WHERE t.advisory_id = a.id),
  'answered', (SELECT count(*) FROM advisory_responses r WHERE r.advisory_id = a.id AND r.status <> 'read'),
  'readOnly', (SELECT count(*) FROM advisory_responses r WHERE r.advisory_id = a.id AND r.status = 'read'))`;

const LIST_COLUMNS = `a.id, a.title, a.summary, a.severity, a.tlp, a.status, a.respond_by AS "respondBy",
  a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** Every query of the advisories, scoped by the caller's municipality where it reads. */
@Injectable()
export class AdvisoriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The given municipality codes that do not exist, in the order given. */
  async unknownMunicipalities(codes: number[]): Promise<number[]> {
    const rows: Array<{ code: number }> = await this.dataSource.query(
      'SELECT code FROM municipalities WHERE code = ANY($1::int[])',
      [codes],
    );
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  }

  async unknownRegions(codes: number[]): Promise<number[]> {
    const rows: Array<{ code: number }> = await this.dataSource.query(
      'SELECT code FROM regions WHERE code = ANY($1::int[])',
      [codes],
    );
    const known = new Set(rows.map((r) => r.code));
    return codes.filter((c) => !known.has(c));
  }

  async unknownIncidents(ids: string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM incidents WHERE id = ANY($1::uuid[])',
      [ids],
    );
    const known = new Set(rows.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  }

  async insert(m: EntityManager, advisory: Partial<Advisory>): Promise<Advisory> {
    const repo = m.getRepository(Advisory);
    return repo.save(repo.create(advisory));
  }

  /** Resolves the audience to municipalities now and records them: who received it never changes. */
  async insertTargets(m: EntityManager, advisoryId: string, audience: Audience): Promise<number> {
    const rows: unknown[] = await m.query(
      `INSERT INTO advisory_targets (advisory_id, municipality_code)
       SELECT $1, code FROM municipalities
       WHERE $2 OR code = ANY($3::int[]) OR region_code = ANY($4::int[])
       RETURNING municipality_code`,
      [advisoryId, audience.all, audience.municipalityCodes, audience.regionCodes],
    );
    return rows.length;
  }

  addVersion(m: EntityManager, v: Omit<AdvisoryVersion, 'advisory' | 'at'>): Promise<unknown> {
    return m.query(
      `INSERT INTO advisory_versions (advisory_id, version, kind, content, changed_fields, note, changed_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [v.advisoryId, v.version, v.kind, JSON.stringify(v.content), v.changedFields, v.note, v.changedBy],
    );
  }

  async replaceIncidentLinks(m: EntityManager, advisoryId: string, incidentIds: string[]): Promise<void> {
    await m.query(
      'DELETE FROM advisory_incidents WHERE advisory_id = $1 AND NOT (incident_id = ANY($2::uuid[]))',
      [advisoryId, incidentIds],
    );
    await m.query(
      `INSERT INTO advisory_incidents (advisory_id, incident_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING`,
      [advisoryId, incidentIds],
    );
  }

  /** The advisory if the scope reads it: KommuneCERT any, a municipality one sent to it. */
  async findInScope(
    id: string,
    scope: AdvisoryScope,
    m: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<Advisory | null> {
    const qb = m.getRepository(Advisory).createQueryBuilder('a').where('a.id = :id', { id });
    if (!scope.all)
      qb.andWhere(
        'EXISTS (SELECT 1 FROM advisory_targets t WHERE t.advisory_id = a.id AND t.municipality_code = :code)',
        { code: scope.municipalityCode },
      );
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async update(m: EntityManager, id: string, changes: Partial<Advisory>): Promise<void> {
    await m.getRepository(Advisory).update({ id }, { ...changes, updatedAt: () => 'now()' } as object);
  }

  versions(id: string): Promise<AdvisoryVersion[]> {
    return this.dataSource.getRepository(AdvisoryVersion).find({
      where: { advisoryId: id },
      order: { version: 'ASC' },
    });
  }

  /** The linked incidents; for a municipality only its own (another's reference and title are not its). */
  linkedIncidents(advisoryId: string, municipalityCode: number | null): Promise<LinkedIncidentDto[]> {
    return this.dataSource.query(
      `SELECT i.id, i.reference, i.title, i.municipality_code AS "municipalityCode"
       FROM advisory_incidents l JOIN incidents i ON i.id = l.incident_id
       WHERE l.advisory_id = $1 AND ($2::int IS NULL OR i.municipality_code = $2)
       ORDER BY i.reference`,
      [advisoryId, municipalityCode],
    );
  }

  async audience(advisoryId: string): Promise<number> {
    const [{ n }] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM advisory_targets WHERE advisory_id = $1',
      [advisoryId],
    );
    return n as number;
  }

  async responseOf(advisoryId: string, municipalityCode: number): Promise<MyAdvisoryResponseDto | null> {
    const [row] = await this.dataSource.query(
      `SELECT status, comment, status_at AS "statusAt", first_read_at AS "firstReadAt", responded_by AS "respondedBy"
       FROM advisory_responses WHERE advisory_id = $1 AND municipality_code = $2`,
      [advisoryId, municipalityCode],
    );
    return (row as MyAdvisoryResponseDto | undefined) ?? null;
  }

  /**
   * Sets the municipality's status in one statement, so that officers answering at once leave one
   * row with one of their answers, whole; the first time it was opened is kept.
   */
  async upsertResponse(
    m: EntityManager,
    key: { advisoryId: string; municipalityCode: number },
    answer: { status: ResponseStatus; comment: string | null; respondedBy: string },
  ): Promise<MyAdvisoryResponseDto> {
    const [row] = await m.query(
      `INSERT INTO advisory_responses (advisory_id, municipality_code, status, comment, status_at, first_read_at, responded_by)
       VALUES ($1, $2, $3, $4, clock_timestamp(), clock_timestamp(), $5)
       ON CONFLICT (advisory_id, municipality_code) DO UPDATE
         SET status = EXCLUDED.status, comment = EXCLUDED.comment, status_at = EXCLUDED.status_at,
             responded_by = EXCLUDED.responded_by
       RETURNING status, comment, status_at AS "statusAt", first_read_at AS "firstReadAt", responded_by AS "respondedBy"`,
      [key.advisoryId, key.municipalityCode, answer.status, answer.comment, answer.respondedBy],
    );
    return row as MyAdvisoryResponseDto;
  }

  /** Marks it read for the municipality unless it has a status already; true when it did. */
  async markRead(advisoryId: string, municipalityCode: number, by: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO advisory_responses (advisory_id, municipality_code, status, status_at, first_read_at, responded_by)
       VALUES ($1, $2, 'read', clock_timestamp(), clock_timestamp(), $3)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [advisoryId, municipalityCode, by],
    );
    return rows.length > 0;
  }

  async list(scope: AdvisoryScope, limit: number, offset: number) {
    if (scope.all) {
      const rows: AdvisoryListItemDto[] = await this.dataSource.query(
        `SELECT ${LIST_COLUMNS}, NULL AS "myStatus", ${RATE_SQL} AS "responseRate",
                count(*) OVER ()::int AS total
         FROM advisories a ORDER BY a.created_at DESC, a.id LIMIT $1 OFFSET $2`,
        [limit, offset],
      );
      return rows;
    }
    // Active ones not yet answered first (no status, or only read), nearest respond-by first.
    const rows: AdvisoryListItemDto[] = await this.dataSource.query(
      `SELECT ${LIST_COLUMNS}, r.status AS "myStatus", NULL AS "responseRate", count(*) OVER ()::int AS total
       FROM advisory_targets t
       JOIN advisories a ON a.id = t.advisory_id
       LEFT JOIN advisory_responses r ON r.advisory_id = t.advisory_id AND r.municipality_code = t.municipality_code
       WHERE t.municipality_code = $1
       ORDER BY (a.status = 'active' AND (r.status IS NULL OR r.status = 'read')) DESC,
                a.status = 'active' DESC, a.respond_by, a.id
       LIMIT $2 OFFSET $3`,
      [scope.municipalityCode, limit, offset],
    );
    return rows;
  }

  /** Each active advisory's answers against its audience, nearest respond-by first, in one GROUP BY. */
  activeResponseRates(): Promise<ActiveAdvisoryRateRow[]> {
    return this.dataSource.query(
      `SELECT a.id, a.title, a.severity, a.respond_by AS "respondBy", count(*)::int AS targeted,
              count(r.status) FILTER (WHERE r.status <> 'read')::int AS answered,
              count(r.status) FILTER (WHERE r.status = 'read')::int AS "readOnly"
       FROM advisories a
       JOIN advisory_targets t ON t.advisory_id = a.id
       LEFT JOIN advisory_responses r ON r.advisory_id = t.advisory_id AND r.municipality_code = t.municipality_code
       WHERE a.status = 'active'
       GROUP BY a.id
       ORDER BY a.respond_by, a.id`,
    );
  }

  /** Every targeted municipality with its answer and its reminder for the current respond-by. */
  matrix(advisoryId: string): Promise<Array<Omit<ResponseRowDto, 'answered'>>> {
    return this.dataSource.query(
      `SELECT m.code AS "municipalityCode", m.name AS "municipalityName", m.region_code AS "regionCode",
              r.status, r.comment, r.status_at AS "statusAt", r.first_read_at AS "firstReadAt",
              r.responded_by AS "respondedBy", s.sent_at AS "remindedAt"
       FROM advisory_targets t
       JOIN advisories a ON a.id = t.advisory_id
       JOIN municipalities m ON m.code = t.municipality_code
       LEFT JOIN advisory_responses r ON r.advisory_id = t.advisory_id AND r.municipality_code = t.municipality_code
       LEFT JOIN advisory_reminders_sent s
         ON s.advisory_id = t.advisory_id AND s.municipality_code = t.municipality_code AND s.respond_by = a.respond_by
       WHERE t.advisory_id = $1
       ORDER BY m.name, m.code`,
      [advisoryId],
    );
  }

  /** The advisories linked to an incident that the scope reads. */
  ofIncident(incidentId: string, scope: AdvisoryScope): Promise<AdvisoryListItemDto[]> {
    return this.dataSource.query(
      `SELECT ${LIST_COLUMNS},
              ${scope.all ? 'NULL' : 'r.status'} AS "myStatus",
              ${scope.all ? RATE_SQL : 'NULL'} AS "responseRate"
       FROM advisory_incidents l JOIN advisories a ON a.id = l.advisory_id
       LEFT JOIN advisory_targets t ON t.advisory_id = a.id AND t.municipality_code = $2
       LEFT JOIN advisory_responses r ON r.advisory_id = a.id AND r.municipality_code = $2
       WHERE l.incident_id = $1 AND ($2::int IS NULL OR t.municipality_code IS NOT NULL)
       ORDER BY a.created_at DESC`,
      [incidentId, scope.all ? null : scope.municipalityCode],
    );
  }
}
