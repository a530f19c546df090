import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger, OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AuditService } from '@app/audit';
import { JOB_QUEUE, JobName, JobPayloads, QUEUES } from '@app/queue';
import { SurveyRemindersService } from '@app/responses';

type Handlers = {
  [N in JobName as (typeof JOB_QUEUE)[N] extends 'maintenance' ? N : never]: (
    data: JobPayloads[N],
  ) => Promise<unknown>;
};

/** Consumes the maintenance queue: validates the job name and hands the payload to one service. */
@Processor(QUEUES.maintenance)
export class MaintenanceProcessor extends WorkerHost implements OnModuleInit {
  private readonly logger = new Logger(MaintenanceProcessor.name);
  private readonly handlers: Handlers;

  constructor(audit: AuditService, reminders: SurveyRemindersService) {
    super();
    this.handlers = {
      'audit.verify': async () => {
        const result = await audit.verifyChain();
        this.logger.log({ result }, result.ok ? 'Audit chain intact' : 'Audit chain BROKEN');
        return result;
      },
      'reminders.send-due': () => reminders.sendDue(),
    };
  }

  /** Refuse to start when a job routed to this queue has no handler. */
  onModuleInit(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter(
      (name) => JOB_QUEUE[name] === QUEUES.maintenance && !(name in this.handlers),
    );
    if (missing.length > 0)
      throw new Error(`No handler for job(s) ${missing.join(', ')} on ${QUEUES.maintenance}`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as keyof Handlers];
    if (!handler) throw new Error(`Unknown job ${job.name} on ${QUEUES.maintenance}`);
    return handler(job.data);
  }
}
