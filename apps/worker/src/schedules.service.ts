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
    const trigger = { trigger: 'schedule' as const };
    await this.jobs.upsertSchedule(
      SCHEDULES.auditVerifyDaily,
      this.config.auditVerifyCron,
      'audit.verify',
      trigger,
    );
    await this.jobs.upsertSchedule(
      SCHEDULES.remindersScan,
      this.config.reminders.scanCron,
      'reminders.send-due',
      trigger,
    );
    await this.jobs.upsertSchedule(
      SCHEDULES.statisticsReconcile,
      '* * * * *',
      'statistics.reconcile',
      trigger,
    );
    // And once now, so figures left stale while no worker ran (e.g. fresh demo data) appear at once.
    await this.jobs.enqueue('statistics.reconcile', { trigger: 'manual' });
  }
}
