import { Workbook } from 'exceljs';
import type { ParticipationRow } from './responses.repository';
import type { ParticipationStatus } from './participation-query';

export const PARTICIPATION_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ParticipationExportFormat = (typeof PARTICIPATION_EXPORT_FORMATS)[number];

export const PARTICIPATION_EXPORT_TYPES: Record<ParticipationExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const STATUS_DA: Record<ParticipationStatus, string> = {
  not_started: 'Ikke påbegyndt',
  in_progress: 'I gang',
  submitted: 'Indsendt',
};

type Cell = string | number | Date | null;

/** The columns, Danish headers first: who took part and how far they got, never an answer. */
const COLUMNS: Array<{ header: string; width: number; value: (r: ParticipationRow) => Cell }> = [
  { header: 'Kommunekode', width: 12, value: (r) => r.municipalityCode },
  { header: 'Kommune', width: 24, value: (r) => r.municipalityName },
  { header: 'Region', width: 22, value: (r) => r.regionName },
  { header: 'Status', width: 16, value: (r) => STATUS_DA[r.status] },
  { header: 'Fremdrift (%)', width: 14, value: (r) => r.progressPercent },
  { header: 'Besvarede obligatoriske spørgsmål', width: 18, value: (r) => r.answeredRequired },
  { header: 'Obligatoriske spørgsmål', width: 14, value: (r) => r.requiredQuestions },
  { header: 'Seneste aktivitet', width: 20, value: (r) => r.lastChangedAt && new Date(r.lastChangedAt) },
  { header: 'Indsendt den', width: 20, value: (r) => r.submittedAt && new Date(r.submittedAt) },
  { header: 'Indsendt af', width: 24, value: (r) => r.submittedByName },
];

/**
 * A text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a leading
 * quote: names of people are typed by users (OWASP "CSV injection"), in CSV and XLSX alike.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const neutral = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

/** "2026-03-01 14:05" in Danish time: a form Danish Excel reads as a date and time. */
const danishTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Copenhagen',
  dateStyle: 'short',
  timeStyle: 'short',
});

function csvField(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return danishTime.format(value);
  const text = neutral(value);
  return /[";\r\n]/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Danish Excel's CSV: `;` between fields, UTF-8 with a BOM (for æ/ø/å), CRLF, Danish headers. */
export function participationCsv(rows: ParticipationRow[]): Buffer {
  const lines = [COLUMNS.map((c) => c.header), ...rows.map((r) => COLUMNS.map((c) => csvField(c.value(r))))];
  return Buffer.from('\uFEFF' + lines.map((l) => l.join(';')).join('\r\n') + '\r\n', 'utf8');
}

/** One sheet with typed cells: numbers as numbers, times as dates in Danish time. */
export async function participationXlsx(rows: ParticipationRow[], title: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Deltagelse');
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) {
    sheet.addRow(
      COLUMNS.map((c) => {
        const v = c.value(r);
        // Excel has no time zones: a time is written as the Danish wall-clock time it shows.
        if (v instanceof Date) return new Date(`${danishTime.format(v).replace(' ', 'T')}:00Z`);
        return typeof v === 'string' ? neutral(v) : v;
      }),
    );
  }
  for (const i of [8, 9]) sheet.getColumn(i).numFmt = 'dd-mm-yyyy hh:mm';
  workbook.title = title;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
