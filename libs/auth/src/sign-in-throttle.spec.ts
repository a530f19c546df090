import { CounterState, pairDelaySeconds, reserveAttempt, ThrottleLimits } from './sign-in-throttle';

const limits: ThrottleLimits = {
  windowSeconds: 900,
  freePerPair: 5,
  delayBaseSeconds: 30,
  delayMaxSeconds: 900,
  maxPerAccount: 100,
  maxPerAddress: 30,
};
const now = new Date('2025-03-01T12:00:00Z');
const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const counters = (failures: Partial<Record<CounterState['scope'], number>> = {}): CounterState[] =>
  (['address', 'account', 'pair'] as const).map((scope) => ({
    scope,
    failures: failures[scope] ?? 0,
    windowStart: now,
    blockedUntil: null,
  }));

describe('sign-in throttle', () => {
  it('lets the free failures of a pair pass, then doubles the wait up to the cap', () => {
    expect([1, 4, 5, 6, 7, 10, 40].map((n) => pairDelaySeconds(n, limits))).toEqual([
      0, 0, 30, 60, 120, 900, 900,
    ]);
  });

  it('counts an attempt on every counter, and the fifth failure of a pair blocks the sixth', () => {
    const outcome = reserveAttempt(counters({ pair: 4, account: 10, address: 2 }), limits, now);
    expect(outcome).toEqual({
      allowed: true,
      next: [
        { scope: 'address', failures: 3, blockedUntil: null },
        { scope: 'account', failures: 11, blockedUntil: null },
        { scope: 'pair', failures: 5, blockedUntil: at(30) },
      ],
    });
  });

  it('locks the account until its window ends when the account limit is reached', () => {
    const outcome = reserveAttempt(counters({ account: 99 }), limits, at(60));
    expect(outcome.allowed && outcome.next.find((c) => c.scope === 'account')).toEqual({
      scope: 'account',
      failures: 100,
      blockedUntil: at(900),
    });
  });

  it('refuses while any counter blocks, naming the longest wait in whole seconds', () => {
    const state = counters();
    state[2].blockedUntil = at(30);
    state[1].blockedUntil = at(600.2);
    expect(reserveAttempt(state, limits, now)).toEqual({
      allowed: false,
      scope: 'account',
      retryAfterSeconds: 601,
    });
    state[1].blockedUntil = null;
    expect(reserveAttempt(state, limits, at(30))).toMatchObject({ allowed: true });
  });
});
