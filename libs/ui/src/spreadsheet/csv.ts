/**
 * The one CSV writer of the platform: RFC 4180 records that spreadsheets open safely.
 *
 * A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is run by Excel,
 * LibreOffice and Google Sheets as a formula (`=HYPERLINK(…)` can leak the sheet to a URL), and
 * texts such as question texts are set by users. Such a text gets a leading single quote, which
 * makes the spreadsheet show it as text, and is always quoted (OWASP "CSV injection").
 *
 * Numbers are written as numbers, never prefixed: they come from the platform, not from a user,
 * and a negative figure such as `-0.42` must stay a number. So a value that is text must be
 * passed as a string, and one that is a number as a number. A time is written as the Danish
 * wall-clock time "2026-03-01 14:05", a form a Danish Excel reads as a date and time.
 *
 * Every CSV the platform makes goes through here (reports, participation, incident exports); the
 * XLSX files through `sheet-table.ts` or the same rule, so neutralising cannot be forgotten in one.
 */
export type CsvValue = string | number | boolean | Date | null | undefined;

export interface CsvDialect {
  /** `;` for both report CSVs: a Danish Excel splits on it, and it never occurs in a number. */
  separator: ',' | ';';
  /** `,` writes 2.143 as "2,143", the way a Danish Excel reads a decimal number. */
  decimal: '.' | ',';
  /** Excel only reads a CSV as UTF-8 (and shows æ/ø/å) when it starts with a byte order mark. */
  bom: boolean;
}

/** For a spreadsheet in Danish: Excel opens it with a double click and reads the numbers right. */
export const DANISH_EXCEL: CsvDialect = { separator: ';', decimal: ',', bom: true };
/** For scripts: dot decimals, no byte order mark. */
export const MACHINE: CsvDialect = { separator: ';', decimal: '.', bom: false };

/** The first characters that make a spreadsheet run a text as a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** "2026-03-01 14:05" in Danish time, whatever the server's zone. */
const danishWallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'short',
});
export const danishWallClockText = (d: Date) => danishWallClock.format(d);

export function csvCell(value: CsvValue, dialect: CsvDialect): string {
  if (value === null || value === undefined) return '';
  // No thousands separator: a Danish Excel would read "1.234" as 1234, an English one as 1.234.
  if (typeof value === 'number') return String(value).replace('.', dialect.decimal);
  if (value instanceof Date) return danishWallClockText(value);
  if (typeof value !== 'string') return String(value);
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  const special = new RegExp(`["${dialect.separator}\\r\\n]`);
  return formula || special.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM (if the dialect has one), header and rows, CRLF line ends as RFC 4180 asks. */
export function csvDocument(header: string[], rows: CsvValue[][], dialect: CsvDialect): string {
  const records = [header, ...rows].map((r) => r.map((v) => csvCell(v, dialect)).join(dialect.separator));
  return (dialect.bom ? '\uFEFF' : '') + records.join('\r\n') + '\r\n';
}
