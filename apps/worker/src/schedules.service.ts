import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { JobQueueService, SCHEDULES } from '@app/queue';

/** Registers recurring jobs; upserting by a fixed id makes every worker start idempotent. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  constructor(
    private readonly jobs: JobQueueService,
    private readonly config: AppConfigService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.upsertSchedule(SCHEDULES.auditVerifyDaily, this.config.auditVerifyCron, 'audit.verify', {
      trigger: 'schedule',
    });
    await this.jobs.upsertSchedule(
      SCHEDULES.remindersScan,
      this.config.reminders.scanCron,
      'reminders.send-due',
      {
        trigger: 'schedule',
      },
    );
  }
}
