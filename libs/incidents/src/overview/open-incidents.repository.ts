import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ObligationKind } from '../regulatory-clocks';

/** Open: still being worked (every status but closed, not an incident and duplicate; isSettled). */
const OPEN = `i.status NOT IN ('closed', 'not_an_incident', 'duplicate')`;

export interface OpenCountsRow {
  /** null: every region together. */
  regionCode: number | null;
  open: number;
  overdue: number;
  dueWithin: number;
}

export interface OpenByMunicipalityRow {
  municipalityCode: number;
  municipalityName: string;
  open: number;
  overdue: number;
}

export interface DueObligationRow {
  incidentId: string;
  reference: string;
  title: string;
  municipalityName: string;
  kind: ObligationKind;
  dueAt: Date;
}

/**
 * The live picture of the open incidents across all municipalities, for KommuneCERT's dashboard:
 * each figure one set-based statement over the incidents, served by the status and deadline indexes.
 * Overdue and due-soon go by `next_due_at` (the nearest unsubmitted obligation), as the work queue does.
 */
@Injectable()
export class OpenIncidentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Open, overdue and due within `hours`, per region and (regionCode null) in all. */
  counts(now: Date, hours: number): Promise<OpenCountsRow[]> {
    return this.dataSource.query(
      `SELECT mu.region_code AS "regionCode", count(*)::int AS open,
              count(*) FILTER (WHERE i.next_due_at < $1)::int AS overdue,
              count(*) FILTER (WHERE i.next_due_at >= $1
                                 AND i.next_due_at <= $1::timestamptz + make_interval(hours => $2))::int AS "dueWithin"
       FROM incidents i JOIN municipalities mu ON mu.code = i.municipality_code
       WHERE ${OPEN}
       GROUP BY ROLLUP (mu.region_code)`,
      [now, hours],
    );
  }

  /** The municipalities with the most open incidents, most first (then by name). */
  topMunicipalities(now: Date, limit: number): Promise<OpenByMunicipalityRow[]> {
    return this.dataSource.query(
      `SELECT i.municipality_code AS "municipalityCode", mu.name AS "municipalityName", count(*)::int AS open,
              count(*) FILTER (WHERE i.next_due_at < $1)::int AS overdue
       FROM incidents i JOIN municipalities mu ON mu.code = i.municipality_code
       WHERE ${OPEN}
       GROUP BY i.municipality_code, mu.name
       ORDER BY open DESC, mu.name
       LIMIT $2`,
      [now, limit],
    );
  }

  /**
   * The unsubmitted obligations of open incidents due from now to `hours` ahead, soonest first, at
   * most `limit`, with how many there are in all.
   */
  async dueWithin(
    now: Date,
    hours: number,
    limit: number,
  ): Promise<{ total: number; rows: DueObligationRow[] }> {
    const rows: Array<DueObligationRow & { total: number }> = await this.dataSource.query(
      `SELECT o.incident_id AS "incidentId", i.reference, i.title, mu.name AS "municipalityName", o.kind,
              o.due_at AS "dueAt", count(*) OVER ()::int AS total
       FROM incident_obligations o
       JOIN incidents i ON i.id = o.incident_id
       JOIN municipalities mu ON mu.code = i.municipality_code
       WHERE o.submitted_at IS NULL AND ${OPEN}
         AND o.due_at >= $1 AND o.due_at <= $1::timestamptz + make_interval(hours => $2)
       ORDER BY o.due_at, i.reference, o.kind
       LIMIT $3`,
      [now, hours, limit],
    );
    return { total: rows[0]?.total ?? 0, rows: rows.map(({ total: _total, ...row }) => row) };
  }
}
