import { IncidentClockEvents } from './incident-clock-events';

describe('IncidentClockEvents', () => {
  it('runs the listeners at once, so a request waits for the slowest and not for their sum', async () => {
    const events = new IncidentClockEvents();
    // The first listener finishes only once the second has started: one after the other, it never would.
    let secondStarted!: () => void;
    const second = new Promise<void>((resolve) => (secondStarted = resolve));
    const seen: string[] = [];
    events.subscribe({ changed: async (id) => void (await second, seen.push(`first ${id}`)) });
    events.subscribe({ changed: async (id) => void (secondStarted(), seen.push(`second ${id}`)) });
    const done = events.changed('i1').then(() => 'done');
    const timeout = new Promise((resolve) => setTimeout(() => resolve('timed out'), 1_000));
    expect(await Promise.race([done, timeout])).toBe('done');
    expect(seen).toEqual(['second i1', 'first i1']);
  });

  it('never fails the request: a failing listener is logged and the others still run', async () => {
    const events = new IncidentClockEvents();
    const seen: string[] = [];
    events.subscribe({
      changed: async () => {
        throw new Error('queue away');
      },
    });
    events.subscribe({ changed: async (id) => void seen.push(id) });
    await expect(events.changed('i2')).resolves.toBeUndefined();
    expect(seen).toEqual(['i2']);
  });
});
