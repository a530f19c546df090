/**
 * Numbers, dates, times and durations as Danes read them, always in Danish time whatever the
 * server's zone. Every Danish screen, report and mail formats through here, so a figure reads the
 * same on the web page, in the PDF and in the reminder mail.
 */
const ZONE = 'Europe/Copenhagen';

const dateTime = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, dateStyle: 'long', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, dateStyle: 'long' });
const time = new Intl.DateTimeFormat('da-DK', { timeZone: ZONE, hour: '2-digit', minute: '2-digit' });
const number = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 6 });
const score = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signedScore = new Intl.NumberFormat('da-DK', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'exceptZero',
});
const oneDecimal = new Intl.NumberFormat('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const decimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });
const signedDecimal = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** "3. marts 2025 kl. 14.05" */
export const formatDateTime = (d: Date | string) => dateTime.format(new Date(d));
/** "3. marts 2025" */
export const formatDate = (d: Date | string) => date.format(new Date(d));
const monthYear = new Intl.DateTimeFormat('da-DK', { timeZone: 'UTC', month: 'long', year: 'numeric' });
/** "2026-12" → "december 2026" (a calendar month as stored, with no time zone to shift it). */
export const formatMonth = (yearMonth: string) => monthYear.format(new Date(`${yearMonth}-01T00:00:00Z`));
/** "14.05" */
export const formatTime = (d: Date | string) => time.format(new Date(d));
/** "1.000.000" and "2,5" */
export const formatNumber = (n: number) => number.format(n);

/** Shown instead of a figure that does not exist (an en dash, so it is never read as a minus). */
export const DASH = '–';

/**
 * The typographic minus sign (U+2212). `Intl` writes "-" (hyphen-minus) for Danish; texts that
 * show a negative figure or an overrun (the reports among them) use this sign through
 * `withMinusSign`.
 */
export const MINUS = '−';

/** "-3,5" → "−3,5": a formatted figure with the typographic minus in place of the hyphen. */
export const withMinusSign = (formatted: string) => formatted.replace(/^-/, MINUS);

/** "3,36" for an index or mean on the 1–5 scale. */
export const formatScore = (v: number | null | undefined) => (v == null ? DASH : score.format(v));
/** "3,4": a median or quartile of scores, published rounded to one decimal (docs/statistics.md). */
export const formatRoundedScore = (v: number | null | undefined) => (v == null ? DASH : oneDecimal.format(v));
/** "+0,12" / "-0,05": a difference on the 1–5 scale. */
export const formatDelta = (v: number | null | undefined) => (v == null ? DASH : signedScore.format(v));
/** "12,5" for counts, medians and percentages. */
export const formatDecimal = (v: number | null | undefined) => (v == null ? DASH : decimal.format(v));
/** "+2,5" for changes in per cent or percentage points. */
export const formatSignedDecimal = (v: number | null | undefined) =>
  v == null ? DASH : signedDecimal.format(v);
/** "41,2 %" */
export const formatPercent = (v: number | null | undefined) => (v == null ? DASH : `${decimal.format(v)} %`);

/** A wait as a person reads it: "45 sekunder", "1 minut", "15 minutter" (minutes rounded up). */
export function formatWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 sekund' : `${seconds} sekunder`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minut' : `${minutes} minutter`;
}

const MINUTE = 60_000;

/**
 * A span of time as a clock shows it: "2 t 15 min", "1 d 3 t", "45 min", "0 min". Whole minutes,
 * rounded down (a clock never shows more time than is left); the sign is ignored.
 */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(Math.abs(milliseconds) / MINUTE);
  const parts: string[] = [];
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) parts.push(`${days} d`);
  if (hours > 0) parts.push(`${hours} t`);
  if (rest > 0 || parts.length === 0) parts.push(`${rest} min`);
  return parts.join(' ');
}

/** What is left until a deadline, or by how much it is passed: "2 t 15 min" / "overskredet med 3 t". */
export function formatTimeLeft(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  return left >= 0 ? formatDuration(left) : `overskredet med ${formatDuration(left)}`;
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

/**
 * The first moment of a calendar day (YYYY-MM-DD) in Danish time, or null if it is no date; with
 * endOfDanishDay's next minute, a day range picked in date fields becomes [start, end).
 */
export function startOfDanishDay(isoDate: string): Date | null {
  const end = endOfDanishDay(isoDate);
  if (!end) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate.trim())!;
  const midnight = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Date(midnight.getTime() - copenhagenOffsetMinutes(midnight) * 60_000);
}
