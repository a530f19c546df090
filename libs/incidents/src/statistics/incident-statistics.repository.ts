import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient, QueryResult } from 'pg';
import { DataSource } from 'typeorm';
import { DURATION_BUCKET_HOURS } from './duration-buckets';

export interface IncidentStatisticsState {
  version: number;
  computedAt: Date | null;
  durationMs: number | null;
  lastError: string | null;
  /** Changes to incidents or obligations that no recompute has counted yet. */
  stale: boolean;
}

/** One figure of one scope over a range of months; key `*` is the dimension's total. */
export interface ScopeFigureRow {
  dimension: string;
  key: string;
  scope: 'national' | 'region' | 'municipality';
  scopeKey: string;
  incidents: number;
  metOnTime: number | null;
  municipalities: number;
}

export interface MonthClassCount {
  /** YYYY-MM */
  month: string;
  rsitClass: string;
  incidents: number;
}

export interface MunicipalityFacts {
  code: number;
  name: string;
  regionCode: number;
  regionName: string;
  population: number;
  sizeClass: string;
}

/** The incidents of one month (`YYYY-MM`) and RSIT class. */
/** A region's incidents over a range of months (every incident has one severity row). */
export interface RegionTotalRow {
  regionCode: number;
  regionName: string;
  population: number;
  incidents: number;
}

/** Incidents that count: not the ones found not to be incidents, nor duplicates of another. */
const COUNTED = `i.status NOT IN ('not_an_incident', 'duplicate')`;
const MONTH_EXACT = `date_trunc('month', i.aware_at AT TIME ZONE 'Europe/Copenhagen')::date`;
/**
 * The month of `aware_at` in Danish time, as MONTH_EXACT says, found by binary search (width_bucket)
 * among the month starts of 1970–2199 as instants, built once per statement: a time-zone conversion
 * per incident costs more than the comparisons. Outside those years, MONTH_EXACT itself. (In those
 * years no clock change falls near a month start, so the two agree; the e2e test checks the edges.)
 */
const MONTH = `coalesce(
  (SELECT array_agg(s::date ORDER BY s)
   FROM generate_series(timestamp '1970-01-01', timestamp '2199-12-01', interval '1 month') s)
  [width_bucket(i.aware_at, (SELECT array_agg(s AT TIME ZONE 'Europe/Copenhagen' ORDER BY s)
                             FROM generate_series(timestamp '1970-01-01', timestamp '2200-01-01', interval '1 month') s))],
  ${MONTH_EXACT})`;
/** Null when the time is not recorded (greatest() would skip a null and say bucket 1). */
const BUCKET = (column: string) =>
  `CASE WHEN i.${column} IS NOT NULL
        THEN greatest(1, width_bucket(date_part('epoch', i.${column} - i.aware_at) / 3600,
                                      '{${DURATION_BUCKET_HOURS.join(',')}}'::float8[])) END`;

/**
 * The whole recompute, sent as one string (simple protocol, so the constants are inlined): one round
 * trip instead of ten, which under load is a good part of its time. One REPEATABLE READ transaction;
 * the change marks deleted are exactly those the snapshot sees, i.e. those whose changes are counted,
 * and one committed later stays.
 */
