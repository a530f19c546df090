import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { StatisticsJobsService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';
import { startWorker } from './support/queue-backend';
import { waitFor } from './support/wait-for';

describe('Statistics jobs on the worker (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  const answers = { 101: { 'a.one': 3, 'a.two': 3, 'b.new': 3, 'n.attacks': 1 } };

  beforeAll(async () => {
    t = await createTestApp();
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });
  beforeEach(() => resetData(t.db));

  const state = async (editionId: string) =>
    (
      await t.db.query('SELECT version, stale_since FROM statistics_state WHERE edition_id = $1', [editionId])
    )[0] as { version: number; stale_since: Date | null } | undefined;

  it('computes once for a burst of requests for the same edition', async () => {
    const id = await createMiniEdition(
      t.db,
      t.app.get(EditionsService),
      2040,
      miniQuestionnaire({ key: 'b.new' }),
      answers,
    );
    const edition = (await t.app.get(EditionsService).find(id))!;
    const jobs = t.app.get(StatisticsJobsService);
    const results = await Promise.all([jobs.request(edition), jobs.request(edition), jobs.request(edition)]);
    expect(new Set(results.map((r) => r.jobId)).size).toBe(1);
    await waitFor(
      () => state(id),
      (s) => s?.version === 1 && s.stale_since === null,
    );
    await new Promise((r) => setTimeout(r, 1500));
    expect((await state(id))?.version).toBe(1);
  });

  it('recomputes when KL closes an edition', async () => {
    const kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    const edition = await createEdition(t.http, kl, 2041);
    await openEdition(t.http, kl, edition.id);
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/close`)
      .auth(kl, { type: 'bearer' })
      .send({ reason: 'Closed early in the test' })
      .expect(200);
    const done = await waitFor(
      () => state(edition.id),
      (s) => s?.version === 1 && s.stale_since === null,
    );
    expect(done?.version).toBe(1);
  });

  it('reconciliation recomputes what a lost job left stale', async () => {
    const id = await createMiniEdition(
      t.db,
      t.app.get(EditionsService),
      2042,
      miniQuestionnaire({ key: 'b.new' }),
      answers,
    );
    // Marked stale, but the job that should follow was never queued (as if lost with its Redis).
    await t.db.query(`INSERT INTO statistics_state (edition_id, stale_since) VALUES ($1, now())`, [id]);
    expect(await t.app.get(StatisticsJobsService).reconcile()).toContain(id);
    await waitFor(
      () => state(id),
      (s) => s?.version === 1 && s.stale_since === null,
    );
  });
});
