import { Processor } from '@nestjs/bullmq';
import { JobHandlers, QUEUES, TypedJobProcessor } from '@app/queue';
import { StatisticsRecomputeService } from '@app/statistics';

/** Benchmark recomputes; one at a time per worker, since each is a heavy SQL transaction. */
@Processor(QUEUES.statistics, { concurrency: 1 })
export class StatisticsProcessor extends TypedJobProcessor<'statistics'> {
  protected readonly queueName = QUEUES.statistics;
  protected readonly handlers: JobHandlers<'statistics'>;

  constructor(recompute: StatisticsRecomputeService) {
    super();
    this.handlers = { 'statistics.recompute': ({ editionId }) => recompute.run(editionId) };
  }
}
