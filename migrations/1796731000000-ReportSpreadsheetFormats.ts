import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports are also stored as an XLSX workbook and as a CSV for scripts (`machine.csv`); the
 * `csv` format becomes the spreadsheet for a Danish Excel. Copies rendered before this change
 * are dropped so that no old comma-separated CSV is served under the new meaning: every report is
 * rendered again, in all formats, on its next download or render job.
 */
export class ReportSpreadsheetFormats1796731000000 implements MigrationInterface {
  name = 'ReportSpreadsheetFormats1796731000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reports`);
    await queryRunner.query(`ALTER TABLE reports DROP CONSTRAINT reports_format_check`);
    await queryRunner.query(
      `ALTER TABLE reports ADD CONSTRAINT reports_format_check
         CHECK (format IN ('pdf', 'html', 'csv', 'xlsx', 'machine.csv', 'json'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM reports WHERE format IN ('xlsx', 'machine.csv')`);
    await queryRunner.query(`ALTER TABLE reports DROP CONSTRAINT reports_format_check`);
    await queryRunner.query(
      `ALTER TABLE reports ADD CONSTRAINT reports_format_check CHECK (format IN ('pdf', 'html', 'csv', 'json'))`,
    );
  }
}
