import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incident statistics (docs/incident-statistics.md): per month and municipality, the incidents per
 * dimension key, recomputed set-based by the `incident-statistics.recompute` job. Every statement
 * that changes incidents or obligations appends a row to `incident_statistics_changes` (a statement
 * trigger: one cheap insert, no hot row to lock); a recompute deletes the rows its snapshot saw, so
 * a change committed after that snapshot stays and is picked up by the next one.
 *
 * The cells are derived and replaced whole by every recompute, so they are UNLOGGED, without an
 * index (the read scans them, about 36,000 rows for 100,000 incidents): writing them is the larger
 * part of a recompute. A crash of the server empties them; the reconciliation then recomputes.
 */
export class IncidentStatistics1796740000000 implements MigrationInterface {
  name = 'IncidentStatistics1796740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incident_statistics_state (
        id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        version integer NOT NULL DEFAULT 0,
        computed_at timestamptz,
        duration_ms integer,
        last_error text
      )`);
    await queryRunner.query(`INSERT INTO incident_statistics_state (id) VALUES (1)`);
    await queryRunner.query(`
      CREATE TABLE incident_statistics_changes (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await queryRunner.query(`
      CREATE UNLOGGED TABLE incident_statistics_cells (
        dimension text NOT NULL,
        month date NOT NULL,
        municipality_code smallint NOT NULL,
        key text NOT NULL,
        incidents integer NOT NULL,
        met_on_time integer
      )`);
    await queryRunner.query(`
      CREATE FUNCTION incident_statistics_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO incident_statistics_changes DEFAULT VALUES;
        RETURN NULL;
      END $$`);
    for (const table of ['incidents', 'incident_obligations']) {
      await queryRunner.query(
        `CREATE TRIGGER ${table}_statistics_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION incident_statistics_changed()`,
      );
    }
    // The incidents already logged are not yet counted.
    await queryRunner.query(`INSERT INTO incident_statistics_changes DEFAULT VALUES`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['incidents', 'incident_obligations']) {
      await queryRunner.query(`DROP TRIGGER ${table}_statistics_changed ON ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION incident_statistics_changed()`);
    await queryRunner.query(`DROP TABLE incident_statistics_cells`);
    await queryRunner.query(`DROP TABLE incident_statistics_changes`);
    await queryRunner.query(`DROP TABLE incident_statistics_state`);
  }
}
