import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics read of the responses lib's tables, as two read-only views owned by the
 * responses lib (libs/responses/src/responses-read-views.ts names them): submitted responses, and
 * the numeric values of their answers with "not applicable" and empty answers left out. Plain views,
 * so PostgreSQL inlines them and the recompute's plans stay those over the tables.
 */
export class ResponsesReadViews1796400000000 implements MigrationInterface {
  name = 'ResponsesReadViews1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIEW "submitted_responses" AS
       SELECT r.edition_id, r.municipality_code, r.submitted_at FROM responses r WHERE r.status = 'submitted'`,
    );
    await queryRunner.query(
      `CREATE VIEW "submitted_answer_values" AS
       SELECT r.edition_id, r.municipality_code, a.question_id, a.value_number
       FROM responses r JOIN answers a ON a.response_id = r.id
       WHERE r.status = 'submitted' AND NOT a.not_applicable AND a.value_number IS NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP VIEW "submitted_answer_values"`);
    await queryRunner.query(`DROP VIEW "submitted_responses"`);
  }
}
