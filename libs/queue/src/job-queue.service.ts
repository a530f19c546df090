import { getQueueToken } from '@nestjs/bullmq';
import { Logger, Provider } from '@nestjs/common';
import type { Job, JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QUEUES } from './jobs';

const QUEUE_NAMES = Object.values(QUEUES);

/** The one way to enqueue work: typed payloads, and the queue chosen from the job name. */
export class JobQueueService {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly queues: Record<string, Queue>;

  /** Every queue of the registry, as BullModule registered them (see QueueModule). */
  static readonly provider: Provider = {
    provide: JobQueueService,
    inject: QUEUE_NAMES.map((name) => getQueueToken(name)),
    useFactory: (...queues: Queue[]) => new JobQueueService(queues),
  };

  constructor(queues: Queue[]) {
    this.queues = Object.fromEntries(queues.map((queue) => [queue.name, queue]));
    // A lost backend connection is reported here and retried by BullMQ; without a listener BullMQ
    // prints the whole driver client to stderr. The message names no server or credentials.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (e) => this.logger.warn(`Queue ${queue.name}: ${e.message}`));
    }
  }

  queueFor(name: JobName): Queue {
    return this.queues[JOB_QUEUE[name]];
  }

  /** With `jobId`, a request for work already queued joins the existing job instead of adding one. */
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], opts: JobsOptions = {}): Promise<Job> {
    return this.queueFor(name).add(name, data, opts);
  }

  async upsertSchedule<N extends JobName>(
    schedulerId: string,
    pattern: string,
    name: N,
    data: JobPayloads[N],
  ) {
    await this.queueFor(name).upsertJobScheduler(schedulerId, { pattern }, { name, data });
  }

  /** Cheap round trip to the queue backend, for health checks. */
  async ping(): Promise<Record<string, number>> {
    return this.queues[QUEUES.maintenance].getJobCounts('waiting', 'active', 'delayed', 'failed');
  }
}
