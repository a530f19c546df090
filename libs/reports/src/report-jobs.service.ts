import { Injectable } from '@nestjs/common';
import { JobQueueService } from '@app/queue';
import { StatisticsService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { ReportRendererService } from './report-renderer.service';
import { ReportKind, ReportsRepository } from './reports.repository';

/** Background rendering: one idempotent job per report and statistics version. */
@Injectable()
export class ReportJobsService {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly reports: ReportsRepository,
    private readonly renderer: ReportRendererService,
    private readonly editions: EditionsService,
    private readonly statistics: StatisticsService,
  ) {}

  async enqueueEdition(editionId: string, statisticsVersion: number): Promise<number> {
    const municipalities = await this.reports.participants(editionId);
    const targets: Array<{ kind: ReportKind; code: number }> = [
      { kind: 'national', code: 0 },
      ...municipalities.map((m) => ({ kind: 'municipality' as const, code: m.code })),
    ];
    for (const t of targets) {
      await this.jobs.enqueue(
        'reports.render',
        { editionId, kind: t.kind, municipalityCode: t.code, statisticsVersion },
        { jobId: `report-${editionId}-${t.kind}-${t.code}-v${statisticsVersion}` },
      );
    }
    return targets.length;
  }

  /** Renders unless a newer statistics version has arrived meanwhile (then its own job does it). */
  async render(editionId: string, kind: ReportKind, municipalityCode: number, statisticsVersion: number) {
    const [edition, state] = await Promise.all([
      this.editions.find(editionId),
      this.statistics.state(editionId),
    ]);
    if (!edition || edition.status !== 'published' || (state && state.version > statisticsVersion))
      return { skipped: true };
    return this.renderer.renderAll(edition, { editionId, kind, municipalityCode }, statisticsVersion);
  }
}
