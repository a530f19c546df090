import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The answers are read through the responses lib's read-only views, never its tables. The views are
 * owned by libs/responses (responses-read-views.ts, migration ResponsesReadViews). Named here rather
 * than imported: this file is loaded by the bench without the Nest modules behind @app/responses.
 */
const ANSWER_VALUES = 'submitted_answer_values';
const SUBMITTED = 'submitted_responses';
/** The incidents lib's read-only view of the incidents that count (libs/incidents, incident-read-views.ts). */
const COUNTED_INCIDENTS = 'counted_incidents';

/** Scope columns for GROUPING SETS: national, per region, per size class. */
const SCOPE_COLUMNS = `
  CASE WHEN GROUPING(x.region_code) = 0 THEN 'region' WHEN GROUPING(x.size_class) = 0 THEN 'size_class' ELSE 'national' END,
  CASE WHEN GROUPING(x.region_code) = 0 THEN x.region_code::text WHEN GROUPING(x.size_class) = 0 THEN x.size_class ELSE 'all' END`;

export interface StatRow {
  scopeType: 'national' | 'region' | 'size_class';
  scopeKey: string;
  subjectType: 'question' | 'area' | 'overall' | 'number' | 'all_answers' | 'participation';
  subjectKey: string;
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
}

export interface LevelCountRow {
  scopeType: string;
  scopeKey: string;
  subjectKey: string;
  level: number;
  count: number;
  /** Municipalities with an answer in the cell; K applies to these. */
  municipalities: number;
}

/** One quartile's municipalities and their incidents in the edition's year, as stored. */
export interface IncidentQuartileRow {
  /** 1 (lowest overall index) … 4; 0: the municipalities in no quartile (no index this edition). */
  quartile: number;
  municipalities: number;
  population: number;
  incidents: number;
  municipalitiesWithIncidents: number;
}

