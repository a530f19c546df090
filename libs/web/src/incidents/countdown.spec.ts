import { countdown, formatDuration } from './countdown';

describe('incident countdown', () => {
  const now = new Date('2026-12-01T10:00:00Z');
  const at = (ms: number) => new Date(now.getTime() + ms);
  const H = 3_600_000;

  it('says how long is left, in hours and minutes', () => {
    expect(countdown(at(5 * H + 12 * 60_000 + 30_000), now)).toEqual({
      text: 'forfalder om 5 t 12 min',
      overdue: false,
    });
    expect(countdown(at(59 * 60_000), now).text).toBe('forfalder om 59 min');
  });

  it('says by how much a deadline is passed', () => {
    expect(countdown(at(-3 * H), now)).toEqual({ text: 'overskredet med 3 t', overdue: true });
  });

  it('counts days for the long clocks (the NIS2 final report)', () => {
    expect(formatDuration(30 * 24 * H + 2 * H)).toBe('30 d 2 t');
    expect(formatDuration(4 * 24 * H)).toBe('4 d');
    expect(formatDuration(70 * H + 59 * 60_000)).toBe('70 t 59 min');
  });
});
