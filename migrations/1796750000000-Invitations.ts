import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations and password links (issue 13): an invited user has no password until the one-time
 * link sets it, and every password change raises the user's credentials version, which revokes
 * the access tokens issued before it.
 */
export class Invitations1796750000000 implements MigrationInterface {
  name = 'Invitations1796750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_tokens" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "purpose" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "CHK_password_tokens_purpose" CHECK ("purpose" IN ('invitation','reset')), CONSTRAINT "PK_816120c39410c02dabd34b8672b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_password_tokens_token_hash" ON "password_tokens"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_password_tokens_user_purpose_created" ON "password_tokens"  ("user_id", "purpose", "created_at") `,
    );
    await queryRunner.query(`ALTER TABLE "users" ADD "credentials_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" DROP NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "password_tokens" ADD CONSTRAINT "FK_5ac1fd8593c46bf145b2b886195" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "password_tokens" DROP CONSTRAINT "FK_5ac1fd8593c46bf145b2b886195"`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "credentials_version"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_tokens_user_purpose_created"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_password_tokens_token_hash"`);
    await queryRunner.query(`DROP TABLE "password_tokens"`);
  }
}
