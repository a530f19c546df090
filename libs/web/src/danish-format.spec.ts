import { endOfDanishDay, formatDateTime, formatNumber, formatWait } from './danish-format';

describe('danish-format', () => {
  it('shows Danish time in winter and summer', () => {
    expect(formatDateTime('2025-01-15T12:05:00Z')).toBe('15. januar 2025 kl. 13.05');
    expect(formatDateTime('2025-07-15T12:05:00Z')).toBe('15. juli 2025 kl. 14.05');
  });

  it('formats numbers with Danish separators', () => {
    expect(formatNumber(1_000_000)).toBe('1.000.000');
    expect(formatNumber(2.5)).toBe('2,5');
  });

  it('says how long to wait in seconds or whole minutes, rounded up', () => {
    expect(formatWait(1)).toBe('1 sekund');
    expect(formatWait(45)).toBe('45 sekunder');
    expect(formatWait(60)).toBe('1 minut');
    expect(formatWait(61)).toBe('2 minutter');
    expect(formatWait(900)).toBe('15 minutter');
  });

  it('reads a date field as the end of that Danish day', () => {
    expect(endOfDanishDay('2025-01-31')?.toISOString()).toBe('2025-01-31T22:59:00.000Z');
    expect(endOfDanishDay('2025-06-30')?.toISOString()).toBe('2025-06-30T21:59:00.000Z');
    expect(endOfDanishDay('2025-02-30')).toBeNull();
    expect(endOfDanishDay('i morgen')).toBeNull();
  });
});
