import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * KommuneCERT's yearly "Kortlægning af cyberhændelser" PDF, one per calendar year, rendered by the
 * worker after each incident statistics recompute and stored with the statistics version it shows
 * (docs/incident-statistics.md). A download older than the current version is rendered again.
 */
export class IncidentMappingPdfs1796792000000 implements MigrationInterface {
  name = 'IncidentMappingPdfs1796792000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE incident_mapping_pdfs (
        year smallint PRIMARY KEY,
        statistics_version integer NOT NULL,
        content bytea NOT NULL,
        rendered_at timestamptz NOT NULL DEFAULT now(),
        render_ms integer NOT NULL
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE incident_mapping_pdfs`);
  }
}
