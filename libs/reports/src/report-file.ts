import { NotFoundException } from '@nestjs/common';
import { parseMunicipalityCode } from '@app/municipalities';
import type { ReportFormat } from './reports.repository';

/** Parses the last path segment, `151.pdf` or `national.csv`. */
export function parseReportFile(file: string, expectCode: boolean): { code: number; format: ReportFormat } {
  const match = (expectCode ? /^(\d{3})\.(pdf|html|csv|json)$/ : /^national\.(pdf|html|csv|json)$/).exec(
    file,
  );
  const code = expectCode && match ? parseMunicipalityCode(match[1]) : 0;
  if (!match || code === null) {
    throw new NotFoundException(
      expectCode
        ? 'Report not found: use <municipality code>.pdf|html|csv|json'
        : 'Report not found: use national.pdf|html|csv|json',
    );
  }
  return expectCode
    ? { code, format: match[2] as ReportFormat }
    : { code: 0, format: match[1] as ReportFormat };
}
