import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Logger, OnModuleInit } from '@nestjs/common';
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
export abstract class TypedJobProcessor<Q extends QueueName>
  extends WorkerHost
  implements OnModuleInit, BeforeApplicationShutdown
{
  protected abstract readonly queueName: Q;
  protected abstract readonly handlers: JobHandlers<Q>;

  onModuleInit(): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter(
      (name) => JOB_QUEUE[name] === this.queueName && !(name in this.handlers),
    );
    if (missing.length > 0)
      throw new Error(`No handler for job(s) ${missing.join(', ')} on ${this.queueName}`);
  }

  /**
   * Drains the worker before any module's shutdown: @nestjs/bullmq closes workers in the same
   * phase in which TypeORM ends its pool, and a job still running then would wait on the closed
   * pool forever and hold the process open.
   */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** The worker reconnects by itself; this records that the backend was away, as the queues do. */
  @OnWorkerEvent('error')
  onWorkerError(error: Error): void {
    Logger.warn(`Worker ${this.queueName}: ${error.message}`, 'TypedJobProcessor');
  }

  async process(job: Job): Promise<unknown> {
    const handler = (this.handlers as Record<string, (data: unknown) => Promise<unknown>>)[job.name];
    if (!handler) throw new Error(`Unknown job ${job.name} on ${this.queueName}`);
    return handler(job.data);
  }
}
