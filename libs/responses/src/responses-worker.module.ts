import { Injectable, Module } from '@nestjs/common';
import { JobHandler } from '@app/queue';
import { ResponsesModule } from './responses.module';
import { SurveyRemindersService } from './survey-reminders.service';

@Injectable()
export class ResponsesJobs {
  constructor(private readonly reminders: SurveyRemindersService) {}

  @JobHandler('reminders.send-due', {
    schedule: {
      id: 'reminders-scan',
      cron: (config) => config.reminders.scanCron,
      data: { trigger: 'schedule' },
    },
  })
  sendDueReminders() {
    return this.reminders.sendDue();
  }

  @JobHandler('reminders.send-now')
  sendRemindersNow({ editionId, day }: { editionId: string; day: string }) {
    return this.reminders.sendNow(editionId, day);
  }
}

/** The responses work of the worker: the survey reminders. */
@Module({ imports: [ResponsesModule], providers: [ResponsesJobs] })
export class ResponsesWorkerModule {}
