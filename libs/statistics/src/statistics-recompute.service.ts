import { Injectable, Logger } from '@nestjs/common';
import { Actor, AuditService } from '@app/audit';
import { JobQueueService } from '@app/queue';
import { EditionsService, requireChangeAllowed } from '@app/surveys';
import { StatisticsJobsService } from './statistics-jobs.service';
import { StatisticsRepository } from './statistics.repository';

/** The recompute itself (run by the worker) and KL's on-demand request for one. */
@Injectable()
export class StatisticsRecomputeService {
  private readonly logger = new Logger(StatisticsRecomputeService.name);

  constructor(
    private readonly stats: StatisticsRepository,
    private readonly jobs: StatisticsJobsService,
    private readonly editions: EditionsService,
    private readonly audit: AuditService,
    private readonly queue: JobQueueService,
  ) {}

  async requestByUser(editionId: string, actor: Actor) {
    const edition = await this.editions.require(editionId);
    requireChangeAllowed('computeStatistics', edition.status);
    const result = await this.jobs.request(edition);
    await this.audit.record(actor, {
      action: 'statistics.recompute-requested',
      targetType: 'edition',
      targetId: editionId,
      details: { jobId: result.jobId },
    });
    return result;
  }

  async run(editionId: string) {
    try {
      const result = await this.stats.recompute(editionId);
      // Reports follow the figures; only published editions have reports.
      const edition = await this.editions.find(editionId);
      if (edition?.status === 'published') {
        await this.queue.enqueue(
          'reports.render-edition',
          { editionId, statisticsVersion: result.version },
          { jobId: `reports-render-edition-${editionId}-v${result.version}` },
        );
      }
      this.logger.log(
        `Statistics for edition ${editionId}: version ${result.version}, ${result.participants} participants`,
      );
      return result;
    } catch (e) {
      await this.stats
        .recordError(editionId, e instanceof Error ? e.message : String(e))
        .catch(() => undefined);
      throw e;
    }
  }
}
