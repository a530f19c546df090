/**
 * Calendar arithmetic in Europe/Copenhagen with the runtime's own time-zone data (Intl), so that no
 * date library is needed for the one rule that is calendar-based: "one month after".
 */
export const COPENHAGEN = 'Europe/Copenhagen';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: COPENHAGEN,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** The Copenhagen wall-clock time of an instant. */
export function copenhagenWallTime(instant: Date): WallTime {
  // One formatToParts per call: it is the costly part (the intake and the demo seed call this often).
  const formatted = parts.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(formatted.find((p) => p.type === type)!.value);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
    millisecond: instant.getUTCMilliseconds(),
  };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond);
}

/** Copenhagen's offset from UTC at an instant, in milliseconds (+1 h in winter, +2 h in summer). */
function offsetAt(ms: number): number {
  return wallAsUtc(copenhagenWallTime(new Date(ms))) - ms;
}

/**
 * The instant of a Copenhagen wall-clock time. In the autumn hour that happens twice the earlier
 * (summer-time) one is taken; a time skipped in spring moves forward by the hour.
 */
export function fromCopenhagenWallTime(w: WallTime): Date {
  const local = wallAsUtc(w);
  const before = offsetAt(local - 3 * 3_600_000);
  const after = offsetAt(local + 3 * 3_600_000);
  const valid = [local - before, local - after].filter((t) => offsetAt(t) === local - t);
  return new Date(valid.length > 0 ? Math.min(...valid) : local - before);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same Copenhagen wall-clock time `months` calendar months later; a day the month lacks
 * becomes its last day (31 January + 1 month = 28 or 29 February).
 */
export function addCopenhagenMonths(instant: Date, months: number): Date {
  const w = copenhagenWallTime(instant);
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromCopenhagenWallTime({ ...w, year, month, day: Math.min(w.day, daysInMonth(year, month)) });
}

/** The calendar year in Copenhagen (an incident reported on New Year's Eve at 23:30 UTC is next year's). */
export function copenhagenYear(instant: Date): number {
  return copenhagenWallTime(instant).year;
}

/** "2026-03-01": the Copenhagen calendar date of an instant (file names, MISP event dates). */
export function copenhagenDate(instant: Date): string {
  const w = copenhagenWallTime(instant);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}
