import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PasswordToken, PasswordTokenPurpose } from './password-token.entity';

export interface NewPasswordToken {
  userId: string;
  purpose: PasswordTokenPurpose;
  tokenHash: string;
  createdBy: string | null;
  now: Date;
  expiresAt: Date;
}

/** A pending invitation: an invited user who has not set a password yet, and the newest link. */
export interface PendingInvitationRow {
  userId: string;
  email: string;
  displayName: string;
  role: string;
  municipalityCode: number | null;
  active: boolean;
  invitedAt: Date;
  invitedBy: string | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

@Injectable()
export class PasswordTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a new link and revokes the user's open links of the same purpose: only the newest works. */
  async issue(token: NewPasswordToken, m: EntityManager): Promise<void> {
    await this.revokeOpen(token.userId, [token.purpose], token.now, m);
    await m.getRepository(PasswordToken).insert({
      userId: token.userId,
      purpose: token.purpose,
      tokenHash: token.tokenHash,
      createdBy: token.createdBy,
      createdAt: token.now,
      expiresAt: token.expiresAt,
    });
  }

  /**
   * Like `issue`, unless the user got a link of this purpose within `minGapSeconds`, so nobody
   * can flood the owner's inbox by asking again and again. Returns whether it was stored.
   */
  async issueUnlessRecent(token: NewPasswordToken, minGapSeconds: number): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      // Serialises two requests for one user, so both cannot pass the check.
      await m.query('SELECT 1 FROM users WHERE id = $1 FOR UPDATE', [token.userId]);
      const recent: unknown[] = await m.query(
        `SELECT 1 FROM password_tokens
         WHERE user_id = $1 AND purpose = $2 AND created_at > $3::timestamptz - make_interval(secs => $4)`,
        [token.userId, token.purpose, token.now, minGapSeconds],
      );
      if (recent.length > 0) return false;
      await this.issue(token, m);
      return true;
    });
  }

  /**
   * Records a reset request from `address` and returns how many came from there within the window
   * before it. Requests older than a day are dropped on the way.
   */
  async recordResetRequest(address: string, now: Date, windowSeconds: number): Promise<number> {
    return this.dataSource.transaction(async (m) => {
      await m.query(
        `DELETE FROM password_reset_requests WHERE requested_at < $1::timestamptz - interval '1 day'`,
        [now],
      );
      const [{ count }]: Array<{ count: number }> = await m.query(
        `SELECT count(*)::int AS count FROM password_reset_requests
         WHERE address = $1 AND requested_at > $2::timestamptz - make_interval(secs => $3)`,
        [address, now, windowSeconds],
      );
      await m.query(`INSERT INTO password_reset_requests (address, requested_at) VALUES ($1, $2)`, [
        address,
        now,
      ]);
      return count;
    });
  }

  /** The link with this hash, locked until `m`'s transaction ends (so it is used at most once). */
  findByHashForUpdate(tokenHash: string, m: EntityManager): Promise<PasswordToken | null> {
    return m
      .getRepository(PasswordToken)
      .createQueryBuilder('t')
      .where('t.token_hash = :tokenHash', { tokenHash })
      .setLock('pessimistic_write')
      .getOne();
  }

  findByHash(tokenHash: string): Promise<PasswordToken | null> {
    return this.dataSource.getRepository(PasswordToken).findOne({ where: { tokenHash } });
  }

  async markUsed(id: string, now: Date, m: EntityManager): Promise<void> {
    await m.getRepository(PasswordToken).update({ id }, { usedAt: now });
  }

  async revokeOpen(userId: string, purposes: PasswordTokenPurpose[], now: Date, m: EntityManager) {
    await m.query(
      `UPDATE password_tokens SET revoked_at = $3
       WHERE user_id = $1 AND purpose = ANY($2::text[]) AND used_at IS NULL AND revoked_at IS NULL`,
      [userId, purposes, now],
    );
  }

  /** Invited users without a password (of the given roles), with their newest invitation link. */
  async pendingInvitations(roles: string[], userId?: string): Promise<PendingInvitationRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT u.id AS user_id, u.email, u.display_name, u.role, u.municipality_code, u.active,
              t.created_at AS invited_at, t.created_by AS invited_by, t.expires_at, t.revoked_at
       FROM users u
       LEFT JOIN LATERAL (
         SELECT created_at, created_by, expires_at, revoked_at FROM password_tokens
         WHERE user_id = u.id AND purpose = 'invitation' ORDER BY created_at DESC LIMIT 1
       ) t ON true
       WHERE u.password_hash IS NULL AND u.role = ANY($1::text[]) AND ($2::uuid IS NULL OR u.id = $2)
       ORDER BY t.created_at DESC NULLS LAST, u.email`,
      [roles, userId ?? null],
    );
    return rows.map((r) => ({
      userId: r.user_id as string,
      email: r.email as string,
      displayName: r.display_name as string,
      role: r.role as string,
      municipalityCode: r.municipality_code as number | null,
      active: r.active as boolean,
      invitedAt: (r.invited_at as Date | null) ?? new Date(0),
      invitedBy: r.invited_by as string | null,
      expiresAt: r.expires_at as Date | null,
      revokedAt: r.revoked_at as Date | null,
    }));
  }
}
