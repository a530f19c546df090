import { SheetColumn, tableCsv, tableXlsx } from '@app/ui';
import { RSIT_CLASS_LABELS, RSIT_TYPE_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../incident-labels';
import type { IncidentListRow } from '../incidents.repository';
import type { RsitClass, Severity } from '../rsit';

export const INCIDENT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type IncidentExportFormat = (typeof INCIDENT_EXPORT_FORMATS)[number];

export const INCIDENT_EXPORT_TYPES: Record<IncidentExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The most incidents one export holds. About a year of the whole country's incidents (the demo log
 * has some 16,000) fits many times over; a bigger selection is refused with 422, not cut short, so
 * a spreadsheet never silently misses rows.
 */
export const MAX_EXPORTED_INCIDENTS = 50_000;

/** A row of the export: the list's row with the assigned analyst's name. */
export interface IncidentExportRow extends IncidentListRow {
  assigneeName: string | null;
}

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

/**
 * The columns, in Danish, in the order of the work queue. The RSIT class and type are there twice:
 * as Danish text to read, and as the taxonomy's machine tag to filter on or pass to MISP. Texts that
 * people typed (the title) go through the one writer that neutralises formulas.
 */
const COLUMNS: Array<SheetColumn<IncidentExportRow>> = [
  { header: 'Reference', width: 16, value: (r) => r.reference },
  { header: 'Kommunekode', width: 12, value: (r) => r.municipalityCode },
  { header: 'Kommune', width: 20, value: (r) => r.municipalityName },
  { header: 'Titel', width: 48, value: (r) => r.title },
  { header: 'Status', width: 18, value: (r) => label(STATUS_LABELS, r.status) },
  { header: 'RSIT-klasse', width: 28, value: (r) => label(RSIT_CLASS_LABELS, r.rsitClass as RsitClass) },
  { header: 'RSIT-type', width: 30, value: (r) => label(RSIT_TYPE_LABELS, r.rsitType) },
  { header: 'RSIT-mærke', width: 40, value: (r) => `rsit:${r.rsitClass}="${r.rsitType}"` },
  { header: 'Alvor', width: 10, value: (r) => label(SEVERITY_LABELS, r.severity as Severity) },
  { header: 'TLP', width: 14, value: (r) => `TLP:${r.tlp.toUpperCase()}` },
  { header: 'Tildelt', width: 24, value: (r) => r.assigneeName },
  { header: 'Kendt siden', width: 18, value: (r) => new Date(r.awareAt) },
  { header: 'Anmeldt', width: 18, value: (r) => new Date(r.createdAt) },
  { header: 'Næste frist', width: 18, value: (r) => r.nextDueAt && new Date(r.nextDueAt) },
  { header: 'Frist overskredet', width: 10, value: (r) => (r.overdue ? 'Ja' : 'Nej') },
];

export function incidentListCsv(rows: IncidentExportRow[]): Buffer {
  return tableCsv(COLUMNS, rows);
}

export function incidentListXlsx(rows: IncidentExportRow[], created: Date): Promise<Buffer> {
  return tableXlsx(COLUMNS, rows, { sheetName: 'Hændelser', title: 'KommuneCERT – hændelser', created });
}