const RECOMPUTE = `
BEGIN ISOLATION LEVEL REPEATABLE READ;
-- One recompute at a time, whichever worker runs it; taken first, so the snapshot follows it.
SELECT 1 FROM incident_statistics_state FOR UPDATE;
SET LOCAL work_mem = '64MB';
-- Derived figures: a commit lost in a crash leaves its change marks, and the reconciliation recomputes.
SET LOCAL synchronous_commit = off;
DELETE FROM incident_statistics_changes;
DELETE FROM incident_statistics_cells;
-- One pass, hash-aggregated per grouping set, on the columns as stored (keys are built per group, not
-- per incident). The total, the classes, months, regions and size classes are not stored: the read
-- adds them up from the severities (every incident has one) and the types (\`class/type\`); a breach
-- is stored once as \`type:status\` and read as both.
INSERT INTO incident_statistics_cells (dimension, month, municipality_code, key, incidents)
SELECT CASE WHEN GROUPING(x.rsit_type) = 0 THEN 'rsitType' WHEN GROUPING(x.severity) = 0 THEN 'severity'
            WHEN GROUPING(x.pdb_type) = 0 THEN 'breach' WHEN GROUPING(x.contained) = 0 THEN 'contained'
            ELSE 'resolved' END,
       x.month, x.municipality_code,
       CASE WHEN GROUPING(x.rsit_type) = 0 THEN x.rsit_class || '/' || x.rsit_type
            WHEN GROUPING(x.severity) = 0 THEN x.severity
            WHEN GROUPING(x.pdb_type) = 0
              THEN x.pdb_type || ':' || CASE WHEN x.pdb_notifiable THEN 'notified'
                                             WHEN NOT x.pdb_notifiable THEN 'documented' ELSE 'undecided' END
            WHEN GROUPING(x.contained) = 0 THEN x.contained::text ELSE x.resolved::text END,
       count(*)::int
FROM (
  SELECT ${MONTH} AS month, i.municipality_code, i.rsit_class, i.rsit_type, i.severity, i.pdb_type, i.pdb_notifiable,
         ${BUCKET('contained_at')} AS contained, ${BUCKET('resolved_at')} AS resolved
  FROM incidents i WHERE ${COUNTED}
) x
GROUP BY GROUPING SETS (
  (x.month, x.municipality_code, x.rsit_class, x.rsit_type), (x.month, x.municipality_code, x.severity),
  (x.month, x.municipality_code, x.pdb_type, x.pdb_notifiable),
  (x.month, x.municipality_code, x.contained), (x.month, x.municipality_code, x.resolved))
-- A breach row needs a breach, a time row a recorded time.
HAVING (GROUPING(x.pdb_type) = 1 OR x.pdb_type IS NOT NULL) AND (GROUPING(x.contained) = 1 OR x.contained IS NOT NULL)
   AND (GROUPING(x.resolved) = 1 OR x.resolved IS NOT NULL);
-- An obligation counts once it is decided: submitted, or due and not submitted (late).
INSERT INTO incident_statistics_cells (dimension, month, municipality_code, key, incidents, met_on_time)
SELECT 'obligation', ${MONTH}, i.municipality_code, o.kind, count(*)::int,
       count(*) FILTER (WHERE o.submitted_at <= o.due_at)::int
FROM incidents i JOIN incident_obligations o ON o.incident_id = i.id
WHERE ${COUNTED} AND (o.submitted_at IS NOT NULL OR o.due_at <= now())
GROUP BY 2, 3, 4;
UPDATE incident_statistics_state
SET version = version + 1, computed_at = now(), last_error = NULL,
    duration_ms = round(date_part('epoch', clock_timestamp() - now()) * 1000)
RETURNING version, duration_ms AS "durationMs";
COMMIT;`;

/**
 * The incident statistics' SQL: the recompute stores, per month and municipality, the incidents
 * per key of every dimension in two set-based statements; the read adds them up per scope over a
 * range of months. No incident row is loaded into Node.
 */
