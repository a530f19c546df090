import { DomainError, ErrorCode } from '@app/http';
import { parseMunicipalityCode } from '@app/municipalities';

/**
 * The formats every report is rendered in, named by the end of their file name:
 * - `pdf`, `html`: the report to read (tagged PDF; the HTML with charts drawn by chart.js).
 * - `csv`: the spreadsheet for people, for a Danish Excel (`;`, decimal comma, BOM, Danish headers).
 * - `xlsx`: the same figures as an Excel workbook with typed numbers, one sheet per part.
 * - `machine.csv`: the same figures for scripts (`;`, dot decimals, English keys, no BOM).
 * - `json`: the report's model, the figures as the statistics routes give them.
 */
export const REPORT_FORMATS = ['pdf', 'html', 'csv', 'xlsx', 'machine.csv', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'machine.csv': 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

const FORMAT_LIST = REPORT_FORMATS.join(', ');

/** A format from a URL, or a 404 that names the unknown format and the ones that exist. */
export function parseReportFormat(format: string): ReportFormat {
  if ((REPORT_FORMATS as readonly string[]).includes(format)) return format as ReportFormat;
  throw new DomainError(
    ErrorCode.REPORT_FORMAT_UNKNOWN,
    `There is no report format "${format.slice(0, 40)}": use one of ${FORMAT_LIST}`,
    { format: format.slice(0, 40), formats: REPORT_FORMATS },
  );
}

/** Parses the last path segment of a municipality's report, `151.pdf` or `151.machine.csv`. */
export function parseMunicipalityReportFile(file: string): { code: number; format: ReportFormat } {
  const match = /^(\d{3})\.(.+)$/.exec(file);
  const code = match ? parseMunicipalityCode(match[1]) : null;
  if (!match || code === null)
    throw new DomainError(
      ErrorCode.NOT_FOUND,
      `Report not found: use <municipality code>.<format> with a format of ${FORMAT_LIST}`,
    );
  return { code, format: parseReportFormat(match[2]) };
}
