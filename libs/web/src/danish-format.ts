/** Dates, times and numbers as Danes read them; always in Danish time, whatever the server's zone. */
const ZONE = 'Europe/Copenhagen';

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, dateStyle: 'long' });
const time = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 6 });

/** "3. marts 2025 kl. 14.05" */
export const formatDateTime = (d: Date | string) => dateTime.format(new Date(d));
/** "3. marts 2025" */
export const formatDate = (d: Date | string) => date.format(new Date(d));
/** "14.05" */
export const formatTime = (d: Date | string) => time.format(new Date(d));
/** "1.000.000" and "2,5" */
export const formatNumber = (n: number) => number.format(n);

/** A wait as a person reads it: "45 sekunder", "1 minut", "15 minutter" (minutes rounded up). */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minutter`;
}

/** The Copenhagen offset from UTC in minutes at the given instant (60 in winter, 120 in summer). */
function copenhagenOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return Math.round((local - at.getTime()) / 60_000);
}

/**
 * The last minute of a calendar day (YYYY-MM-DD) in Danish time, or null if it is no date: a
 * deadline picked in a date field means "by the end of that day" for the municipalities.
 */
export function endOfDanishDay(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim());
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== Number(m[3])) return null;
  return new Date(asUtc - copenhagenOffsetMinutes(check) * 60_000);
}
