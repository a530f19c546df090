import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second factors (TOTP with sealed secrets, hashed recovery codes, passkeys), the single-use
 * tickets between the password and the second step, a municipality's "officers must use MFA",
 * and what sessions need for idle expiry, role binding and the user's list. Live sessions get
 * their user's current role, so nobody is signed out by the upgrade.
 */
export class Mfa1796760000000 implements MigrationInterface {
  name = 'Mfa1796760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mfa_challenges" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "address" text NOT NULL, "webauthn_challenge" text, "failures" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_25d85a6da62620267e003fb4da4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_mfa_challenges_token_hash" ON "mfa_challenges"  ("token_hash") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_mfa_challenges_user_id" ON "mfa_challenges"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "mfa_recovery_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0076416b1b84361afc3371ba121" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_mfa_recovery_codes_user_id" ON "mfa_recovery_codes"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "mfa_totp" ("user_id" uuid NOT NULL, "secret_sealed" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_used_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_33e55535b96c5ee98c7d8ac47a1" PRIMARY KEY ("user_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "webauthn_credentials" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "credential_id" text NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL DEFAULT '0', "transports" text array NOT NULL DEFAULT '{}', "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f5a100358f652926a5abae5e431" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_webauthn_credentials_user_id" ON "webauthn_credentials"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_webauthn_credentials_credential_id" ON "webauthn_credentials"  ("credential_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "web_sessions" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`,
    );
    await queryRunner.query(`ALTER TABLE "web_sessions" ADD "role" text`);
    await queryRunner.query(
      `UPDATE "web_sessions" s SET "role" = u."role" FROM "users" u WHERE u."id" = s."user_id"`,
    );
    await queryRunner.query(`ALTER TABLE "web_sessions" ADD "user_agent" text`);
    await queryRunner.query(`ALTER TABLE "web_sessions" ADD "address" text`);
    await queryRunner.query(
      `ALTER TABLE "municipalities" ADD "officers_must_use_mfa" boolean NOT NULL DEFAULT false`,
    );
    await queryRunner.query(
      `ALTER TABLE "mfa_challenges" ADD CONSTRAINT "FK_1715663f6483821e6af6132b35b" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mfa_recovery_codes" ADD CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "mfa_totp" ADD CONSTRAINT "FK_33e55535b96c5ee98c7d8ac47a1" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "webauthn_credentials" ADD CONSTRAINT "FK_cf9dd4c89545f22418bfcec368e" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "webauthn_credentials" DROP CONSTRAINT "FK_cf9dd4c89545f22418bfcec368e"`,
    );
    await queryRunner.query(`ALTER TABLE "mfa_totp" DROP CONSTRAINT "FK_33e55535b96c5ee98c7d8ac47a1"`);
    await queryRunner.query(
      `ALTER TABLE "mfa_recovery_codes" DROP CONSTRAINT "FK_23aa6c5fdecdd98508fd4456acf"`,
    );
    await queryRunner.query(`ALTER TABLE "mfa_challenges" DROP CONSTRAINT "FK_1715663f6483821e6af6132b35b"`);
    await queryRunner.query(`ALTER TABLE "municipalities" DROP COLUMN "officers_must_use_mfa"`);
    await queryRunner.query(`ALTER TABLE "web_sessions" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "web_sessions" DROP COLUMN "user_agent"`);
    await queryRunner.query(`ALTER TABLE "web_sessions" DROP COLUMN "role"`);
    await queryRunner.query(`ALTER TABLE "web_sessions" DROP COLUMN "last_seen_at"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_webauthn_credentials_credential_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_webauthn_credentials_user_id"`);
    await queryRunner.query(`DROP TABLE "webauthn_credentials"`);
    await queryRunner.query(`DROP TABLE "mfa_totp"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mfa_recovery_codes_user_id"`);
    await queryRunner.query(`DROP TABLE "mfa_recovery_codes"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_mfa_challenges_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_mfa_challenges_token_hash"`);
    await queryRunner.query(`DROP TABLE "mfa_challenges"`);
  }
}