export interface StatisticsState {
  editionId: string;
  staleSince: Date | null;
  version: number;
  computedAt: Date | null;
  computedFrom: Date | null;
  durationMs: number | null;
  lastError: string | null;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * All benchmark arithmetic lives in the SQL below: answers are aggregated set-based in PostgreSQL
 * and never loaded into Node.
 */
@Injectable()
export class StatisticsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Records that the edition's figures no longer match its answers. The time is that of the latest
   * change; a recompute clears it only if it started after that change (its row lock makes a
   * change during a recompute wait, so the change always lands after the recompute's snapshot).
   */
  async markStale(editionId: string, m: EntityManager = this.dataSource.manager): Promise<void> {
    await m.query(
      `INSERT INTO statistics_state (edition_id, stale_since) VALUES ($1, clock_timestamp())
       ON CONFLICT (edition_id) DO UPDATE SET stale_since = clock_timestamp()`,
      [editionId],
    );
  }

  /**
   * Marks the published editions after `year` stale: their year-on-year figures and reports drew on
   * an edition whose publication was withdrawn, and must be computed and rendered again without it.
   */
  async markLaterPublishedStale(year: number, m: EntityManager): Promise<void> {
    await m.query(
      `INSERT INTO statistics_state (edition_id, stale_since)
       SELECT id, clock_timestamp() FROM editions WHERE status = 'published' AND year > $1
       ON CONFLICT (edition_id) DO UPDATE SET stale_since = clock_timestamp()`,
      [year],
    );
  }

  async findStaleEditionIds(): Promise<string[]> {
    const rows: Array<{ edition_id: string }> = await this.dataSource.query(
      `SELECT edition_id FROM statistics_state WHERE stale_since IS NOT NULL ORDER BY stale_since`,
    );
    return rows.map((r) => r.edition_id);
  }

  async state(editionId: string): Promise<StatisticsState | null> {
    const [row] = await this.dataSource.query(
      `SELECT edition_id AS "editionId", stale_since AS "staleSince", version, computed_at AS "computedAt",
              computed_from AS "computedFrom", duration_ms AS "durationMs", last_error AS "lastError"
       FROM statistics_state WHERE edition_id = $1`,
      [editionId],
    );
    return row ?? null;
  }

  async recordError(editionId: string, message: string): Promise<void> {
    await this.dataSource.query(`UPDATE statistics_state SET last_error = $2 WHERE edition_id = $1`, [
      editionId,
      message,
    ]);
  }

  /**
   * Replaces every figure of the edition in one REPEATABLE READ transaction: one snapshot of the
   * answers, and readers see either the old figures or the new ones, never a mix.
   */
  async recompute(editionId: string): Promise<{ version: number; participants: number }> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const started = Date.now();
      await m.query(`INSERT INTO statistics_state (edition_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
        editionId,
      ]);
      await m.query(`SELECT 1 FROM statistics_state WHERE edition_id = $1 FOR UPDATE`, [editionId]);
      await m.query(`DELETE FROM municipality_scores WHERE edition_id = $1`, [editionId]);
      await m.query(`DELETE FROM edition_statistics WHERE edition_id = $1`, [editionId]);
      await m.query(`DELETE FROM edition_level_counts WHERE edition_id = $1`, [editionId]);
      await m.query(`DELETE FROM edition_incident_quartiles WHERE edition_id = $1`, [editionId]);

      // Room to hash-aggregate a large edition's answers in memory.
      await m.query(`SET LOCAL work_mem = '64MB'`);

      // Three hash-aggregated passes over the scored answers (N/A excluded): counts per question,
      // level, region and size class; counts per municipality and level (for the all-questions row,
      // where K needs the municipalities behind a level); and weighted sums per municipality and
      // area. (One pass with GROUPING SETS makes PostgreSQL sort every answer twice, which is slower;
      // a cube per question and municipality is as large as the answers.)
      const scoredAnswers = `FROM ${ANSWER_VALUES} a
         JOIN questions q ON q.id = a.question_id
         JOIN municipalities mu ON mu.code = a.municipality_code
         WHERE a.edition_id = $1 AND q.type = 'scale' AND q.weight > 0`;
      await m.query(
        `CREATE TEMP TABLE level_cube ON COMMIT DROP AS
         SELECT q.key AS qkey, a.value_number::smallint AS level, mu.region_code,
                municipality_size_class(mu.population) AS size_class, count(*) AS cnt
         ${scoredAnswers}
         GROUP BY 1, 2, 3, 4`,
        [editionId],
      );
      await m.query(
        `CREATE TEMP TABLE municipality_levels ON COMMIT DROP AS
         SELECT a.municipality_code AS mun, a.value_number::smallint AS level, mu.region_code,
                municipality_size_class(mu.population) AS size_class, count(*) AS cnt
         ${scoredAnswers}
         GROUP BY 1, 2, 3, 4`,
        [editionId],
      );
      await m.query(
        `CREATE TEMP TABLE area_sums ON COMMIT DROP AS
         SELECT a.municipality_code AS mun, q.area_id, sum(q.weight * a.value_number) AS wsum, sum(q.weight) AS wtotal
         FROM ${ANSWER_VALUES} a
         JOIN questions q ON q.id = a.question_id
         WHERE a.edition_id = $1 AND q.type = 'scale' AND q.weight > 0
         GROUP BY 1, 2`,
        [editionId],
      );

      // Per municipality: area score = weighted mean of its questions; overall = weighted mean of
      // areas; and its answers to number questions.
      await m.query(
        `WITH area_scores AS (
           SELECT s.mun, ar.key AS akey, ar.weight AS aw, s.wsum / s.wtotal AS score
           FROM area_sums s JOIN areas ar ON ar.id = s.area_id
         )
         INSERT INTO municipality_scores (edition_id, municipality_code, subject_type, subject_key, score)
         SELECT $1::uuid, mun, 'area', akey, score FROM area_scores
         UNION ALL
         SELECT $1::uuid, mun, 'overall', 'overall', sum(aw * score) / sum(aw) FROM area_scores GROUP BY mun HAVING sum(aw) > 0
         UNION ALL
         SELECT $1::uuid, a.municipality_code, 'number', q.key, a.value_number
         FROM ${ANSWER_VALUES} a
         JOIN questions q ON q.id = a.question_id
         WHERE a.edition_id = $1 AND q.type = 'number'`,
        [editionId],
      );

      // Area, overall and number distributions per scope (national, region, size class) with GROUPING SETS.
      // No minimum or maximum: each is one municipality's score. Medians and quartiles of scores are
      // rounded to one decimal, so that a group's middle municipality is not published to the third;
      // number questions get none (score_percentile gives NULL): a whole-number answer stays itself.
      await m.query(
        `INSERT INTO edition_statistics (edition_id, scope_type, scope_key, subject_type, subject_key, n, mean, sd, median, q1, q3)
         SELECT $1::uuid, ${SCOPE_COLUMNS}, x.subject_type, x.subject_key, count(*), avg(x.score), stddev_samp(x.score),
                score_percentile(x.subject_type, percentile_cont(0.5) WITHIN GROUP (ORDER BY x.score)),
                score_percentile(x.subject_type, percentile_cont(0.25) WITHIN GROUP (ORDER BY x.score)),
                score_percentile(x.subject_type, percentile_cont(0.75) WITHIN GROUP (ORDER BY x.score))
         FROM (
           SELECT s.subject_type, s.subject_key, s.score, m.region_code, municipality_size_class(m.population) AS size_class
           FROM municipality_scores s JOIN municipalities m ON m.code = s.municipality_code
           WHERE s.edition_id = $1
         ) x
         GROUP BY GROUPING SETS ((x.subject_type, x.subject_key), (x.subject_type, x.subject_key, x.region_code),
                                 (x.subject_type, x.subject_key, x.size_class))`,
        [editionId],
      );

      // Answers per level, per question and over all questions ('*'), with the municipalities behind
      // them: K is applied to municipalities, not to answers. A municipality answers a question once,
      // so a question's answers are its municipalities; over all questions each row of
      // municipality_levels is one municipality.
      await m.query(
        `INSERT INTO edition_level_counts (edition_id, scope_type, scope_key, subject_key, level, count, municipalities)
         SELECT $1::uuid, ${SCOPE_COLUMNS}, x.qkey, x.level, sum(x.cnt), sum(x.cnt)
         FROM level_cube x
         GROUP BY GROUPING SETS ((x.qkey, x.level), (x.qkey, x.level, x.region_code), (x.qkey, x.level, x.size_class))
         UNION ALL
         SELECT $1::uuid, ${SCOPE_COLUMNS}, '*', x.level, sum(x.cnt), count(*)
         FROM municipality_levels x
         GROUP BY GROUPING SETS ((x.level), (x.level, x.region_code), (x.level, x.size_class))`,
        [editionId],
      );

      // Question statistics from the level counts: the same figures as over the raw answers.
      await m.query(
        `INSERT INTO edition_statistics (edition_id, scope_type, scope_key, subject_type, subject_key, n, mean, sd, median, q1, q3)
         SELECT $1::uuid, scope_type, scope_key, CASE WHEN subject_key = '*' THEN 'all_answers' ELSE 'question' END, subject_key,
                sum(count), sum(level * count)::numeric / sum(count),
                CASE WHEN sum(count) > 1 THEN
                  sqrt(greatest(sum(level * level * count)::numeric - sum(level * count)::numeric ^ 2 / sum(count), 0) / (sum(count) - 1))
                END,
                percentile_from_counts(array_agg(level::numeric ORDER BY level), array_agg(count::bigint ORDER BY level), 0.5),
                percentile_from_counts(array_agg(level::numeric ORDER BY level), array_agg(count::bigint ORDER BY level), 0.25),
                percentile_from_counts(array_agg(level::numeric ORDER BY level), array_agg(count::bigint ORDER BY level), 0.75)
         FROM edition_level_counts WHERE edition_id = $1
         GROUP BY scope_type, scope_key, subject_key`,
        [editionId],
      );

      // Participation: submitted responses per scope.
      await m.query(
        `INSERT INTO edition_statistics (edition_id, scope_type, scope_key, subject_type, subject_key, n)
         SELECT $1::uuid, ${SCOPE_COLUMNS}, 'participation', 'participation', count(*)
         FROM (
           SELECT m.region_code, municipality_size_class(m.population) AS size_class
           FROM ${SUBMITTED} r JOIN municipalities m ON m.code = r.municipality_code
           WHERE r.edition_id = $1
         ) x
         GROUP BY GROUPING SETS ((), (x.region_code), (x.size_class))`,
        [editionId],
      );

      // Incidents by maturity quartile (docs/statistics.md): every municipality gets the quartile
      // position its own report shows (its index, to three decimals, against the published rounded
      // quartiles), or 0 when it has no index; then its incidents in the edition's year are added up
      // per quartile. An edition without an overall row (nobody answered) stores nothing.
      await m.query(
        `INSERT INTO edition_incident_quartiles
           (edition_id, quartile, municipalities, population, incidents, municipalities_with_incidents)
         WITH bounds AS (
           SELECT q1, median, q3 FROM edition_statistics
           WHERE edition_id = $1 AND scope_type = 'national' AND subject_type = 'overall'),
         positions AS (
           SELECT mu.code, mu.population,
                  CASE WHEN s.score IS NULL THEN 0
                       WHEN round(s.score, 3) <= b.q1 THEN 1
                       WHEN round(s.score, 3) <= b.median THEN 2
                       WHEN round(s.score, 3) <= b.q3 THEN 3
                       ELSE 4 END AS quartile
           FROM bounds b CROSS JOIN municipalities mu
           LEFT JOIN municipality_scores s
             ON s.edition_id = $1 AND s.subject_type = 'overall' AND s.municipality_code = mu.code),
         counts AS (
           SELECT c.municipality_code, count(*)::int AS incidents FROM ${COUNTED_INCIDENTS} c
           WHERE c.aware_year = (SELECT year FROM editions WHERE id = $1)
           GROUP BY 1)
         SELECT $1::uuid, p.quartile, count(*), sum(p.population), coalesce(sum(c.incidents), 0),
                count(c.municipality_code)
         FROM positions p LEFT JOIN counts c ON c.municipality_code = p.code
         GROUP BY p.quartile`,
        [editionId],
      );

      const [{ version }] = await m
        .query(
          `UPDATE statistics_state
         SET version = version + 1, computed_at = clock_timestamp(), computed_from = now(), duration_ms = $2,
             last_error = NULL,
             stale_since = CASE WHEN stale_since > now() THEN stale_since ELSE NULL END
         WHERE edition_id = $1 RETURNING version`,
          [editionId, Date.now() - started],
        )
        .then((r: [Array<{ version: number }>, number]) => r[0]);
      const [{ n }] = await m.query(`SELECT count(*)::int AS n FROM ${SUBMITTED} WHERE edition_id = $1`, [
        editionId,
      ]);
      return { version, participants: n };
    });
  }

  async statRows(editionId: string, scopeType?: string): Promise<StatRow[]> {
    const rows = await this.dataSource.query(
      `SELECT scope_type AS "scopeType", scope_key AS "scopeKey", subject_type AS "subjectType", subject_key AS "subjectKey",
              n, mean, sd, median, q1, q3
       FROM edition_statistics WHERE edition_id = $1 AND ($2::text IS NULL OR scope_type = $2)`,
      [editionId, scopeType ?? null],
    );
    return rows.map((r: Record<string, unknown>) => ({
      ...r,
      n: Number(r.n),
      mean: num(r.mean),
      sd: num(r.sd),
      median: num(r.median),
      q1: num(r.q1),
      q3: num(r.q3),
    })) as StatRow[];
  }

  async levelCounts(editionId: string, scopeType?: string): Promise<LevelCountRow[]> {
    return this.dataSource.query(
      `SELECT scope_type AS "scopeType", scope_key AS "scopeKey", subject_key AS "subjectKey", level, count, municipalities
       FROM edition_level_counts WHERE edition_id = $1 AND ($2::text IS NULL OR scope_type = $2)
       ORDER BY subject_key, level`,
      [editionId, scopeType ?? null],
    );
  }

  /** The stored incidents by maturity quartile (0: the municipalities in no quartile). */
  async incidentQuartiles(editionId: string): Promise<IncidentQuartileRow[]> {
    const rows: Array<Record<string, string | number>> = await this.dataSource.query(
      `SELECT quartile, municipalities, population, incidents,
              municipalities_with_incidents AS "municipalitiesWithIncidents"
       FROM edition_incident_quartiles WHERE edition_id = $1 ORDER BY quartile`,
      [editionId],
    );
    return rows.map((r) => ({
      quartile: Number(r.quartile),
      municipalities: Number(r.municipalities),
      population: Number(r.population),
      incidents: Number(r.incidents),
      municipalitiesWithIncidents: Number(r.municipalitiesWithIncidents),
    }));
  }

  /** The municipality's own scores; only ever called for the signed-in officer's municipality. */
  async ownScores(
    editionId: string,
    municipalityCode: number,
  ): Promise<Array<{ subjectType: string; subjectKey: string; score: number }>> {
    // Question scores are the answers themselves, so they are read from the answers, not copied.
    const rows = await this.dataSource.query(
      `SELECT subject_type AS "subjectType", subject_key AS "subjectKey", score FROM municipality_scores
       WHERE edition_id = $1 AND municipality_code = $2
       UNION ALL
       SELECT 'question', q.key, a.value_number
       FROM ${ANSWER_VALUES} a JOIN questions q ON q.id = a.question_id
       WHERE a.edition_id = $1 AND a.municipality_code = $2 AND q.type = 'scale' AND q.weight > 0`,
      [editionId, municipalityCode],
    );
    return rows.map((r: { subjectType: string; subjectKey: string; score: string }) => ({
      ...r,
      score: Number(r.score),
    }));
  }

  /** Municipalities per scope, to show participation as a share. */
  async municipalitiesPerScope(): Promise<
    Array<{ scopeType: string; scopeKey: string; count: number; name: string | null }>
  > {
    return this.dataSource.query(
      `SELECT 'national' AS "scopeType", 'all' AS "scopeKey", count(*)::int AS count, NULL AS name FROM municipalities
       UNION ALL
       SELECT 'region', m.region_code::text, count(*)::int, min(r.name) FROM municipalities m JOIN regions r ON r.code = m.region_code GROUP BY m.region_code
       UNION ALL
       SELECT 'size_class', municipality_size_class(population), count(*)::int, NULL FROM municipalities GROUP BY 2`,
    );
  }

  /** Maps this edition's question keys to the previous edition's (a question may continue an older key). */
  async keyLineage(editionId: string): Promise<Map<string, string>> {
    const rows: Array<{ key: string; previous: string }> = await this.dataSource.query(
      `SELECT key, coalesce(continues_key, key) AS previous FROM questions WHERE edition_id = $1`,
      [editionId],
    );
    return new Map(rows.map((r) => [r.key, r.previous]));
  }
}
