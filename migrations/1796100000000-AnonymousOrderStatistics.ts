import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8: the minimum and maximum of a group are one municipality's score, so they are no longer
 * computed or stored; medians and quartiles of scores are stored rounded to one decimal. The level
 * counts gain the number of municipalities per cell, because K counts municipalities, not answers.
 * Every edition is marked stale so the recompute replaces the old figures, and stored reports, which
 * still print the old minimum and maximum, are dropped to be rendered again on demand.
 */
export class AnonymousOrderStatistics1796100000000 implements MigrationInterface {
  name = 'AnonymousOrderStatistics1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE edition_statistics DROP COLUMN min, DROP COLUMN max`);
    // docs/statistics.md states this rounding; the recompute applies it to every score percentile.
    await queryRunner.query(`
      CREATE FUNCTION score_percentile(subject_type text, value double precision) RETURNS numeric
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN subject_type IN ('area', 'overall') THEN round(value::numeric, 1) ELSE value::numeric END
      $$`);
    await queryRunner.query(`ALTER TABLE edition_level_counts ADD COLUMN municipalities integer`);
    // One answer per question and municipality: a question's cell counts as many municipalities as answers.
    await queryRunner.query(
      `UPDATE edition_level_counts SET municipalities = count WHERE subject_key <> '*'`,
    );
    await queryRunner.query(`
      UPDATE edition_level_counts lc SET municipalities = x.m
      FROM (
        SELECT r.edition_id,
               CASE WHEN GROUPING(mu.region_code) = 0 THEN 'region' WHEN GROUPING(municipality_size_class(mu.population)) = 0 THEN 'size_class' ELSE 'national' END AS scope_type,
               CASE WHEN GROUPING(mu.region_code) = 0 THEN mu.region_code::text WHEN GROUPING(municipality_size_class(mu.population)) = 0 THEN municipality_size_class(mu.population) ELSE 'all' END AS scope_key,
               a.value_number::smallint AS level, count(DISTINCT r.municipality_code) AS m
        FROM responses r
        JOIN answers a ON a.response_id = r.id
        JOIN questions q ON q.id = a.question_id
        JOIN municipalities mu ON mu.code = r.municipality_code
        WHERE r.status = 'submitted' AND q.type = 'scale' AND q.weight > 0
          AND NOT a.not_applicable AND a.value_number IS NOT NULL
        GROUP BY GROUPING SETS ((r.edition_id, a.value_number::smallint),
                                (r.edition_id, a.value_number::smallint, mu.region_code),
                                (r.edition_id, a.value_number::smallint, municipality_size_class(mu.population)))
      ) x
      WHERE lc.subject_key = '*' AND lc.edition_id = x.edition_id AND lc.scope_type = x.scope_type
        AND lc.scope_key = x.scope_key AND lc.level = x.level`);
    // A cell whose answers changed since the last recompute (none left) must not pass as empty.
    await queryRunner.query(`DELETE FROM edition_level_counts WHERE municipalities IS NULL`);
    await queryRunner.query(`ALTER TABLE edition_level_counts ALTER COLUMN municipalities SET NOT NULL`);
    await queryRunner.query(`UPDATE statistics_state SET stale_since = clock_timestamp()`);
    await queryRunner.query(`DELETE FROM reports`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE edition_level_counts DROP COLUMN municipalities`);
    await queryRunner.query(`DROP FUNCTION score_percentile(text, double precision)`);
    await queryRunner.query(`ALTER TABLE edition_statistics ADD COLUMN min numeric, ADD COLUMN max numeric`);
    await queryRunner.query(`UPDATE statistics_state SET stale_since = clock_timestamp()`);
  }
}
