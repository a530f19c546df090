import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each user last signed in, for the administrators' user list: kept on the user rather than
 * searched for in the audit log, which has no index for it and grows without end.
 */
export class UserLastSignIn1796770000000 implements MigrationInterface {
  name = 'UserLastSignIn1796770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users ADD COLUMN last_signed_in_at timestamptz`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE users DROP COLUMN last_signed_in_at`);
  }
}
