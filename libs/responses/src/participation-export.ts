import { SheetColumn, tableCsv, tableXlsx } from '@app/ui';
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

/** The columns, Danish headers first: who took part and how far they got, never an answer. */
const COLUMNS: Array<SheetColumn<ParticipationRow>> = [
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
 * Danish Excel's CSV (`;`, BOM, CRLF, Danish headers) through the platform's one writer, which
 * neutralises a text a spreadsheet would run as a formula: names of people are typed by users.
 */
export function participationCsv(rows: ParticipationRow[]): Buffer {
  return tableCsv(COLUMNS, rows);
}

/** One sheet with typed cells: numbers as numbers, times as dates in Danish time, texts as text. */
export function participationXlsx(rows: ParticipationRow[], title: string): Promise<Buffer> {
  return tableXlsx(COLUMNS, rows, { sheetName: 'Deltagelse', title });
}
