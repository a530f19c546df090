import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in throttling moves from one row per failure to one counter row per key (pair, account,
 * address), which a sign-in locks to reserve its attempt. The old rows are only a window's worth
 * of failures; they are dropped rather than converted. One-time unlock links are new.
 */
export class SignInThrottle1796200000000 implements MigrationInterface {
  name = 'SignInThrottle1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`TRUNCATE "sign_in_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failures_address_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failures_email_at"`);
    await queryRunner.query(
      `ALTER TABLE "sign_in_failures" DROP CONSTRAINT "PK_fa4e2048c06590424ef01bfd171"`,
    );
    await queryRunner.query(`ALTER TABLE "sign_in_failures" DROP COLUMN "id"`);
    await queryRunner.query(`ALTER TABLE "sign_in_failures" DROP COLUMN "at"`);
    await queryRunner.query(`
            ALTER TABLE "sign_in_failures"
                ADD "scope" text NOT NULL,
                ADD "window_start" TIMESTAMP WITH TIME ZONE NOT NULL,
                ADD "failures" integer NOT NULL DEFAULT '0',
                ADD "blocked_until" TIMESTAMP WITH TIME ZONE,
                ADD "refused" integer NOT NULL DEFAULT '0',
                ADD "last_refused_at" TIMESTAMP WITH TIME ZONE,
                ADD CONSTRAINT "PK_dd21a20f3f64e4a3626aa7cf962" PRIMARY KEY ("scope", "email", "address")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_window_start" ON "sign_in_failures" ("window_start")
        `);
    await queryRunner.query(`
            CREATE TABLE "sign_in_unlock_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" text NOT NULL,
                "user_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_bc5d3087091da99c1a2f079fed2" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_sign_in_unlock_tokens_token_hash" ON "sign_in_unlock_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_unlock_tokens_user_created" ON "sign_in_unlock_tokens" ("user_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "sign_in_unlock_tokens"
                ADD CONSTRAINT "FK_1070a3cead1321dbcaa257a774a" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sign_in_unlock_tokens"`);
    await queryRunner.query(`TRUNCATE "sign_in_failures"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sign_in_failures_window_start"`);
    await queryRunner.query(`
            ALTER TABLE "sign_in_failures"
                DROP CONSTRAINT "PK_dd21a20f3f64e4a3626aa7cf962",
                DROP COLUMN "scope",
                DROP COLUMN "window_start",
                DROP COLUMN "failures",
                DROP COLUMN "blocked_until",
                DROP COLUMN "refused",
                DROP COLUMN "last_refused_at",
                ADD "id" BIGSERIAL NOT NULL,
                ADD "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                ADD CONSTRAINT "PK_fa4e2048c06590424ef01bfd171" PRIMARY KEY ("id")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_address_at" ON "sign_in_failures" ("address", "at")
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_sign_in_failures_email_at" ON "sign_in_failures" ("email", "at")
        `);
  }
}
