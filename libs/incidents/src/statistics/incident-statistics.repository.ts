import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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

/** Incidents that count: not the ones found not to be incidents, nor duplicates of another. */
const COUNTED = `i.status NOT IN ('not_an_incident', 'duplicate')`;
const MONTH = `date_trunc('month', i.aware_at AT TIME ZONE 'Europe/Copenhagen')::date`;
/** Null when the time is not recorded (greatest() would skip a null and say bucket 1). */
const BUCKET = (column: string) =>
  `CASE WHEN i.${column} IS NOT NULL
        THEN greatest(1, width_bucket(date_part('epoch', i.${column} - i.aware_at) / 3600, $1::float8[])) END`;

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

  /**
   * Replaces every stored figure in one REPEATABLE READ transaction. The change marks deleted are
   * exactly those the snapshot sees, i.e. those whose changes are counted; one committed later stays.
   */
  async recompute(): Promise<{ version: number; durationMs: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const started = Date.now();
      // One recompute at a time, whichever worker runs it; taken first, so the snapshot follows it.
      await m.query(`SELECT 1 FROM incident_statistics_state FOR UPDATE`);
      await m.query(`SET LOCAL work_mem = '64MB'`);
      await m.query(`DELETE FROM incident_statistics_changes`);
      await m.query(`DELETE FROM incident_statistics_cells`);
      // One pass, hash-aggregated per grouping set: the bits of GROUPING(...) say which key a row has.
      // The total, the classes, months, regions and size classes are not stored: the read adds them
      // up from the severities (every incident has one) and the types (`class/type`); a breach is
      // stored once as `type:status` and read as both.
      await m.query(
        `INSERT INTO incident_statistics_cells (dimension, month, municipality_code, key, incidents)
         SELECT CASE g.gid WHEN 31 THEN 'rsitType' WHEN 47 THEN 'severity' WHEN 51 THEN 'breach'
                           WHEN 61 THEN 'contained' ELSE 'resolved' END,
                g.month, g.municipality_code,
                CASE g.gid WHEN 31 THEN g.rsit_type WHEN 47 THEN g.severity WHEN 51 THEN g.pdb_type || ':' || g.pdb
                           WHEN 61 THEN g.contained::text ELSE g.resolved::text END AS key,
                g.n
         FROM (
           SELECT x.month, x.municipality_code, count(*)::int AS n,
                  GROUPING(x.rsit_type, x.severity, x.pdb_type, x.pdb, x.contained, x.resolved) AS gid,
                  x.rsit_type, x.severity, x.pdb_type, x.pdb, x.contained, x.resolved
           FROM (
             SELECT ${MONTH} AS month, i.municipality_code, i.rsit_class || '/' || i.rsit_type AS rsit_type,
                    i.severity, i.pdb_type,
                    CASE WHEN i.pdb_notifiable THEN 'notified' WHEN NOT i.pdb_notifiable THEN 'documented'
                         ELSE 'undecided' END AS pdb,
                    ${BUCKET('contained_at')} AS contained, ${BUCKET('resolved_at')} AS resolved
             FROM incidents i WHERE ${COUNTED}
           ) x
           GROUP BY GROUPING SETS (
             (x.month, x.municipality_code, x.rsit_type), (x.month, x.municipality_code, x.severity),
             (x.month, x.municipality_code, x.pdb_type, x.pdb),
             (x.month, x.municipality_code, x.contained), (x.month, x.municipality_code, x.resolved))
         ) g
         WHERE CASE g.gid WHEN 31 THEN true WHEN 47 THEN true WHEN 51 THEN g.pdb_type IS NOT NULL
                          WHEN 61 THEN g.contained IS NOT NULL ELSE g.resolved IS NOT NULL END`,
        [DURATION_BUCKET_HOURS],
      );
      // An obligation counts once it is decided: submitted, or due and not submitted (late).
      await m.query(
        `INSERT INTO incident_statistics_cells (dimension, month, municipality_code, key, incidents, met_on_time)
         SELECT 'obligation', ${MONTH}, i.municipality_code, o.kind, count(*)::int,
                count(*) FILTER (WHERE o.submitted_at <= o.due_at)::int
         FROM incidents i JOIN incident_obligations o ON o.incident_id = i.id
         WHERE ${COUNTED} AND (o.submitted_at IS NOT NULL OR o.due_at <= now())
         GROUP BY 2, 3, 4`,
      );
      const durationMs = Date.now() - started;
      // As a SELECT: TypeORM answers an UPDATE … RETURNING with [rows, count], not the rows.
      const [row] = await m.query(
        `WITH bumped AS (
           UPDATE incident_statistics_state
           SET version = version + 1, computed_at = now(), duration_ms = $1, last_error = NULL
           RETURNING version)
         SELECT version FROM bumped`,
        [durationMs],
      );
      return { version: row.version as number, durationMs };
    });
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
   * National incidents per month and RSIT class over the months `from` … `to` (first days), read
   * off the stored type rows: the cross-table the month and class series do not give.
   */
  async nationalMonthsByClass(from: string, to: string): Promise<MonthClassCount[]> {
    return this.dataSource.query(
      `SELECT to_char(month, 'YYYY-MM') AS month, split_part(key, '/', 1) AS "rsitClass",
              sum(incidents)::int AS incidents
       FROM incident_statistics_cells
       WHERE dimension = 'rsitType' AND month BETWEEN $1::date AND $2::date
       GROUP BY 1, 2 ORDER BY 1, 2`,
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
