import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The per-question history of answers (libs/responses/src/answer-change.entity.ts), which a save is
 * checked against, so that officers of one municipality conflict only on the same question. The
 * app role gets its grants from the default privileges.
 *
 * Backfill: each existing answer gets one change at its response's current version, by whoever
 * saved it last, when it was saved. A page loaded before the migration (based on an older version)
 * then conflicts on an answered question unless it sends the same value, as it did before on any
 * question; nothing is lost, and later saves are checked per question.
 */
export class AnswerChanges1796700000000 implements MigrationInterface {
  name = 'AnswerChanges1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "answer_changes" ("response_id" uuid NOT NULL, "question_id" uuid NOT NULL, "version" integer NOT NULL, "changed_by" uuid, "changed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" text NOT NULL, "value_number" numeric, "value_bool" boolean, "value_text" text, "value_choices" text array, "not_applicable" boolean NOT NULL DEFAULT false, "comment" text, CONSTRAINT "CHK_answer_changes_kind" CHECK ("kind" IN ('set','cleared')), CONSTRAINT "PK_cd9f2a053feb26ca8373f66dbbb" PRIMARY KEY ("response_id", "question_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_answer_changes_response_version" ON "answer_changes"  ("response_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "answer_changes" ADD CONSTRAINT "FK_400d06879c60035eba996e7790a" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "answer_changes" ADD CONSTRAINT "FK_9ff9774adea92c65c4934c097bb" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "answer_changes" ADD CONSTRAINT "FK_a66a433c2373ba48684728f61d9" FOREIGN KEY ("changed_by") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO "answer_changes" ("response_id", "question_id", "version", "changed_by", "changed_at", "kind",
                                   "value_number", "value_bool", "value_text", "value_choices", "not_applicable", "comment")
            SELECT a.response_id, a.question_id, r.version, (SELECT u.id FROM users u WHERE u.id = a.updated_by), a.updated_at, 'set',
                   a.value_number, a.value_bool, a.value_text, a.value_choices, a.not_applicable, a.comment
            FROM answers a JOIN responses r ON r.id = a.response_id`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "answer_changes" DROP CONSTRAINT "FK_a66a433c2373ba48684728f61d9"`);
    await queryRunner.query(`ALTER TABLE "answer_changes" DROP CONSTRAINT "FK_9ff9774adea92c65c4934c097bb"`);
    await queryRunner.query(`ALTER TABLE "answer_changes" DROP CONSTRAINT "FK_400d06879c60035eba996e7790a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_answer_changes_response_version"`);
    await queryRunner.query(`DROP TABLE "answer_changes"`);
  }
}
