import { Injectable } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { TooManySignInAttemptsException } from './auth.exceptions';
import { SignInCountersRepository } from './sign-in-counters.repository';
import { reserveAttempt } from './sign-in-throttle';

/** OpenAPI text for a route that checks the caller's current password or code. */
export const CURRENT_SECRET_THROTTLED =
  'SIGN_IN_THROTTLED: too many wrong passwords or codes (sign-ins included) for the account from this address, the account or the address; Retry-After gives the wait in seconds';

/**
 * The sign-in throttle's counters in use: every check of a user's own password or code reserves
 * an attempt here, so a stolen session guesses no faster than a sign-in form would.
 */
@Injectable()
export class SignInThrottleService {
  constructor(
    private readonly counters: SignInCountersRepository,
    private readonly config: AppConfigService,
  ) {}

  /** Reserves one attempt on the throttle's counters, or refuses with 429. */
  async reserve(email: string, address: string, now: Date): Promise<void> {
    const limits = this.config.signInThrottle;
    const reservation = await this.counters.withLockedCounters(email, address, now, async (counters, m) => {
      const outcome = reserveAttempt(counters, limits, now);
      if (outcome.allowed) await this.counters.writeCounts(m, email, address, outcome.next);
      else await this.counters.countRefusal(m, outcome.scope, email, address, now);
      return outcome;
    });
    if (!reservation.allowed) {
      throw new TooManySignInAttemptsException(reservation.scope, reservation.retryAfterSeconds);
    }
  }

  /** Gives back reservations that proved right (see SignInCountersRepository.release). */
  release(email: string, address: string, clearAccount = false, attempts = 1): Promise<void> {
    return this.counters.release(email, address, this.config.signInThrottle, clearAccount, attempts);
  }

  /**
   * Runs `check` (of the signed-in user's current password or code) under the throttle: a blocked
   * counter answers 429 before it runs; a wrong answer stays counted as a failed sign-in would.
   */
  async guard(email: string, address: string, now: Date, check: () => Promise<boolean>): Promise<boolean> {
    await this.reserve(email, address, now);
    const ok = await check();
    if (ok) await this.release(email, address);
    return ok;
  }
}
