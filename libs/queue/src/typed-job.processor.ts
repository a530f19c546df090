import { WorkerHost } from '@nestjs/bullmq';
import { OnModuleInit } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, JobsOf, QueueName } from './jobs';

/** One handler per job name of a queue; the compiler insists on all of them. */
export type JobHandlers<Q extends QueueName> = {
  [N in JobsOf<Q>]: (data: JobPayloads[N]) => Promise<unknown>;
};

/**
 * Base of every processor: dispatches by job name to one handler (processors stay thin), and
 * refuses to start when a job routed to its queue has no handler.
 */
export abstract class TypedJobProcessor<Q extends QueueName> extends WorkerHost implements OnModuleInit {
  protected abstract readonly queueName: Q;
  protected abstract readonly handlers: JobHandlers<Q>;

  onModuleInit(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter(
      (name) => JOB_QUEUE[name] === this.queueName && !(name in this.handlers),
    );
    if (missing.length > 0)
      throw new Error(`No handler for job(s) ${missing.join(', ')} on ${this.queueName}`);
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown) => Promise<unknown>>)[job.name];
    if (!handler) throw new Error(`Unknown job ${job.name} on ${this.queueName}`);
    return handler(job.data);
  }
}
