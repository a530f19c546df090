import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { StatisticsJobsService, StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';
import { testDatabaseUrl } from './support/test-database';
import { waitFor } from './support/wait-for';

const WORKER = resolve(__dirname, '..', 'dist', 'apps', 'worker', 'src', 'main.js');

/** The compiled worker as its own process, so it can be killed like a crashed machine. */
function startWorkerProcess(): ChildProcess {
  return spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: process.env.DATABASE_URL,
      JWT_SECRET: process.env.JWT_SECRET,
      AUDIT_KEY: process.env.AUDIT_KEY,
      AUDIT_HEAD_FILE: process.env.AUDIT_HEAD_FILE,
      MIGRATIONS_RUN: 'false',
      LOG_LEVEL: process.env.DEBUG_WORKER ? 'info' : 'silent',
      NODE_ENV: 'test',
    },
    stdio: process.env.DEBUG_WORKER ? 'inherit' : 'ignore',
  });
}

describe('A worker killed in the middle of a recompute (e2e)', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error('Run `npm run build` first (npm run test:e2e does).');
    t = await createTestApp();
    await resetData(t.db);
  });
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await t.close();
  });

  it('leaves the previous figures intact, and the retried job completes', async () => {
    const editions = t.app.get(EditionsService);
    const answers = {
      101: { 'a.one': 3, 'a.two': 3, 'b.new': 3, 'n.attacks': 1 },
      147: { 'a.one': 5, 'a.two': 1, 'b.new': 2, 'n.attacks': 2 },
    };
    const id = await createMiniEdition(t.db, editions, 2050, miniQuestionnaire({ key: 'b.new' }), answers);
    await t.app.get(StatisticsRecomputeService).run(id);
    const figures = async () =>
      (await t.db.query(
        `SELECT subject_key, n, mean FROM edition_statistics WHERE edition_id = $1 ORDER BY 1, 2, 3`,
        [id],
      )) as unknown[];
    const before = await figures();
    const version = async () =>
      Number(
        (await t.db.query('SELECT version FROM statistics_state WHERE edition_id = $1', [id]))[0].version,
      );
    expect(await version()).toBe(1);

    // Queued before any worker runs; then hold the edition's statistics row so the worker's
    // recompute stops half-way, inside its transaction.
    const { jobId } = await t.app.get(StatisticsJobsService).request((await editions.find(id))!);
    const blocker = new Client({ connectionString: testDatabaseUrl() });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT 1 FROM statistics_state WHERE edition_id = $1 FOR UPDATE', [id]);

    const first = startWorkerProcess();
    workers.push(first);
    const waitingOnLock = await waitFor(
      async () =>
        Number(
          (
            await t.db.query(
              `SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%statistics_state%FOR UPDATE%' AND pid <> $1`,
              [(blocker as unknown as { processID: number }).processID],
            )
          )[0].count,
        ),
      (n) => n > 0,
      30_000,
    );
    expect(waitingOnLock).toBeGreaterThan(0);

    if (process.env.DEBUG_WORKER) process.stderr.write('worker is waiting on the lock; killing it\n');
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await blocker.query('ROLLBACK');
    await blocker.end();

    // The killed transaction rolled back: the earlier figures are all still there.
    expect(await version()).toBe(1);
    expect(await figures()).toEqual(before);

    // A new worker finds the job stalled (its lock expired with the dead worker) and runs it again.
    if (process.env.DEBUG_WORKER) process.stderr.write('figures intact; starting a second worker\n');
    const second = startWorkerProcess();
    workers.push(second);
    await waitFor(version, (v) => v === 2, 100_000);
    expect(await figures()).toEqual(before);
    expect(jobId).toMatch(/^statistics-recompute-/);
  }, 150_000);
});
