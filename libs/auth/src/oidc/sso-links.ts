import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, AuditService } from '@app/audit';

/** The table user_sso_links: a provider subject (issuer + `sub`) that is known to be a user. */
@Injectable()
export class SsoLinks {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async userFor(issuer: string, subject: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      'SELECT user_id FROM user_sso_links WHERE issuer = $1 AND subject = $2',
      [issuer, subject],
    );
    return (row?.user_id as string | undefined) ?? null;
  }

  async subjectOf(userId: string, issuer: string): Promise<string | null> {
    const [row] = await this.dataSource.query(
      'SELECT subject FROM user_sso_links WHERE user_id = $1 AND issuer = $2',
      [userId, issuer],
    );
    return (row?.subject as string | undefined) ?? null;
  }

  /** False when a concurrent sign-in linked the subject or the user first. */
  async link(issuer: string, subject: string, userId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO user_sso_links (issuer, subject, user_id) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING user_id`,
      [issuer, subject, userId],
    );
    return rows.length > 0;
  }

  /** An administrator's removal of a user's links (audited); false when there is no such user. */
  async removeForUser(userId: string, actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [user] = await m.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (!user) return false;
      const rows: { issuer: string }[] = await m.query(
        // In a CTE, so that the driver answers rows, not [rows, count] as for a bare DELETE.
        'WITH gone AS (DELETE FROM user_sso_links WHERE user_id = $1 RETURNING issuer) SELECT issuer FROM gone',
        [userId],
      );
      const issuers = rows.map((r) => r.issuer);
      await this.audit.record(
        actor,
        { action: 'auth.sso-link-removed', targetType: 'user', targetId: userId, details: { issuers } },
        m,
      );
      return true;
    });
  }
}
