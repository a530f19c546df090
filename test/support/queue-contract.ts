import { randomUUID } from 'node:crypto';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { INestApplicationContext } from '@nestjs/common';
import type { JobQueueService } from '@app/queue';
import { startWorker, waitForJob } from './queue-backend';
import { TEST_REDIS_URL, testDatabaseUrl } from './test-database';

/** Where the job is really stored, read straight from the backend rather than through BullMQ. */
export async function storedIn(backend: 'redis' | 'postgres', id: string): Promise<boolean> {
  if (backend === 'redis') {
    const redis = new IORedis(TEST_REDIS_URL);
    try {
      return (await redis.exists(`bull:maintenance:${id}`)) === 1;
    } finally {
      redis.disconnect();
    }
  }
  const pg = new Client({ connectionString: testDatabaseUrl() });
  await pg.connect();
  try {
    // BullMQ creates its schema on first use: before any PostgreSQL-backed queue ran, nothing is stored.
    if ((await pg.query(`SELECT to_regclass('bullmq.job') AS t`)).rows[0].t === null) return false;
    return (
      (await pg.query('SELECT 1 FROM bullmq.job WHERE queue = $1 AND id = $2', ['maintenance', id]))
        .rowCount === 1
    );
  } finally {
    await pg.end();
  }
}

/** One job of each queue, to reach the queue through JobQueueService. */
const QUEUE_JOB = {
  maintenance: 'audit.verify',
  statistics: 'statistics.recompute',
  reports: 'reports.render',
} as const;

/** The same behaviour is required of both queue backends. */
export function queueBackendContract(backend: 'redis' | 'postgres'): void {
  describe(`Jobs on the ${backend} backend (e2e)`, () => {
    let worker: INestApplicationContext;
    let jobs: JobQueueService;

    beforeAll(async () => {
      worker = await startWorker();
      const { JobQueueService } = await import('@app/queue');
      jobs = worker.get(JobQueueService);
    });
    afterAll(() => worker?.close());

    it('runs the audit verification job on the worker', async () => {
      const id = `audit-verify-${randomUUID()}`;
      await jobs.enqueue('audit.verify', { trigger: 'manual' }, { jobId: id });
      const job = await waitForJob(jobs.queueFor('audit.verify'), id);
      expect(job.failedReason).toBeUndefined();
      expect(job.returnvalue).toMatchObject({ ok: true, firstBreak: null });
      expect(await storedIn(backend, id)).toBe(true);
      expect(await storedIn(backend === 'redis' ? 'postgres' : 'redis', id)).toBe(false);
    });

    it('joins a repeated request with the same job id instead of adding work', async () => {
      const id = `dedupe-${randomUUID()}`;
      const a = await jobs.enqueue('audit.verify', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
      const b = await jobs.enqueue('audit.verify', { trigger: 'manual' }, { jobId: id, delay: 60_000 });
      expect(b.id).toBe(a.id);
      const delayed = await jobs.queueFor('audit.verify').getDelayed();
      expect(delayed.filter((j) => j.id === id)).toHaveLength(1);
      await (await jobs.queueFor('audit.verify').getJob(id))?.remove();
    });

    it('runs jobs on the worker only: the API enqueues but starts no worker', async () => {
      const { QUEUES } = await import('@app/queue');
      const { createTestApp } = await import('./test-app');
      const counts = () =>
        Promise.all(Object.values(QUEUES).map((name) => jobs.queueFor(QUEUE_JOB[name]).getWorkersCount()));
      const before = await counts();
      expect(before.every((n) => n >= 1)).toBe(true);
      const api = await createTestApp();
      try {
        expect(await counts()).toEqual(before);
      } finally {
        await api.close();
      }
    });

    it('schedules the daily audit verification once, however many workers start', async () => {
      const second = await startWorker();
      await second.close();
      const queue = jobs.queueFor('audit.verify');
      const scheduler = await queue.getJobScheduler('audit-verify-daily');
      expect(scheduler).toMatchObject({ key: 'audit-verify-daily', pattern: '0 3 * * *' });
      expect((await queue.getJobSchedulers()).filter((s) => s.key === 'audit-verify-daily')).toHaveLength(1);
      expect((await queue.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
        'advisories-sweep',
        'audit-verify-daily',
        'incident-reminders-reconcile',
        'incident-statistics-reconcile',
        'reminders-scan',
        'statistics-reconcile',
      ]);
    });
  });
}
