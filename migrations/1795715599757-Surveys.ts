import { MigrationInterface, QueryRunner } from 'typeorm';

export class Surveys1795715599757 implements MigrationInterface {
  name = 'Surveys1795715599757';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "dedupe_key" text NOT NULL,
                "title" text NOT NULL,
                "body" text NOT NULL,
                "link" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "read_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_notifications_user_dedupe" ON "notifications" ("user_id", "dedupe_key")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_notifications_user_created" ON "notifications" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "surveys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "key" text NOT NULL,
                "title" text NOT NULL,
                CONSTRAINT "PK_1b5e3d4aaeb2321ffa98498c971" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_surveys_key" ON "surveys" ("key")
        `);
    await queryRunner.query(`
            CREATE TABLE "editions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "survey_id" uuid NOT NULL,
                "year" smallint NOT NULL,
                "title" text NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "questionnaire_source" text NOT NULL,
                "opens_at" TIMESTAMP WITH TIME ZONE,
                "closes_at" TIMESTAMP WITH TIME ZONE,
                "closed_at" TIMESTAMP WITH TIME ZONE,
                "published_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_editions_open_has_deadline" CHECK (
                    "status" = 'draft'
                    OR "closes_at" IS NOT NULL
                ),
                CONSTRAINT "CHK_editions_status" CHECK (
                    "status" IN ('draft', 'open', 'closed', 'published')
                ),
                CONSTRAINT "PK_a04f035dd7a1c3f344481cb6a2e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_editions_survey_year" ON "editions" ("survey_id", "year")
        `);
    await queryRunner.query(`
            CREATE TABLE "areas" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "key" text NOT NULL,
                "position" smallint NOT NULL,
                "title_da" text NOT NULL,
                "title_en" text,
                "description_da" text,
                "description_en" text,
                "nis2_ref" text,
                "weight" numeric(6, 3) NOT NULL DEFAULT '1',
                CONSTRAINT "PK_5110493f6342f34c978c084d0d6" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_areas_edition_key" ON "areas" ("edition_id", "key")
        `);
    await queryRunner.query(`
            CREATE TABLE "questions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "area_id" uuid NOT NULL,
                "key" text NOT NULL,
                "continues_key" text,
                "position" smallint NOT NULL,
                "type" text NOT NULL,
                "text_da" text NOT NULL,
                "text_en" text,
                "help_da" text,
                "help_en" text,
                "required" boolean NOT NULL DEFAULT true,
                "allow_not_applicable" boolean NOT NULL DEFAULT false,
                "weight" numeric(6, 3) NOT NULL DEFAULT '1',
                "focus_area" boolean NOT NULL DEFAULT false,
                "unit_da" text,
                "min" numeric,
                "max" numeric,
                "integer" boolean NOT NULL DEFAULT false,
                "max_length" integer,
                "options" jsonb,
                CONSTRAINT "CHK_questions_type" CHECK (
                    "type" IN (
                        'scale',
                        'yes_no',
                        'single_choice',
                        'multi_choice',
                        'number',
                        'text'
                    )
                ),
                CONSTRAINT "PK_08a6d4b0f49ff300bf3a0ca60ac" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_questions_area_id" ON "questions" ("area_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_questions_edition_key" ON "questions" ("edition_id", "key")
        `);
    await queryRunner.query(`
            CREATE TABLE "responses" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "edition_id" uuid NOT NULL,
                "municipality_code" smallint NOT NULL,
                "status" text NOT NULL DEFAULT 'draft',
                "version" integer NOT NULL DEFAULT '0',
                "submitted_at" TIMESTAMP WITH TIME ZONE,
                "submitted_by" uuid,
                "submitted_by_name" text,
                "receipt_code" text,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_responses_status" CHECK ("status" IN ('draft', 'submitted')),
                CONSTRAINT "PK_be3bdac59bd243dff421ad7bf70" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_responses_edition_municipality" ON "responses" ("edition_id", "municipality_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "answers" (
                "response_id" uuid NOT NULL,
                "question_id" uuid NOT NULL,
                "value_number" numeric,
                "value_bool" boolean,
                "value_text" text,
                "value_choices" text array,
                "not_applicable" boolean NOT NULL DEFAULT false,
                "comment" text,
                "updated_by" uuid,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_44242ad2e611fc78c9352878dac" PRIMARY KEY ("response_id", "question_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_answers_question_id" ON "answers" ("question_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "scale_levels" (
                "edition_id" uuid NOT NULL,
                "value" smallint NOT NULL,
                "label_da" text NOT NULL,
                "label_en" text,
                "description_da" text NOT NULL,
                "description_en" text,
                CONSTRAINT "PK_b212903b93e2c34f4eac9f0906d" PRIMARY KEY ("edition_id", "value")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications"
            ADD CONSTRAINT "FK_9a8a82462cab47c73d25f49261f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "editions"
            ADD CONSTRAINT "FK_d0d55902570a4996abfa37788e9" FOREIGN KEY ("survey_id") REFERENCES "surveys"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "areas"
            ADD CONSTRAINT "FK_bed718660a767ed52286e658185" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_fc806021b4635834a34064c2a35" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "questions"
            ADD CONSTRAINT "FK_bf8297692182a7e5a1bd1bc5d7d" FOREIGN KEY ("area_id") REFERENCES "areas"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "responses"
            ADD CONSTRAINT "FK_f63c77372b4aa2dead94302afbe" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "responses"
            ADD CONSTRAINT "FK_2d0ad24cf2d52a40f07b157465f" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "answers"
            ADD CONSTRAINT "FK_58449ba215a0c2b566a9dfd241a" FOREIGN KEY ("response_id") REFERENCES "responses"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "answers"
            ADD CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3" FOREIGN KEY ("question_id") REFERENCES "questions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "scale_levels"
            ADD CONSTRAINT "FK_c605849f4c0964c9f34c4dadc61" FOREIGN KEY ("edition_id") REFERENCES "editions"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "scale_levels" DROP CONSTRAINT "FK_c605849f4c0964c9f34c4dadc61"
        `);
    await queryRunner.query(`
            ALTER TABLE "answers" DROP CONSTRAINT "FK_677120094cf6d3f12df0b9dc5d3"
        `);
    await queryRunner.query(`
            ALTER TABLE "answers" DROP CONSTRAINT "FK_58449ba215a0c2b566a9dfd241a"
        `);
    await queryRunner.query(`
            ALTER TABLE "responses" DROP CONSTRAINT "FK_2d0ad24cf2d52a40f07b157465f"
        `);
    await queryRunner.query(`
            ALTER TABLE "responses" DROP CONSTRAINT "FK_f63c77372b4aa2dead94302afbe"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_bf8297692182a7e5a1bd1bc5d7d"
        `);
    await queryRunner.query(`
            ALTER TABLE "questions" DROP CONSTRAINT "FK_fc806021b4635834a34064c2a35"
        `);
    await queryRunner.query(`
            ALTER TABLE "areas" DROP CONSTRAINT "FK_bed718660a767ed52286e658185"
        `);
    await queryRunner.query(`
            ALTER TABLE "editions" DROP CONSTRAINT "FK_d0d55902570a4996abfa37788e9"
        `);
    await queryRunner.query(`
            ALTER TABLE "notifications" DROP CONSTRAINT "FK_9a8a82462cab47c73d25f49261f"
        `);
    await queryRunner.query(`
            DROP TABLE "scale_levels"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_answers_question_id"
        `);
    await queryRunner.query(`
            DROP TABLE "answers"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_responses_edition_municipality"
        `);
    await queryRunner.query(`
            DROP TABLE "responses"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_questions_edition_key"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_questions_area_id"
        `);
    await queryRunner.query(`
            DROP TABLE "questions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_areas_edition_key"
        `);
    await queryRunner.query(`
            DROP TABLE "areas"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_editions_survey_year"
        `);
    await queryRunner.query(`
            DROP TABLE "editions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_surveys_key"
        `);
    await queryRunner.query(`
            DROP TABLE "surveys"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_notifications_user_created"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_notifications_user_dedupe"
        `);
    await queryRunner.query(`
            DROP TABLE "notifications"
        `);
  }
}
