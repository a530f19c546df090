import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler, JobPayloads, JobQueueService } from '@app/queue';
import { StatisticsJobsService } from './statistics-jobs.service';
import { StatisticsRecomputeService } from './statistics-recompute.service';
import { StatisticsModule } from './statistics.module';

@Injectable()
export class StatisticsJobs implements OnApplicationBootstrap {
  constructor(
    private readonly recompute: StatisticsRecomputeService,
    private readonly statistics: StatisticsJobsService,
    private readonly jobs: JobQueueService,
  ) {}

  /** Once at start, so figures left stale while no worker ran (e.g. fresh demo data) appear at once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.enqueue('statistics.reconcile', { trigger: 'manual' });
  }

  @JobHandler('statistics.recompute')
  run({ editionId }: JobPayloads['statistics.recompute']) {
    return this.recompute.run(editionId);
  }

  @JobHandler('statistics.reconcile', {
    schedule: { id: 'statistics-reconcile', cron: '* * * * *', data: { trigger: 'schedule' } },
  })
  reconcile() {
    return this.statistics.reconcile();
  }
}

/** The statistics work of the worker: recomputes, and the reconciliation of stale editions. */
@Module({ imports: [StatisticsModule], providers: [StatisticsJobs] })
export class StatisticsWorkerModule {}
