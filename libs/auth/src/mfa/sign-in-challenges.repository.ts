import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { hashSecretToken, newSecretToken } from '../secret-tokens';
import { MfaChallenge } from './mfa-challenge.entity';

/** Wrong codes one sign-in step may take before it is spent (the throttle counts them too). */
export const CHALLENGE_MAX_FAILURES = 5;

@Injectable()
export class SignInChallengesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A new ticket; only its hash is stored, the token goes to the client. */
  async create(
    userId: string,
    purpose: MfaChallenge['purpose'],
    address: string,
    expiresAt: Date,
  ): Promise<{ token: string; id: string }> {
    const token = newSecretToken();
    const { identifiers } = await this.dataSource
      .getRepository(MfaChallenge)
      .insert({ userId, purpose, address, expiresAt, tokenHash: hashSecretToken(token) });
    return { token, id: identifiers[0].id as string };
  }

  /** A live ticket (unused, unexpired, not worn out by wrong codes), or null. */
  findLive(token: string, purposes: Array<MfaChallenge['purpose']>, now: Date): Promise<MfaChallenge | null> {
    return this.dataSource
      .getRepository(MfaChallenge)
      .createQueryBuilder('c')
      .where('c.token_hash = :hash', { hash: hashSecretToken(token) })
      .andWhere('c.purpose IN (:...purposes)', { purposes })
      .andWhere('c.used_at IS NULL AND c.expires_at > :now AND c.failures < :max', {
        now,
        max: CHALLENGE_MAX_FAILURES,
      })
      .getOne();
  }

  /** Uses the ticket up; false when another request already did. */
  async consume(id: string): Promise<boolean> {
    const [, affected]: [unknown, number] = await this.dataSource.query(
      'UPDATE mfa_challenges SET used_at = now() WHERE id = $1 AND used_at IS NULL',
      [id],
    );
    return affected === 1;
  }

  async countFailure(id: string): Promise<void> {
    await this.dataSource.query('UPDATE mfa_challenges SET failures = failures + 1 WHERE id = $1', [id]);
  }

  async setWebauthnChallenge(id: string, challenge: string): Promise<void> {
    await this.dataSource.query('UPDATE mfa_challenges SET webauthn_challenge = $2 WHERE id = $1', [
      id,
      challenge,
    ]);
  }

  /** Drops spent and expired tickets of a user, so the table holds only the live ones. */
  async sweep(userId: string, now: Date): Promise<void> {
    await this.dataSource.query(
      'DELETE FROM mfa_challenges WHERE user_id = $1 AND (used_at IS NOT NULL OR expires_at <= $2)',
      [userId, now],
    );
  }
}
