import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, TypedJobProcessor } from '@app/queue';
import { ReportJobsService } from '@app/reports';

/** Renders reports after their statistics change; two at a time, as PDF and charts use the CPU. */
@Processor(QUEUES.reports, { concurrency: 2 })
export class ReportsProcessor extends TypedJobProcessor<'reports'> {
  protected readonly queueName = QUEUES.reports;
  protected readonly handlers: JobHandlers<'reports'>;

  constructor(reports: ReportJobsService) {
    super();
    this.handlers = {
      'reports.render-edition': ({ editionId, statisticsVersion }) =>
        reports.enqueueEdition(editionId, statisticsVersion),
      'reports.render': ({ editionId, kind, municipalityCode, statisticsVersion }) =>
        reports.render(editionId, kind, municipalityCode, statisticsVersion),
    };
  }
}
