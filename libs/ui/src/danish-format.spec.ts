import {
  DASH,
  endOfDanishDay,
  startOfDanishDay,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatDelta,
  formatDuration,
  formatMonth,
  formatNumber,
  formatPercent,
  formatRoundedScore,
  formatScore,
  formatSignedDecimal,
  formatTime,
  formatTimeLeft,
  formatWait,
  withMinusSign,
} from './danish-format';

describe('danish-format', () => {
  it('shows Danish time in winter and summer', () => {
    expect(formatDateTime('2025-01-15T12:05:00Z')).toBe('15. januar 2025 kl. 13.05');
    expect(formatDateTime('2025-07-15T12:05:00Z')).toBe('15. juli 2025 kl. 14.05');
  });

  it('names a calendar month in Danish, whatever the server zone', () => {
    expect(formatMonth('2026-12')).toBe('december 2026');
    expect(formatMonth('2027-01')).toBe('januar 2027');
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
    expect(startOfDanishDay('2025-01-31')?.toISOString()).toBe('2025-01-30T23:00:00.000Z');
    expect(startOfDanishDay('2025-06-30')?.toISOString()).toBe('2025-06-29T22:00:00.000Z');
    // The day summer time begins: midnight is still winter time.
    expect(startOfDanishDay('2025-03-30')?.toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect(startOfDanishDay('2025-02-30')).toBeNull();
  });

  it('shows dates and clock times in Danish time', () => {
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('1. januar 2026');
    expect(formatTime('2025-07-15T12:05:00Z')).toBe('14.05');
  });

  it('formats report figures with a decimal comma and a dash for no figure', () => {
    expect(formatScore(3.356)).toBe('3,36');
    expect(formatRoundedScore(3.44)).toBe('3,4');
    expect(formatDelta(0.123)).toBe('+0,12');
    expect(formatDelta(-0.05)).toBe('-0,05');
    expect(formatDelta(0)).toBe('0,00');
    expect(formatDecimal(1234.56)).toBe('1.234,6');
    expect(formatSignedDecimal(2.5)).toBe('+2,5');
    expect(formatPercent(41.25)).toBe('41,3 %');
    for (const format of [formatScore, formatRoundedScore, formatDelta, formatDecimal, formatPercent]) {
      expect(format(null)).toBe(DASH);
      expect(format(undefined)).toBe(DASH);
    }
  });

  it('puts the typographic minus sign in place of a leading hyphen', () => {
    expect(withMinusSign(formatSignedDecimal(-3.5))).toBe('\u22123,5');
    expect(withMinusSign(formatSignedDecimal(3.5))).toBe('+3,5');
  });

  it('shows a duration in days, hours and whole minutes, rounded down', () => {
    const minutes = (m: number) => m * 60_000;
    expect(formatDuration(minutes(135))).toBe('2 t 15 min');
    expect(formatDuration(minutes(180))).toBe('3 t');
    expect(formatDuration(minutes(45) + 59_999)).toBe('45 min');
    expect(formatDuration(minutes(24 * 60 + 60 + 1))).toBe('1 d 1 t 1 min');
    expect(formatDuration(59_999)).toBe('0 min');
    expect(formatDuration(-minutes(90))).toBe('1 t 30 min');
  });

  it('says how long is left until a deadline, or by how much it is passed', () => {
    const deadline = new Date('2026-03-01T12:00:00Z');
    expect(formatTimeLeft(deadline, new Date('2026-03-01T09:45:00Z'))).toBe('2 t 15 min');
    expect(formatTimeLeft(deadline, new Date('2026-03-01T15:00:00Z'))).toBe('overskredet med 3 t');
    expect(formatTimeLeft(deadline, deadline)).toBe('0 min');
  });
});
