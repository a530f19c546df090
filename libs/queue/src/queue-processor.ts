import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit, Type } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobHandlerRegistry } from './job-handler.registry';
import { JOB_QUEUE, JobName, QUEUE_CONCURRENCY, QueueName } from './jobs';

/**
 * The worker of one queue: dispatches each job by name to the `@JobHandler` that a domain lib
 * declared, and refuses to start when a job routed to its queue has no handler.
 */
@Injectable()
export abstract class QueueProcessor extends WorkerHost implements OnModuleInit, BeforeApplicationShutdown {
  protected abstract readonly queueName: QueueName;

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  onModuleInit(): void {
    this.registry.assertComplete(this.queueName);
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
    Logger.warn(`Worker ${this.queueName}: ${error.message}`, 'QueueProcessor');
  }

  async process(job: Job): Promise<unknown> {
    const handler =
      JOB_QUEUE[job.name as JobName] === this.queueName ? this.registry.handlerFor(job.name) : undefined;
    if (!handler) throw new Error(`Unknown job ${job.name} on ${this.queueName}`);
    return handler(job.data);
  }
}

/** The processor class of one queue of the registry, with the queue's concurrency. */
export function processorFor(queue: QueueName): Type<QueueProcessor> {
  @Processor(queue, { concurrency: QUEUE_CONCURRENCY[queue] })
  class RegistryQueueProcessor extends QueueProcessor {
    protected readonly queueName = queue;
  }
  Object.defineProperty(RegistryQueueProcessor, 'name', { value: `QueueProcessor(${queue})` });
  return RegistryQueueProcessor;
}
