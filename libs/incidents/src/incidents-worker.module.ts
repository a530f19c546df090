import { Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { JobHandler, JobPayloads, JobQueueService } from '@app/queue';
import { IncidentsModule } from './incidents.module';
import { IncidentRemindersService } from './reminders/incident-reminders.service';

@Injectable()
export class IncidentsJobs implements OnApplicationBootstrap {
  constructor(
    private readonly reminders: IncidentRemindersService,
    private readonly jobs: JobQueueService,
  ) {}

  /**
   * Once at start, as the statistics do: plans every open obligation's reminders, so a change whose
   * planning was lost, or a reminder that fell due while no worker ran, is caught up.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.jobs.enqueue('incidents.plan-reminders', {});
  }

  /** Also every quarter of an hour, for a change whose planning job was never enqueued (queue away). */
  @JobHandler('incidents.plan-reminders', {
    schedule: { id: 'incident-reminders-reconcile', cron: '*/15 * * * *', data: {} },
  })
  plan({ incidentId }: JobPayloads['incidents.plan-reminders']) {
    return this.reminders.plan(incidentId);
  }

  @JobHandler('incidents.remind')
  remind(data: JobPayloads['incidents.remind']) {
    return this.reminders.remind(data);
  }
}

/** The incident work of the worker: the reminders of the regulatory clocks. */
@Module({
  imports: [IncidentsModule, NotificationsModule],
  providers: [IncidentsJobs, IncidentRemindersService],
})
export class IncidentsWorkerModule {}
