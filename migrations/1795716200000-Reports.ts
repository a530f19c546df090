import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rendered reports, stored with a content hash and the statistics version they came from, so
 * downloads are served at once and an outdated copy is recognised; and every download, counted.
 * municipality_code is 0 for the national report (a primary key column cannot be null).
 */
export class Reports1795716200000 implements MigrationInterface {
  name = 'Reports1795716200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE reports (
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('municipality', 'national')),
        municipality_code smallint NOT NULL,
        format text NOT NULL CHECK (format IN ('pdf', 'html', 'csv', 'json')),
        content bytea NOT NULL,
        content_hash text NOT NULL,
        statistics_version integer NOT NULL,
        rendered_at timestamptz NOT NULL DEFAULT now(),
        render_ms integer,
        PRIMARY KEY (edition_id, kind, municipality_code, format),
        CHECK ((kind = 'national') = (municipality_code = 0))
      )`);
    await queryRunner.query(`
      CREATE TABLE report_downloads (
        id bigserial PRIMARY KEY,
        edition_id uuid NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
        kind text NOT NULL,
        municipality_code smallint NOT NULL,
        format text NOT NULL,
        user_id uuid REFERENCES users(id) ON DELETE SET NULL,
        downloaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX report_downloads_edition_idx ON report_downloads (edition_id, municipality_code)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_downloads`);
    await queryRunner.query(`DROP TABLE reports`);
  }
}
