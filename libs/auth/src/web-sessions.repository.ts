import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '@app/users';
import { WebSession } from './web-session.entity';

/** A request refreshes a session's last-seen time at most this often, so page loads rarely write. */
const TOUCH_EVERY_SECONDS = 60;

export interface SessionRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

/** A live session as the user's own page lists it. */
export type ActiveWebSession = SessionRow;

/** Live: not revoked, before its absolute end, used within the idle limit, and the user's role unchanged. */
const LIVE = `s.revoked_at IS NULL AND s.expires_at > now()
  AND s.last_seen_at > now() - make_interval(secs => $2) AND u.active AND s.role = u.role`;

@Injectable()
export class WebSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(
    row: Pick<WebSession, 'userId' | 'tokenHash' | 'expiresAt' | 'role' | 'userAgent' | 'address'>,
  ): Promise<void> {
    await this.dataSource.getRepository(WebSession).insert(row);
  }

  /** The active user behind a live session, or null; refreshes the session's last-seen time. */
  async touch(tokenHash: string, idleSeconds: number): Promise<User | null> {
    const rows: Array<{ session_id: string; stale: boolean }> = await this.dataSource.query(
      `SELECT s.id AS session_id, s.last_seen_at < now() - make_interval(secs => $3) AS stale
         FROM web_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND ${LIVE}`,
      [tokenHash, idleSeconds, TOUCH_EVERY_SECONDS],
    );
    if (rows.length === 0) return null;
    if (rows[0].stale) {
      await this.dataSource.query('UPDATE web_sessions SET last_seen_at = now() WHERE id = $1', [
        rows[0].session_id,
      ]);
    }
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(WebSession, 's', 's.user_id = u.id')
      .where('s.id = :id', { id: rows[0].session_id })
      .getOne();
  }

  /** The user's live sessions, newest use first; `current` marks the one with `currentHash`. */
  async listLive(userId: string, idleSeconds: number, currentHash?: string): Promise<SessionRow[]> {
    const rows: Array<Omit<SessionRow, 'current'> & { tokenHash: string }> = await this.dataSource.query(
      `SELECT s.id, s.created_at AS "createdAt", s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
              s.user_agent AS "userAgent", s.address, s.token_hash AS "tokenHash"
         FROM web_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.user_id = $1 AND ${LIVE}
        ORDER BY s.last_seen_at DESC`,
      [userId, idleSeconds],
    );
    return rows.map(({ tokenHash, ...r }) => ({ ...r, current: tokenHash === currentHash }));
  }

  async revoke(tokenHash: string): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [Array<{ user_id: string }>, number] = await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Revokes every live session of the user, so a reactivated account does not find them alive again. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE web_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }

  /** Ends one of the user's own sessions; false when it is not theirs or already over. */
  async revokeOwn(userId: string, id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [id, userId],
    );
    return affected === 1;
  }

  /** Ends all the user's sessions but the one with `keepHash` (none kept when it is undefined). */
  async revokeAllBut(userId: string, keepHash?: string): Promise<number> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND token_hash IS DISTINCT FROM $2`,
      [userId, keepHash ?? null],
    );
    return affected;
  }
}
