export interface RestartPolicyOptions {
  /** Wait before the first restart; each further crash in a row doubles it. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** Give up when this many crashes fall within `windowMs`. */
  maxCrashes: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicyOptions = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxCrashes: 5,
  windowMs: 60_000,
};

export type RestartDecision =
  /** `restart` counts every restart of this child since the launcher started. */
  | { action: 'restart'; restart: number; delayMs: number }
  | { action: 'give-up'; crashes: number; windowMs: number };

/**
 * When to restart one supervised child. A child that crashes again soon waits twice as long each
 * time, so a crash loop does not spin; one that ran for a whole window before crashing counts as
 * healthy again and starts over at the initial delay. Only a burst of crashes within the window
 * means the fault will not go away by itself (a bad config, the database gone), and the launcher
 * gives up rather than restart forever.
 */
export class RestartPolicy {
  private readonly crashes: number[] = [];
  private inARow = 0;
  private restarts = 0;
  private startedAt: number;

  constructor(
    private readonly now: () => number,
    private readonly options: RestartPolicyOptions = DEFAULT_RESTART_POLICY,
  ) {
    this.startedAt = now();
  }

  /** The child has been (re)started. */
  started(): void {
    this.startedAt = this.now();
  }

  /** The child exited when it was not asked to: restart it, after how long, or give up. */
  exited(): RestartDecision {
    const { initialDelayMs, maxDelayMs, maxCrashes, windowMs } = this.options;
    const now = this.now();
    this.crashes.push(now);
    while (this.crashes[0] <= now - windowMs) this.crashes.shift();
    if (this.crashes.length >= maxCrashes) {
      return { action: 'give-up', crashes: this.crashes.length, windowMs };
    }
    this.inARow = now - this.startedAt >= windowMs ? 1 : this.inARow + 1;
    this.restarts += 1;
    const delayMs = Math.min(initialDelayMs * 2 ** (this.inARow - 1), maxDelayMs);
    return { action: 'restart', restart: this.restarts, delayMs };
  }
}
