import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

@Injectable()
export class SignInUnlockTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores a token hash unless the user got one within `minGapSeconds`, which keeps anyone from
   * flooding the owner's inbox by asking again and again. Returns whether it was stored.
   */
  async createUnlessRecent(
    userId: string,
    tokenHash: string,
    now: Date,
    expiresAt: Date,
    minGapSeconds: number,
  ): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO sign_in_unlock_tokens (user_id, token_hash, created_at, expires_at)
       SELECT $1, $2, $3, $4
       WHERE NOT EXISTS (SELECT 1 FROM sign_in_unlock_tokens
                         WHERE user_id = $1 AND created_at > $3::timestamptz - make_interval(secs => $5))
       RETURNING id`,
      [userId, tokenHash, now, expiresAt, minGapSeconds],
    );
    return rows.length > 0;
  }

  /** Marks the token used if it is the user's, unexpired and unused; true only for that one call. */
  async consume(userId: string, tokenHash: string, now: Date): Promise<boolean> {
    // UPDATE answers [rows, count] through TypeORM's raw query.
    const [rows]: [unknown[], number] = await this.dataSource.query(
      `UPDATE sign_in_unlock_tokens SET used_at = $3
       WHERE token_hash = $2 AND user_id = $1 AND used_at IS NULL AND expires_at > $3
       RETURNING id`,
      [userId, tokenHash, now],
    );
    return rows.length > 0;
  }
}
