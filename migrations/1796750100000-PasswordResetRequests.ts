import { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-address throttling of "Glemt adgangskode" requests (issue 13). */
export class PasswordResetRequests1796750100000 implements MigrationInterface {
  name = 'PasswordResetRequests1796750100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "password_reset_requests" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "address" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4aa83fc224280f3c94c3e214d65" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_password_reset_requests_at" ON "password_reset_requests"  ("requested_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_password_reset_requests_address_at" ON "password_reset_requests"  ("address", "requested_at") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_requests_address_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_password_reset_requests_at"`);
    await queryRunner.query(`DROP TABLE "password_reset_requests"`);
  }
}
