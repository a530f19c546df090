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
 * passed as a string, and one that is a number as a number.
 */
export type CsvValue = string | number | boolean | null | undefined;

/** Excel only reads a CSV as UTF-8 (and shows æ/ø/å) when it starts with a byte order mark. */
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const formula = FORMULA_START.test(value);
  const text = formula ? `'${value}` : value;
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, header and rows, CRLF line ends as RFC 4180 asks. */
export function csvDocument(header: string[], rows: CsvValue[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
