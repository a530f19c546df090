import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national report's incidents by maturity quartile (docs/statistics.md, "Incidents by maturity
 * quartile"). `counted_incidents` is the incidents lib's read-only view of the incidents that count
 * (libs/incidents/src/incident-read-views.ts names it), so the survey statistics do not depend on
 * how incidents are stored. `edition_incident_quartiles` is written only by the statistics
 * recompute, in its transaction: per edition and quartile of the overall index (0: the
 * municipalities in no quartile), the municipalities, their population and their incidents in the
 * edition's year. Plain SQL, no entity, like the other statistics tables.
 */
export class IncidentMaturityQuartiles1796791000000 implements MigrationInterface {
  name = 'IncidentMaturityQuartiles1796791000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW counted_incidents AS
       SELECT i.municipality_code, date_part('year', i.aware_at AT TIME ZONE 'Europe/Copenhagen')::int AS aware_year,
              i.rsit_class, i.rsit_type
       FROM incidents i WHERE i.status NOT IN ('not_an_incident', 'duplicate')`,
    );
    await queryRunner.query(`
      CREATE TABLE edition_incident_quartiles (
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        quartile smallint NOT NULL CHECK (quartile BETWEEN 0 AND 4),
        municipalities integer NOT NULL,
        population bigint NOT NULL,
        incidents integer NOT NULL,
        municipalities_with_incidents integer NOT NULL,
        PRIMARY KEY (edition_id, quartile)
      )`);
    // Editions computed before this have no rows yet: the reconciliation recomputes them, and their
    // reports are rendered again with the new section.
    await queryRunner.query(
      `UPDATE statistics_state SET stale_since = clock_timestamp()
       WHERE edition_id IN (SELECT id FROM editions WHERE status IN ('closed', 'published'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE edition_incident_quartiles`);
    await queryRunner.query(`DROP VIEW counted_incidents`);
  }
}
