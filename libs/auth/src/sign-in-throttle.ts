/** Pure rules of sign-in throttling; the repository locks the counters, these decide. */

export type ThrottleScope = 'address' | 'account' | 'pair';

/** The order in which counters are locked, everywhere, so concurrent sign-ins cannot deadlock. */
export const THROTTLE_SCOPES: readonly ThrottleScope[] = ['address', 'account', 'pair'];

export interface ThrottleLimits {
  windowSeconds: number;
  freePerPair: number;
  delayBaseSeconds: number;
  delayMaxSeconds: number;
  maxPerAccount: number;
  maxPerAddress: number;
}

export interface CounterState {
  scope: ThrottleScope;
  failures: number;
  windowStart: Date;
  blockedUntil: Date | null;
}

export type Reservation =
  | { allowed: true; next: Array<Pick<CounterState, 'scope' | 'failures' | 'blockedUntil'>> }
  | { allowed: false; scope: ThrottleScope; retryAfterSeconds: number };

/**
 * The wait after a pair's nth failure: none for the first free ones, then base, 2 × base, 4 × base
 * … up to the cap, so a typing owner is barely slowed and a guesser from one address is crawled.
 */
export function pairDelaySeconds(failures: number, limits: ThrottleLimits): number {
  if (failures < limits.freePerPair) return 0;
  const doublings = Math.min(failures - limits.freePerPair, 30);
  return Math.min(limits.delayBaseSeconds * 2 ** doublings, limits.delayMaxSeconds);
}

/**
 * Reserves one attempt, counted as a failure until the password proves right (then released).
 * A blocked counter refuses it, naming the scope that blocks longest; otherwise every counter
 * counts it, and the one that reaches its limit blocks the next attempts.
 */
export function reserveAttempt(counters: CounterState[], limits: ThrottleLimits, now: Date): Reservation {
  const blocking = counters
    .filter((c) => c.blockedUntil && c.blockedUntil > now)
    .sort((a, b) => b.blockedUntil!.getTime() - a.blockedUntil!.getTime());
  if (blocking.length > 0) {
    const [longest] = blocking;
    return {
      allowed: false,
      scope: longest.scope,
      retryAfterSeconds: Math.max(1, Math.ceil((longest.blockedUntil!.getTime() - now.getTime()) / 1000)),
    };
  }
  const windowEnd = (c: CounterState) => new Date(c.windowStart.getTime() + limits.windowSeconds * 1000);
  return {
    allowed: true,
    next: counters.map((c) => {
      const failures = c.failures + 1;
      let blockedUntil: Date | null = null;
      if (c.scope === 'pair') {
        const delay = pairDelaySeconds(failures, limits);
        if (delay > 0) blockedUntil = new Date(now.getTime() + delay * 1000);
      } else if (failures >= (c.scope === 'account' ? limits.maxPerAccount : limits.maxPerAddress)) {
        blockedUntil = windowEnd(c);
      }
      return { scope: c.scope, failures, blockedUntil };
    }),
  };
}
