import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobQueueService } from './job-queue.service';

/** Registers the recurring jobs that handlers declare; upserting by a fixed id is idempotent. */
@Injectable()
export class JobSchedulesService implements OnApplicationBootstrap {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const { name, schedule } of this.registry.schedules()) {
      const pattern = typeof schedule.cron === 'string' ? schedule.cron : schedule.cron(this.config);
      await this.jobs.upsertSchedule(schedule.id, pattern, name, schedule.data);
    }
  }
}
