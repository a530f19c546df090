import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler.registry';
import { JobSchedulesService } from './job-schedules.service';
import { QUEUES } from './jobs';
import { processorFor } from './queue-processor';

/**
 * Runs the jobs: one worker per queue of the registry, dispatching to the `@JobHandler`s of the
 * imported domain modules, and the schedules those declare. Only the worker imports this; the API
 * has the queues (QueueModule) to enqueue on, and no processor.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry, JobSchedulesService, ...Object.values(QUEUES).map(processorFor)],
})
export class QueueWorkersModule {}
