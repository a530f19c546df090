import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { JobQueueService } from './job-queue.service';
import { DEFAULT_JOB_OPTIONS, QUEUES } from './jobs';
import { configureQueueBackend } from './queue-connection';

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        connection: configureQueueBackend(config.redisUrl, config.databaseUrl, config.databaseLimits)
          .connection,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    BullModule.registerQueue(...Object.values(QUEUES).map((name) => ({ name }))),
  ],
  providers: [JobQueueService.provider],
  exports: [JobQueueService, BullModule],
})
export class QueueModule {}
