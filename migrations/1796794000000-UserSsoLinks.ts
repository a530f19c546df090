import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which provider subject (issuer + `sub`) belongs to which user, recorded at the first SSO sign-in
 * by verified e-mail, so that later sign-ins find the user by the subject even when the e-mail
 * address at the provider changes (docs/sso.md). One link per subject, one per user and issuer.
 */
export class UserSsoLinks1796794000000 implements MigrationInterface {
  name = 'UserSsoLinks1796794000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE user_sso_links (
        issuer text NOT NULL,
        subject text NOT NULL,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        linked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (issuer, subject),
        UNIQUE (user_id, issuer)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE user_sso_links`);
  }
}
