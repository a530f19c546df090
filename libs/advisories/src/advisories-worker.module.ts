import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { JobHandler, JobPayloads, JobQueueService } from '@app/queue';
import { AdvisoryDeliveryService } from './delivery/advisory-delivery.service';

@Injectable()
export class AdvisoriesJobs implements OnApplicationBootstrap {
  constructor(
    private readonly delivery: AdvisoryDeliveryService,
    private readonly jobs: JobQueueService,
  ) {}

  /** Once at start: what was sent or fell due while no worker ran goes out now. */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.enqueue('advisories.sweep', { trigger: 'manual' });
  }

  @JobHandler('advisories.fan-out')
  fanOut({ advisoryId, version }: JobPayloads['advisories.fan-out']) {
    return this.delivery.fanOut(advisoryId, version);
  }

  @JobHandler('advisories.remind')
  remind({ advisoryId, respondBy }: JobPayloads['advisories.remind']) {
    return this.delivery.remindAt(advisoryId, respondBy);
  }

  /** Also every ten minutes, for a fan-out or reminder job that was never enqueued (queue away). */
  @JobHandler('advisories.sweep', {
    schedule: { id: 'advisories-sweep', cron: '*/10 * * * *', data: { trigger: 'schedule' } },
  })
  sweep() {
    return this.delivery.sweep();
  }
}

/** The advisory work of the worker: the fan-out to the officers and the reminders. */
@Module({
  imports: [NotificationsModule],
  providers: [AdvisoriesJobs, AdvisoryDeliveryService],
  exports: [AdvisoryDeliveryService],
})
export class AdvisoriesWorkerModule {}
