import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CounterState, THROTTLE_SCOPES, ThrottleScope } from './sign-in-throttle';

/** The key of each scope's row: a pair has both parts, the others leave one empty. */
function keyOf(scope: ThrottleScope, email: string, address: string): [string, string] {
  if (scope === 'account') return [email, ''];
  if (scope === 'address') return ['', address];
  return [email, address];
}

export interface ClosedThrottleWindow {
  scope: ThrottleScope;
  email: string;
  address: string;
  windowStart: Date;
  refused: number;
  lastRefusedAt: Date | null;
}

@Injectable()
export class SignInCountersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Runs `decide` with the three counters of this attempt locked (created when missing), so the
   * check and the count it writes are one step: concurrent guesses queue on the rows.
   */
  async withLockedCounters<T>(
    email: string,
    address: string,
    now: Date,
    decide: (counters: CounterState[], m: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (m) => {
      const keys = THROTTLE_SCOPES.map((scope) => [scope, ...keyOf(scope, email, address)]);
      // The no-op update takes the row lock; VALUES order is THROTTLE_SCOPES order.
      const rows: Array<{
        scope: ThrottleScope;
        failures: number;
        window_start: Date;
        blocked_until: Date | null;
      }> = await m.query(
        `INSERT INTO sign_in_failures (scope, email, address, window_start)
           VALUES ($1, $2, $3, $10), ($4, $5, $6, $10), ($7, $8, $9, $10)
           ON CONFLICT (scope, email, address) DO UPDATE SET scope = excluded.scope
           RETURNING scope, failures, window_start, blocked_until`,
        [...keys.flat(), now],
      );
      const counters = rows.map((r) => ({
        scope: r.scope,
        failures: r.failures,
        windowStart: r.window_start,
        blockedUntil: r.blocked_until,
      }));
      return decide(counters, m);
    });
  }

  async writeCounts(
    m: EntityManager,
    email: string,
    address: string,
    next: Array<{ scope: ThrottleScope; failures: number; blockedUntil: Date | null }>,
  ): Promise<void> {
    await m.query(
      `UPDATE sign_in_failures f SET failures = v.failures, blocked_until = v.blocked_until
       FROM jsonb_to_recordset($1::jsonb) AS v(scope text, email text, address text, failures int, blocked_until timestamptz)
       WHERE (f.scope, f.email, f.address) = (v.scope, v.email, v.address)`,
      [
        JSON.stringify(
          next.map((n) => {
            const [e, a] = keyOf(n.scope, email, address);
            return {
              scope: n.scope,
              email: e,
              address: a,
              failures: n.failures,
              blocked_until: n.blockedUntil,
            };
          }),
        ),
      ],
    );
  }

  async countRefusal(m: EntityManager, scope: ThrottleScope, email: string, address: string, now: Date) {
    await m.query(
      `UPDATE sign_in_failures SET refused = refused + 1, last_refused_at = $4
       WHERE scope = $1 AND email = $2 AND address = $3`,
      [scope, ...keyOf(scope, email, address), now],
    );
  }

  /**
   * Gives back a reservation that signed in: the pair starts afresh; the account and the address
   * keep the others' failures, and unblock if this attempt was the one that reached the limit.
   * With `clearAccount` (an unlock link) the account's counter goes too. `attempts`: the
   * reservations being given back (a password and a second factor are two). Statements run in the
   * lock order of `withLockedCounters`.
   */
  async release(
    email: string,
    address: string,
    limits: { maxPerAccount: number; maxPerAddress: number },
    clearAccount: boolean,
    attempts = 1,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const decrement = `UPDATE sign_in_failures
         SET failures = greatest(failures - $5, 0),
             blocked_until = CASE WHEN failures - $5 >= $4 THEN blocked_until END
         WHERE scope = $1 AND email = $2 AND address = $3`;
      await m.query(decrement, [
        'address',
        ...keyOf('address', email, address),
        limits.maxPerAddress,
        attempts,
      ]);
      if (clearAccount) {
        await m.query(`DELETE FROM sign_in_failures WHERE scope = 'account' AND email = $1`, [email]);
      } else {
        await m.query(decrement, [
          'account',
          ...keyOf('account', email, address),
          limits.maxPerAccount,
          attempts,
        ]);
      }
      await m.query(`DELETE FROM sign_in_failures WHERE scope = 'pair' AND email = $1 AND address = $2`, [
        email,
        address,
      ]);
    });
  }

  /** Whether the account is locked, or throttled from any address, at `now`. */
  async isAccountThrottled(email: string, now: Date): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM sign_in_failures
                      WHERE scope IN ('account', 'pair') AND email = $1 AND blocked_until > $2) AS throttled`,
      [email, now],
    );
    return row.throttled === true;
  }

  /**
   * The accounts locked at `now` (the account scope reached its limit), with when each lock ends;
   * all of them when `emails` is omitted. A pair's short delay is not a lock: it slows one address.
   */
  async findAccountLocks(now: Date, emails?: string[]): Promise<Map<string, Date>> {
    const rows: Array<{ email: string; blocked_until: Date }> = await this.dataSource.query(
      `SELECT email, blocked_until FROM sign_in_failures
       WHERE scope = 'account' AND blocked_until > $1 AND ($2::text[] IS NULL OR email = ANY($2::text[]))`,
      [now, emails ?? null],
    );
    return new Map(rows.map((r) => [r.email, r.blocked_until]));
  }

  /** Ends the account's lock (as an unlock link does); returns the counter that held it, if any. */
  async clearAccountLock(
    email: string,
    m: EntityManager,
  ): Promise<{ failures: number; refused: number; blockedUntil: Date | null } | null> {
    const [rows]: [Array<{ failures: number; refused: number; blocked_until: Date | null }>, number] =
      await m.query(
        `DELETE FROM sign_in_failures WHERE scope = 'account' AND email = $1
         RETURNING failures, refused, blocked_until`,
        [email],
      );
    const [row] = rows;
    return row ? { failures: row.failures, refused: row.refused, blockedUntil: row.blocked_until } : null;
  }

  /**
   * Removes counters whose window is over and that block nobody, and hands those with refused
   * attempts to `record` in the same transaction, so each window is audited exactly once. Rows a
   * sign-in holds are skipped (no waiting, no deadlock); a later sweep takes them.
   */
  async sweepClosed(
    now: Date,
    windowSeconds: number,
    record: (closed: ClosedThrottleWindow[], m: EntityManager) => Promise<void>,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      // DELETE answers [rows, count] through TypeORM's raw query.
      const [rows]: [
        Array<{
          scope: ThrottleScope;
          email: string;
          address: string;
          window_start: Date;
          refused: number;
          last_refused_at: Date | null;
        }>,
        number,
      ] = await m.query(
        `DELETE FROM sign_in_failures
         WHERE (scope, email, address) IN (
           SELECT scope, email, address FROM sign_in_failures
           WHERE window_start <= $1::timestamptz - make_interval(secs => $2)
             AND (blocked_until IS NULL OR blocked_until <= $1)
           FOR UPDATE SKIP LOCKED)
         RETURNING scope, email, address, window_start, refused, last_refused_at`,
        [now, windowSeconds],
      );
      const closed = rows
        .filter((r) => r.refused > 0)
        .map((r) => ({
          scope: r.scope,
          email: r.email,
          address: r.address,
          windowStart: r.window_start,
          refused: r.refused,
          lastRefusedAt: r.last_refused_at,
        }));
      if (closed.length > 0) await record(closed, m);
    });
  }
}
