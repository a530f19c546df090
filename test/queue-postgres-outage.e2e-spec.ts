import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { toErrorBody } from '@app/http';
import { JobQueueService } from '@app/queue';
import { createTestApp, TestApp } from './support/test-app';
import { startWorker, waitForJob } from './support/queue-backend';
import { TcpProxy } from './support/tcp-proxy';
import { testAppDatabaseUrl } from './support/test-database';

/** Short limits, so that a hang shows within a test's time. */
const LIMITS = { poolMax: 3, connectTimeoutMs: 1_000, statementTimeoutMs: 2_000 };

/** Far below what a hang would take, and above the limits plus a busy machine. */
const FAIL_FAST_MS = 5_000;

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > until) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * No REDIS_URL (setup-env removes it): jobs run on BullMQ's PostgreSQL backend, so the API's and
 * the worker's queue connections go through the relay as well as their TypeORM pools. Both run in
 * this process: an unhandled 'error' event, which would end a real API or worker, fails the test.
 */
describe('Jobs on PostgreSQL while the database goes away and comes back (e2e)', () => {
  let proxy: TcpProxy;
  let api: TestApp;
  let worker: INestApplicationContext;
  let jobs: JobQueueService;
  /** BullMQ prints an 'error' event nobody listens to, driver client and all, to stderr. */
  let printed: jest.SpyInstance;

  const runAuditJob = async (via = jobs) => {
    const id = `outage-${randomUUID()}`;
    await via.enqueue('audit.verify', { trigger: 'manual' }, { jobId: id });
    // The worker waits its runRetryDelay (15 s) between attempts while the database is away.
    return waitForJob(via.queueFor('audit.verify'), id, 40_000);
  };

  beforeAll(async () => {
    printed = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    // As the app's role, as every app in the tests: a superuser would create BullMQ's schema as its own.
    const target = new URL(testAppDatabaseUrl());
    proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
    target.port = String(proxy.port);
    const options = { databaseUrl: target.toString(), databaseLimits: LIMITS };
    api = await createTestApp(options);
    worker = await startWorker(options);
    jobs = api.app.get(JobQueueService);
  });
  afterAll(async () => {
    // A test that failed during the cut must not leave the apps' connections waiting on it: closing
    // a worker whose database is still away waits for its retries.
    proxy?.restore();
    await worker?.close();
    await api?.close();
    await proxy?.stop();
    printed.mockRestore();
  });

  it('stays up, reports the database down while cut, and runs jobs again after', async () => {
    // The worker is connected and listening before the cut; the API has not used its queues yet,
    // so their first connect meets the database away.
    expect((await runAuditJob(worker.get(JobQueueService))).returnvalue).toMatchObject({ ok: true });

    proxy.cut();
    const down = await eventually(
      () => request(api.http).get('/health'),
      (r) => r.status === 503,
    );
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ database: { status: 'down' }, queue: { status: 'down' } });

    // Enqueueing fails fast, with an error that API routes answer 503.
    const started = Date.now();
    const failure = await jobs.enqueue('audit.verify', { trigger: 'manual' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
    expect(toErrorBody(failure).statusCode).toBe(503);
    // Long enough for the worker's loop and LISTEN connection to meet the cut and retry.
    await new Promise((r) => setTimeout(r, 3_000));

    proxy.restore();
    const up = await eventually(
      () => request(api.http).get('/health'),
      (r) => r.status === 200,
    );
    expect(up.status).toBe(200);
    const job = await runAuditJob();
    expect(job.failedReason).toBeUndefined();
    expect(job.returnvalue).toMatchObject({ ok: true });
    expect(printed).not.toHaveBeenCalled();
  });
});