@Injectable()
export class IncidentStatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async state(): Promise<IncidentStatisticsState> {
    const [row] = await this.dataSource.query(
      `SELECT version, computed_at AS "computedAt", duration_ms AS "durationMs", last_error AS "lastError",
              EXISTS (SELECT 1 FROM incident_statistics_changes)
              -- An unlogged table comes back empty after a crash of the server.
              OR (NOT EXISTS (SELECT 1 FROM incident_statistics_cells) AND EXISTS (SELECT 1 FROM incidents i WHERE ${COUNTED})) AS stale
       FROM incident_statistics_state`,
    );
    return row;
  }

  async recordError(message: string): Promise<void> {
    await this.dataSource.query(`UPDATE incident_statistics_state SET last_error = $1`, [message]);
  }

  /** Replaces every stored figure (RECOMPUTE). */
  async recompute(): Promise<{ version: number; durationMs: number }> {
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      const results = (await client.query(RECOMPUTE)) as unknown as QueryResult[];
      const [row] = results.find((r) => r.command === 'UPDATE')!.rows;
      return { version: row.version as number, durationMs: row.durationMs as number };
    } catch (e) {
      // A failed statement skips the rest and leaves the transaction open, aborted.
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      await runner.release();
    }
  }

  /**
   * The stored figures added up over the months `from` … `to` (first days), per scope: national,
   * region, and municipality. `groupBy` picks the dimension besides the fixed ones; the total, month,
   * region and size class are read off the severity rows, the classes off the types.
   */
  async figures(from: string, to: string, groupBy: string): Promise<ScopeFigureRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH stored AS (
         SELECT c.dimension, c.key, c.month, c.municipality_code, c.incidents, c.met_on_time, mu.region_code,
                mu.population
         FROM incident_statistics_cells c JOIN municipalities mu ON mu.code = c.municipality_code
         WHERE c.month BETWEEN $1::date AND $2::date),
       c AS (
         SELECT dimension, key, municipality_code, incidents, met_on_time, region_code FROM stored
         WHERE dimension IN ('obligation', 'contained', 'resolved')
            OR (dimension = $3 AND dimension IN ('severity', 'rsitType'))
         UNION ALL
         SELECT 'pdb', split_part(key, ':', 2), municipality_code, incidents, NULL, region_code
         FROM stored WHERE dimension = 'breach'
         UNION ALL
         SELECT 'pdbType', split_part(key, ':', 1), municipality_code, incidents, NULL, region_code
         FROM stored WHERE dimension = 'breach'
         UNION ALL
         SELECT 'all', 'all', municipality_code, incidents, NULL, region_code FROM stored WHERE dimension = 'severity'
         UNION ALL
         SELECT 'rsitClass', split_part(key, '/', 1), municipality_code, incidents, NULL, region_code
         FROM stored WHERE dimension = 'rsitType' AND $3 = 'rsitClass'
         UNION ALL
         SELECT $3, CASE $3 WHEN 'month' THEN to_char(month, 'YYYY-MM')
                            WHEN 'region' THEN region_code::text
                            ELSE municipality_size_class(population) END,
                municipality_code, incidents, NULL, region_code
         FROM stored WHERE dimension = 'severity' AND $3 IN ('month', 'region', 'sizeClass'))
       SELECT dimension, CASE WHEN GROUPING(key) = 1 THEN '*' ELSE key END AS key,
              CASE WHEN GROUPING(region_code) = 0 THEN 'region'
                   WHEN GROUPING(municipality_code) = 0 THEN 'municipality' ELSE 'national' END AS scope,
              coalesce(region_code::text, municipality_code::text, 'all') AS "scopeKey",
              sum(incidents)::int AS incidents, sum(met_on_time)::int AS "metOnTime",
              count(DISTINCT municipality_code)::int AS municipalities
       FROM c
       GROUP BY GROUPING SETS ((dimension, key), (dimension), (dimension, key, region_code),
                               (dimension, region_code), (dimension, key, municipality_code),
                               (dimension, municipality_code))`,
      [from, to, groupBy],
    );
    return rows as unknown as ScopeFigureRow[];
  }

  /**
   * The stored incidents per month and RSIT class over the months `from` … `to` (first days), all
   * municipalities together: the dashboard's stacked chart, which no single `groupBy` gives. Read
   * off the type rows, as `figures` reads the classes.
   */
  monthsByClass(from: string, to: string): Promise<MonthClassCount[]> {
    return this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, split_part(key, '/', 1) AS "rsitClass",
              sum(incidents)::int AS incidents
       FROM incident_statistics_cells
       WHERE dimension = 'rsitType' AND month BETWEEN $1::date AND $2::date
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [from, to],
    );
  }

  /** The stored incidents of each region over the months `from` … `to`, with its population. */
  regionTotals(from: string, to: string): Promise<RegionTotalRow[]> {
    return this.dataSource.query(
      `SELECT r.code AS "regionCode", r.name AS "regionName",
              (SELECT sum(m.population)::int FROM municipalities m WHERE m.region_code = r.code) AS population,
              coalesce(sum(c.incidents), 0)::int AS incidents
       FROM regions r
       LEFT JOIN municipalities mu ON mu.region_code = r.code
       LEFT JOIN incident_statistics_cells c
         ON c.municipality_code = mu.code AND c.dimension = 'severity' AND c.month BETWEEN $1::date AND $2::date
       GROUP BY r.code, r.name ORDER BY r.code`,
      [from, to],
    );
  }

  async municipalities(): Promise<MunicipalityFacts[]> {
    return this.dataSource.query(
      `SELECT m.code, m.name, m.region_code AS "regionCode", r.name AS "regionName", m.population,
              municipality_size_class(m.population) AS "sizeClass"
       FROM municipalities m JOIN regions r ON r.code = m.region_code ORDER BY m.code`,
    );
  }
}
