import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { IncidentClockEvents } from './incident-clock-events';
import { IncidentsController } from './incidents.controller';
import { IncidentsRepository } from './incidents.repository';
import { IncidentsService } from './incidents.service';
import { OpenIncidentsRepository } from './overview/open-incidents.repository';
import { OpenIncidentsService } from './overview/open-incidents.service';
import { IncidentReminderTrigger } from './reminders/incident-reminder-trigger';

/** The KommuneCERT incident log: intake, workflow, timeline and regulatory clocks. */
@Module({
  imports: [AccessModule],
  controllers: [IncidentsController],
  providers: [
    IncidentsRepository,
    IncidentsService,
    IncidentClockEvents,
    IncidentReminderTrigger,
    OpenIncidentsRepository,
    OpenIncidentsService,
  ],
  exports: [IncidentsService, IncidentClockEvents, OpenIncidentsService],
})
export class IncidentsModule {}
