import { Injectable } from '@nestjs/common';
import type { Principal } from '@app/auth';
import { Clock } from '@app/config';
import type { FileToSend } from '@app/http';
import { copenhagenYear, IncidentStatisticsExportService } from '@app/incidents';
import { renderDocumentPdf } from '../render/pdf-report.renderer';
import { incidentMappingDocument } from './incident-mapping.document';

/**
 * The yearly "Kortlægning af cyberhændelser" PDF for KommuneCERT, drawn by the survey reports'
 * renderer from the stored incident statistics. Rendered on request: the figures are live (every
 * incident change makes a new statistics version), and the PDF takes well under a second or two.
 */
@Injectable()
export class IncidentMappingService {
  constructor(
    private readonly statistics: IncidentStatisticsExportService,
    private readonly clock: Clock,
  ) {}

  async pdf(principal: Principal, year: number | undefined, address?: string): Promise<FileToSend> {
    const now = this.clock.now();
    const figures = await this.statistics.yearFigures(principal, year ?? copenhagenYear(now), address);
    return {
      content: await renderDocumentPdf(incidentMappingDocument({ figures, generatedAt: now }), now),
      contentType: 'application/pdf',
      filename: `kortlaegning-af-cyberhaendelser-${figures.year}.pdf`,
      disposition: 'attachment',
    };
  }
}
