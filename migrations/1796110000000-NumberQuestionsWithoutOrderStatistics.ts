import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8, follow-up: number questions (attacks per day, breaches) have whole-number answers, so their
 * median or a quartile is, with an odd group or two equal neighbours, one municipality's answer, and
 * rounding to one decimal does not change it (2023: a national quartile of attacks per day was one
 * municipality's 152). They now publish n, mean and sd only: score_percentile gives a percentile for the
 * overall index and the area scores alone, rounded, and nothing for any other subject. Stored figures and
 * reports that print the old number medians are replaced.
 */
export class NumberQuestionsWithoutOrderStatistics1796110000000 implements MigrationInterface {
  name = 'NumberQuestionsWithoutOrderStatistics1796110000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    // docs/statistics.md states this rule; any subject not named here gets no median or quartile.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION score_percentile(subject_type text, value double precision) RETURNS numeric
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN subject_type IN ('area', 'overall') THEN round(value::numeric, 1) END
      $$`);
    await queryRunner.query(
      `UPDATE edition_statistics SET median = NULL, q1 = NULL, q3 = NULL WHERE subject_type = 'number'`,
    );
    await queryRunner.query(`UPDATE statistics_state SET stale_since = clock_timestamp()`);
    await queryRunner.query(`DELETE FROM reports`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION score_percentile(subject_type text, value double precision) RETURNS numeric
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN subject_type IN ('area', 'overall') THEN round(value::numeric, 1) ELSE value::numeric END
      $$`);
    await queryRunner.query(`UPDATE statistics_state SET stale_since = clock_timestamp()`);
  }
}
