import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { JOB_HANDLER_METADATA, JobHandlerMetadata, JobSchedule } from './job-handler.decorator';
import { JOB_QUEUE, JobName, QueueName } from './jobs';

interface RegisteredHandler {
  handle: (data: unknown) => Promise<unknown>;
  schedule?: JobSchedule;
  /** `Class.method`, for messages. */
  owner: string;
}

/** Every `@JobHandler` method of the providers this process has, found once at start. */
@Injectable()
export class JobHandlerRegistry {
  private table?: Map<JobName, RegisteredHandler>;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  /** Refuses to start a queue's worker when a job routed to the queue has no handler. */
  assertComplete(queue: QueueName): void {
    const missing = (Object.keys(JOB_QUEUE) as JobName[]).filter(
      (name) => JOB_QUEUE[name] === queue && !this.handlers().has(name),
    );
    if (missing.length > 0) throw new Error(`No handler for job(s) ${missing.join(', ')} on ${queue}`);
  }

  handlerFor(name: string): RegisteredHandler['handle'] | undefined {
    return this.handlers().get(name as JobName)?.handle;
  }

  schedules(): { name: JobName; schedule: JobSchedule }[] {
    return [...this.handlers()].flatMap(([name, { schedule }]) => (schedule ? [{ name, schedule }] : []));
  }

  private handlers(): Map<JobName, RegisteredHandler> {
    this.table ??= this.discover();
    return this.table;
  }

  private discover(): Map<JobName, RegisteredHandler> {
    const table = new Map<JobName, RegisteredHandler>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const key of this.scanner.getAllMethodNames(prototype)) {
        const method = instance[key];
        if (typeof method !== 'function') continue;
        const metadata = Reflect.getMetadata(JOB_HANDLER_METADATA, method) as JobHandlerMetadata | undefined;
        if (!metadata) continue;
        const owner = `${instance.constructor.name}.${key}`;
        const existing = table.get(metadata.name);
        if (existing)
          throw new Error(`Job ${metadata.name} has two handlers: ${existing.owner} and ${owner}`);
        table.set(metadata.name, {
          handle: (data) => (method as (data: unknown) => Promise<unknown>).call(instance, data),
          schedule: metadata.schedule,
          owner,
        });
      }
    }
    return table;
  }
}
