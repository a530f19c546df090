import type { INestApplicationContext } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { TestAppOptions } from './test-app';

/**
 * The queue tests boot the real worker module. The config lib validates the environment when it
 * is first imported, so each test file sets REDIS_URL first and loads the modules afterwards.
 * Options give the worker its own settings, as createTestApp gives an API instance.
 */
export async function startWorker(options?: TestAppOptions): Promise<INestApplicationContext> {
  const { WorkerModule } = await import('../../apps/worker/src/worker.module');
  const { compileWithOptions } = await import('./test-app');
  const app = await compileWithOptions(WorkerModule, options);
  app.useLogger(false);
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
