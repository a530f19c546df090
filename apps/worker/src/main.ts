import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppConfigService } from '@app/config';
import { WorkerModule } from './worker.module';

/**
 * No HTTP server: the BullMQ workers run until SIGTERM/SIGINT, when Nest closes them and BullMQ
 * waits for active jobs to finish. A job that does not finish within the grace period is cut
 * off: the process exits, and BullMQ retries the job once its lock expires, so it is not lost.
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  app.enableShutdownHooks();
  const graceMs = app.get(AppConfigService).workerShutdownGraceSeconds * 1000;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        logger.warn(
          `Active jobs did not finish within ${graceMs} ms of ${signal}; exiting, they will be retried`,
        );
        process.exit(1);
      }, graceMs).unref();
    });
  }
  await app.init();
  logger.log('Worker started');
}

void bootstrap();
