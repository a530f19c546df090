import type { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { IncidentStatisticsJobsService } from '@app/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { as, Caller, reportBody, resetIncidents, userCaller } from './support/incidents';
import { startWorker } from './support/queue-backend';
import { waitFor } from './support/wait-for';

/** The recompute follows incident changes on the real worker, and a burst costs a bounded number of them. */
describe('Incident statistics jobs on the worker (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let officer: Caller;
  let cert: Caller;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    officer = await userCaller(t, 'municipality_officer', 151);
    cert = await userCaller(t, 'cert_analyst');
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  const state = async () =>
    (
      await t.db.query(
        `SELECT version, EXISTS (SELECT 1 FROM incident_statistics_changes) AS stale FROM incident_statistics_state`,
      )
    )[0] as { version: number; stale: boolean };
  const ballerup = async () => {
    const res = await as(request(t.http).get('/api/v1/incident-statistics?groupBy=severity'), cert).expect(
      200,
    );
    return res.body.scopes.find(
      (s: { key: string; scope: string }) => s.scope === 'municipality' && s.key === '151',
    ).total.incidents as number;
  };

  it('counts a burst of 20 reports with at most a few recomputes', async () => {
    const settled = await waitFor(state, (s) => !s.stale);
    const before = await ballerup();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        as(request(t.http).post('/api/v1/incidents'), officer).send(reportBody()).expect(201),
      ),
    );
    const after = await waitFor(state, (s) => !s.stale && s.version > settled.version);
    // Give a stray job the time to run, then count: the reports took well under the 2 s delay.
    await new Promise((r) => setTimeout(r, 3_000));
    const final = await state();
    expect(final.version - settled.version).toBeLessThanOrEqual(3);
    expect(final.version).toBe(after.version);
    expect(await ballerup()).toBe(before + 20);
  });

  it('reconciles a change that no job followed (written outside the service)', async () => {
    const settled = await waitFor(state, (s) => !s.stale);
    await t.owner.query(`UPDATE incidents SET severity = 'critical' WHERE municipality_code = 151`);
    expect((await state()).stale).toBe(true);
    expect(await t.app.get(IncidentStatisticsJobsService).reconcile()).toBe(true);
    await waitFor(state, (s) => !s.stale && s.version > settled.version);
    const res = await as(request(t.http).get('/api/v1/incident-statistics?groupBy=severity'), cert).expect(
      200,
    );
    const own = res.body.scopes.find(
      (s: { key: string; scope: string }) => s.scope === 'municipality' && s.key === '151',
    );
    expect(own.groups.find((g: { key: string }) => g.key === 'critical').incidents).toBe(own.total.incidents);
  });
});
