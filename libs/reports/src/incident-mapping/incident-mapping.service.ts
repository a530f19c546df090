import { Injectable, Logger } from '@nestjs/common';
import type { Principal } from '@app/auth';
import { Clock } from '@app/config';
import type { FileToSend } from '@app/http';
import { copenhagenYear, IncidentStatisticsExportService } from '@app/incidents';
import { renderDocumentPdf } from '../render/pdf-report.renderer';
import { incidentMappingDocument } from './incident-mapping.document';
import { IncidentMappingRepository } from './incident-mapping.repository';

/**
 * The yearly "Kortlægning af cyberhændelser" PDF for KommuneCERT, drawn by the survey reports'
 * renderer from the stored incident statistics. As the survey reports are: the worker renders it
 * after the statistics change (coalesced, see IncidentStatisticsJobsService) and stores it with the
 * statistics version; a download older than the current version is rendered again first, so an
 * outdated PDF is never served.
 */
@Injectable()
export class IncidentMappingService {
  private readonly logger = new Logger(IncidentMappingService.name);

  constructor(
    private readonly statistics: IncidentStatisticsExportService,
    private readonly repo: IncidentMappingRepository,
    private readonly clock: Clock,
  ) {}

  async pdf(principal: Principal, year: number | undefined, address?: string): Promise<FileToSend> {
    const y = year ?? copenhagenYear(this.clock.now());
    await this.statistics.authorizeMapping(principal, y, address);
    const version = await this.statistics.version();
    const stored = await this.repo.find(y);
    const content =
      stored && stored.statisticsVersion >= version ? stored.content : await this.renderAndStore(y, version);
    return {
      content,
      contentType: 'application/pdf',
      filename: `kortlaegning-af-cyberhaendelser-${y}.pdf`,
      disposition: 'attachment',
    };
  }

  /** The worker's job: renders unless the stored copy already shows the current figures. */
  async render(year: number): Promise<{ skipped: boolean }> {
    const version = await this.statistics.version();
    const stored = await this.repo.find(year);
    if (stored && stored.statisticsVersion >= version) return { skipped: true };
    await this.renderAndStore(year, version);
    return { skipped: false };
  }

  /** The version is read before the figures, so the stored copy is at least that new. */
  private async renderAndStore(year: number, statisticsVersion: number): Promise<Buffer> {
    const started = Date.now();
    const now = this.clock.now();
    const figures = await this.statistics.yearFigures(year);
    const content = await renderDocumentPdf(incidentMappingDocument({ figures, generatedAt: now }), now);
    const renderMs = Date.now() - started;
    await this.repo.store(year, { content, statisticsVersion }, renderMs);
    this.logger.log(`Incident mapping ${year}: statistics version ${statisticsVersion} in ${renderMs} ms`);
    return content;
  }
}
