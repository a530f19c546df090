import { Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AccessPolicy, actorOf, Permission, Principal } from '@app/auth';
import { StatisticsService } from '@app/statistics';
import { Edition, EditionsService } from '@app/surveys';
import { ReportRendererService } from './report-renderer.service';
import { CONTENT_TYPES, ReportFormat } from './report-formats';
import { ReportKey, ReportKind, ReportsRepository, StoredReport } from './reports.repository';

export interface ReportDownload {
  content: Buffer;
  contentType: string;
  etag: string;
  filename: string;
  statisticsVersion: number;
  /** True while a recompute is due: the figures may change shortly. */
  statisticsStale: boolean;
  notModified: boolean;
}

/**
 * Serves stored reports. A municipality's report goes only to that municipality's officers. A copy
 * rendered from older statistics than the current ones is never served: it is rendered again first.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    private readonly renderer: ReportRendererService,
    private readonly editions: EditionsService,
    private readonly statistics: StatisticsService,
    private readonly audit: AuditService,
    private readonly access: AccessPolicy,
  ) {}

  private async publishedEdition(editionId: string, principal: Principal): Promise<Edition> {
    const edition = await this.editions.get(editionId, principal);
    this.access.requireAccess(principal, Permission.ReportRead, { edition });
    return edition;
  }

  /** The editions whose reports the caller may get: the policy's `ReportRead`. */
  async editionsWithReports(principal: Principal): Promise<Edition[]> {
    return (await this.editions.list(principal)).filter((edition) =>
      this.access.canAccess(principal, Permission.ReportRead, { edition }),
    );
  }

  async download(
    editionId: string,
    kind: ReportKind,
    municipalityCode: number,
    format: ReportFormat,
    principal: Principal,
    ifNoneMatch?: string,
    address?: string,
  ): Promise<ReportDownload> {
    if (kind === 'municipality')
      this.access.requireAccess(principal, Permission.MunicipalityReportRead, { municipalityCode });
    const edition = await this.publishedEdition(editionId, principal);
    const state = await this.statistics.state(editionId);
    if (!state || state.version === 0)
      throw new NotFoundException(`The statistics of ${edition.year} are not computed yet`);
    const key: ReportKey = { editionId, kind, municipalityCode: kind === 'national' ? 0 : municipalityCode };
    let stored = await this.reports.find(key, format);
    if (!stored || stored.statisticsVersion < state.version) {
      await this.renderer.renderAll(edition, key, state.version);
      stored = (await this.reports.find(key, format)) as StoredReport;
    }
    const etag = `"${stored.contentHash}"`;
    const notModified = ifNoneMatch === etag;
    if (!notModified) {
      await this.reports.countDownload(key, format, principal.kind === 'user' ? principal.id : null);
      await this.audit.record(actorOf(principal, address), {
        action: 'report.downloaded',
        targetType: 'edition',
        targetId: editionId,
        details: { kind, municipalityCode: key.municipalityCode, format, year: edition.year },
      });
    }
    const slug = kind === 'national' ? 'landsrapport' : `kommune-${municipalityCode}`;
    return {
      content: stored.content,
      contentType: CONTENT_TYPES[format],
      etag,
      filename: `baseline-${edition.year}-${slug}.${format}`,
      statisticsVersion: stored.statisticsVersion,
      statisticsStale: state.staleSince !== null,
      notModified,
    };
  }

  /** For KL: platform activity and report downloads. Counts only. */
  async usage() {
    const [activity, downloads] = await Promise.all([
      this.reports.activeMunicipalitiesPerMonth(),
      this.reports.downloads(),
    ]);
    return { activeMunicipalitiesPerMonth: activity, downloads };
  }
}
