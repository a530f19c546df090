import { Injectable, OnModuleInit } from '@nestjs/common';
import { JobQueueService } from '@app/queue';
import { IncidentClockEvents } from '../incident-clock-events';

/**
 * The API's side of the reminders: after a change that can move an incident's clocks, it asks the
 * worker to plan that incident's reminders again. It only enqueues; the worker reads the database.
 */
@Injectable()
export class IncidentReminderTrigger implements OnModuleInit {
  constructor(
    private readonly events: IncidentClockEvents,
    private readonly jobs: JobQueueService,
  ) {}

  onModuleInit(): void {
    this.events.subscribe({
      changed: async (incidentId) => {
        await this.jobs.enqueue('incidents.plan-reminders', { incidentId });
      },
    });
  }
}
