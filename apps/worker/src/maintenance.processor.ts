import { Processor } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { JobHandlers, QUEUES, TypedJobProcessor } from '@app/queue';
import { SurveyRemindersService } from '@app/responses';
import { StatisticsJobsService } from '@app/statistics';

/** Small recurring chores: audit verification and signed head, reminders, statistics reconciliation. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends TypedJobProcessor<'maintenance'> {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  protected readonly queueName = QUEUES.maintenance;
  protected readonly handlers: JobHandlers<'maintenance'>;

  constructor(audit: AuditService, reminders: SurveyRemindersService, statistics: StatisticsJobsService) {
    super();
    this.handlers = {
      'audit.verify': async () => {
        const { verification, head } = await audit.sealVerifyAndPublish();
        this.logger.log(
          { result: verification, head },
          verification.ok ? 'Audit chain intact; signed head written' : 'Audit chain BROKEN; no head written',
        );
        return { ...verification, head };
      },
      'reminders.send-due': () => reminders.sendDue(),
      'statistics.reconcile': () => statistics.reconcile(),
    };
  }
}
