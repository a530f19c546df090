import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/**
 * No HTTP server: the BullMQ workers run until SIGTERM/SIGINT, when Nest closes them and BullMQ
 * waits for active jobs to finish (a job cut off harder is retried from its lock's expiry).
 */
async function bootstrap(): Promise<void> {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  app.get(Logger).log('Worker started');
}

void bootstrap();
