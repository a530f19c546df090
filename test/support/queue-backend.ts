import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';

/**
 * The queue tests boot the real worker module. The config lib validates the environment when it
 * is first imported, so each test file sets REDIS_URL first and loads the modules afterwards.
 */
export async function startWorker(): Promise<INestApplicationContext> {
  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  return app;
}

export async function waitForJob(queue: Queue, id: string, timeoutMs = 20_000): Promise<Job> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const job = await queue.getJob(id);
    if (job && (job.finishedOn || job.failedReason)) return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish in ${timeoutMs} ms`);
}
