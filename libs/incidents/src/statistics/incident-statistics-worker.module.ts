import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { JobHandler } from '@app/queue';
import { IncidentStatisticsJobsService } from './incident-statistics-jobs.service';
import { IncidentStatisticsModule } from './incident-statistics.module';

@Injectable()
export class IncidentStatisticsJobs implements OnApplicationBootstrap {
  constructor(private readonly statistics: IncidentStatisticsJobsService) {}

  /** Once at start, so incidents logged while no worker ran (e.g. fresh demo data) are counted at once. */
  async onApplicationBootstrap(): Promise<void> {
    await this.statistics.reconcile();
  }

  @JobHandler('incident-statistics.recompute')
  run() {
    return this.statistics.run();
  }

  @JobHandler('incident-statistics.reconcile', {
    schedule: { id: 'incident-statistics-reconcile', cron: '* * * * *', data: { trigger: 'schedule' } },
  })
  reconcile() {
    return this.statistics.reconcile();
  }
}

/** The incident statistics work of the worker: the recompute and its reconciliation. */
@Module({ imports: [IncidentStatisticsModule], providers: [IncidentStatisticsJobs] })
export class IncidentStatisticsWorkerModule {}
