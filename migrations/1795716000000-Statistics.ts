import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Benchmark statistics, written only by the recompute job (one transaction per edition) and read
 * through the statistics repository. Plain SQL tables without entities: they are produced and
 * consumed by set-based SQL, never loaded as objects.
 */
export class Statistics1795716000000 implements MigrationInterface {
  name = 'Statistics1795716000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION municipality_size_class(population integer) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN population < 30000 THEN 'under-30k'
                    WHEN population < 50000 THEN '30k-50k'
                    WHEN population < 100000 THEN '50k-100k'
                    ELSE '100k-plus' END
      $$`);
    await queryRunner.query(`
      CREATE TABLE statistics_state (
        edition_id uuid PRIMARY KEY REFERENCES editions(id) ON DELETE CASCADE,
        stale_since timestamptz,
        version integer NOT NULL DEFAULT 0,
        computed_at timestamptz,
        computed_from timestamptz,
        duration_ms integer,
        last_error text
      )`);
    await queryRunner.query(`
      CREATE TABLE municipality_scores (
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        municipality_code smallint NOT NULL REFERENCES municipalities(code),
        subject_type text NOT NULL CHECK (subject_type IN ('area', 'overall', 'number')),
        subject_key text NOT NULL,
        score numeric NOT NULL,
        PRIMARY KEY (edition_id, municipality_code, subject_type, subject_key)
      )`);
    await queryRunner.query(`
      CREATE TABLE edition_statistics (
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        scope_type text NOT NULL CHECK (scope_type IN ('national', 'region', 'size_class')),
        scope_key text NOT NULL,
        subject_type text NOT NULL CHECK (subject_type IN ('question', 'area', 'overall', 'number', 'all_answers', 'participation')),
        subject_key text NOT NULL,
        n integer NOT NULL,
        mean numeric, sd numeric, median numeric, q1 numeric, q3 numeric, min numeric, max numeric,
        PRIMARY KEY (edition_id, scope_type, scope_key, subject_type, subject_key)
      )`);
    // How many answers sit at each scale level, per question ('*' = all scale answers) and scope.
    await queryRunner.query(`
      CREATE TABLE edition_level_counts (
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        scope_type text NOT NULL CHECK (scope_type IN ('national', 'region', 'size_class')),
        scope_key text NOT NULL,
        subject_key text NOT NULL,
        level smallint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (edition_id, scope_type, scope_key, subject_key, level)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE edition_level_counts`);
    await queryRunner.query(`DROP TABLE edition_statistics`);
    await queryRunner.query(`DROP TABLE municipality_scores`);
    await queryRunner.query(`DROP TABLE statistics_state`);
    await queryRunner.query(`DROP FUNCTION municipality_size_class(integer)`);
  }
}
