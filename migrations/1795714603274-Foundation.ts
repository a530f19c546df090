import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795714603274 implements MigrationInterface {
  name = 'Foundation1795714603274';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "audit_log" (
                "seq" BIGSERIAL NOT NULL,
                "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
                "actor_id" uuid,
                "actor" text NOT NULL,
                "action" text NOT NULL,
                "target_type" text,
                "target_id" text,
                "address" text,
                "details" jsonb NOT NULL,
                "prev_hash" text NOT NULL DEFAULT '',
                "hash" text NOT NULL DEFAULT '',
                CONSTRAINT "PK_ce5b9b7d945cab0a6c604bafd9e" PRIMARY KEY ("seq")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "regions" (
                "code" smallint NOT NULL,
                "name" text NOT NULL,
                CONSTRAINT "PK_4f6dc5a464961e7c65a395ea4c6" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "municipalities" (
                "code" smallint NOT NULL,
                "name" text NOT NULL,
                "region_code" smallint NOT NULL,
                "population" integer NOT NULL,
                "population_year" smallint NOT NULL,
                CONSTRAINT "PK_9e0e960d7323bb120dc5e915dd8" PRIMARY KEY ("code")
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "api_keys" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "municipality_code" smallint NOT NULL,
                "name" text NOT NULL,
                "prefix" text NOT NULL,
                "key_hash" text NOT NULL,
                "created_by" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_api_keys_municipality_code" ON "api_keys" ("municipality_code")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_api_keys_key_hash" ON "api_keys" ("key_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "sign_in_failures" (
                "id" BIGSERIAL NOT NULL,
                "email" text NOT NULL,
                "address" text NOT NULL,
                "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_fa4e2048c06590424ef01bfd171" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_address_at" ON "sign_in_failures" ("address", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_email_at" ON "sign_in_failures" ("email", "at")
        `);
    await queryRunner.query(`
            CREATE TABLE "users" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" text NOT NULL,
                "display_name" text NOT NULL,
                "password_hash" text NOT NULL,
                "role" text NOT NULL,
                "municipality_code" smallint,
                "active" boolean NOT NULL DEFAULT true,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_users_officer_municipality" CHECK (
                    ("role" = 'municipality_officer') = ("municipality_code" IS NOT NULL)
                ),
                CONSTRAINT "CHK_users_role" CHECK (
                    "role" IN (
                        'platform_admin',
                        'kl_analyst',
                        'cert_analyst',
                        'municipality_officer'
                    )
                ),
                CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_users_municipality_code" ON "users" ("municipality_code")
        `);
    await queryRunner.query(`
            CREATE TABLE "web_sessions" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" text NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_3ae6bbf6cb5ac95b7f617d395d3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_web_sessions_token_hash" ON "web_sessions" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_web_sessions_user_id" ON "web_sessions" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "municipalities"
            ADD CONSTRAINT "FK_4a89c8278d698e038e63e4a0efb" FOREIGN KEY ("region_code") REFERENCES "regions"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys"
            ADD CONSTRAINT "FK_d9450f53522eefff55a2d69fb37" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "FK_3852f859637d1291a6c5f19dead" FOREIGN KEY ("municipality_code") REFERENCES "municipalities"("code") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "web_sessions"
            ADD CONSTRAINT "FK_099af5f73522b589358b3d1189f" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "web_sessions" DROP CONSTRAINT "FK_099af5f73522b589358b3d1189f"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "FK_3852f859637d1291a6c5f19dead"
        `);
    await queryRunner.query(`
            ALTER TABLE "api_keys" DROP CONSTRAINT "FK_d9450f53522eefff55a2d69fb37"
        `);
    await queryRunner.query(`
            ALTER TABLE "municipalities" DROP CONSTRAINT "FK_4a89c8278d698e038e63e4a0efb"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_web_sessions_user_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_web_sessions_token_hash"
        `);
    await queryRunner.query(`
            DROP TABLE "web_sessions"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_users_municipality_code"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_users_email"
        `);
    await queryRunner.query(`
            DROP TABLE "users"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sign_in_failures_email_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_sign_in_failures_address_at"
        `);
    await queryRunner.query(`
            DROP TABLE "sign_in_failures"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_api_keys_key_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_api_keys_municipality_code"
        `);
    await queryRunner.query(`
            DROP TABLE "api_keys"
        `);
    await queryRunner.query(`
            DROP TABLE "municipalities"
        `);
    await queryRunner.query(`
            DROP TABLE "regions"
        `);
    await queryRunner.query(`
            DROP TABLE "audit_log"
        `);
  }
}
