import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '@app/users';
import { WebSession } from './web-session.entity';

export interface ActiveWebSession {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  /** The session of the browser asking. */
  current: boolean;
}

@Injectable()
export class WebSessionsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.dataSource.getRepository(WebSession).insert({ userId, tokenHash, expiresAt });
  }

  /** The active user behind a live session, or null. */
  async findUserByTokenHash(tokenHash: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin(WebSession, 's', 's.user_id = u.id')
      .where('s.token_hash = :tokenHash', { tokenHash })
      .andWhere('s.revoked_at IS NULL AND s.expires_at > now() AND u.active')
      .getOne();
  }

  async revoke(tokenHash: string): Promise<string | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows]: [Array<{ user_id: string }>, number] = await this.dataSource.query(
      `UPDATE web_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL RETURNING user_id`,
      [tokenHash],
    );
    return rows[0]?.user_id ?? null;
  }

  /** The user's live sessions, newest first; `current` marks the one with this token hash. */
  async findActive(userId: string, currentTokenHash: string | null): Promise<ActiveWebSession[]> {
    const rows: Array<{ id: string; created_at: Date; expires_at: Date; current: boolean }> =
      await this.dataSource.query(
        `SELECT id, created_at, expires_at, token_hash = $2 AS current FROM web_sessions
         WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
         ORDER BY created_at DESC`,
        [userId, currentTokenHash ?? ''],
      );
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      expiresAt: r.expires_at,
      current: r.current,
    }));
  }

  /** Revokes every live session of the user but the one with this token hash; returns how many. */
  async revokeAllExcept(userId: string, keepTokenHash: string, manager: EntityManager): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE web_sessions SET revoked_at = now()
       WHERE user_id = $1 AND token_hash <> $2 AND revoked_at IS NULL AND expires_at > now()`,
      [userId, keepTokenHash],
    );
    return count;
  }

  /** Revokes every live session of the user, so a reactivated account does not find them alive again. */
  async revokeAllOf(userId: string, manager: EntityManager): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE web_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`,
      [userId],
    );
    return count;
  }
}
