import { RestartDecision, RestartPolicy } from './restart-policy';

/** A policy on a clock the test moves; `crashAfter` lets the child run, crash, and waits out the delay. */
function supervised() {
  let now = 0;
  const policy = new RestartPolicy(() => now);
  const crashAfter = (runMs: number): RestartDecision => {
    now += runMs;
    const decision = policy.exited();
    if (decision.action === 'restart') {
      now += decision.delayMs;
      policy.started();
    }
    return decision;
  };
  return { crashAfter };
}

const delays = (decisions: RestartDecision[]) =>
  decisions.map((d) => (d.action === 'restart' ? d.delayMs : d.action));

describe('RestartPolicy', () => {
  it('restarts a crashed child after 1 s, numbering the restarts', () => {
    const child = supervised();
    expect(child.crashAfter(5_000)).toEqual({ action: 'restart', restart: 1, delayMs: 1_000 });
    expect(child.crashAfter(5_000)).toEqual({ action: 'restart', restart: 2, delayMs: 2_000 });
  });

  it('doubles the wait in a crash loop and gives up at the fifth crash within 60 s', () => {
    const child = supervised();
    const decisions = [0, 1, 2, 3, 4].map(() => child.crashAfter(100));
    expect(delays(decisions)).toEqual([1_000, 2_000, 4_000, 8_000, 'give-up']);
    expect(decisions[4]).toEqual({ action: 'give-up', crashes: 5, windowMs: 60_000 });
  });

  it('caps the wait at 30 s and keeps restarting a child that crashes too seldom to give up', () => {
    const child = supervised();
    const decisions = Array.from({ length: 8 }, () => child.crashAfter(20_000));
    expect(delays(decisions)).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts only the crashes within the last 60 s towards giving up', () => {
    const child = supervised();
    [0, 1, 2, 3].forEach(() => child.crashAfter(100));
    // Crashes at 0.1, 1.2, 3.3 and 7.4 s; the fifth, at 74.4 s, is the only one in its window. The
    // child ran for less than a window, so the wait still doubles.
    expect(child.crashAfter(59_000)).toEqual({ action: 'restart', restart: 5, delayMs: 16_000 });
  });

  it('starts over at 1 s once the child has run for a whole window', () => {
    const child = supervised();
    [0, 1, 2].forEach(() => child.crashAfter(100));
    expect(child.crashAfter(60_000)).toEqual({ action: 'restart', restart: 4, delayMs: 1_000 });
    expect(child.crashAfter(100)).toMatchObject({ delayMs: 2_000 });
  });
});
