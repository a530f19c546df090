import request from 'supertest';
import type { INestApplicationContext } from '@nestjs/common';
import { Clock } from '@app/config';
import { IncidentsService, reminderJobId, ReminderStage } from '@app/incidents';
import { JobQueueService } from '@app/queue';
import { as, Caller, hoursAgo, reportBody, resetIncidents, userCaller } from './incidents';
import { startWorker, waitForJob } from './queue-backend';
import { storedIn } from './queue-contract';
import { startSmtpInbox } from './smtp-inbox';
import { TEST_REDIS_URL } from './test-database';
import { createTestApp, resetData, TestApp } from './test-app';
import { waitFor } from './wait-for';

const HOUR = 3_600_000;

function passportStrategies(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('passport') as { _strategies: Record<string, unknown> })._strategies;
}

/** The reminders of the regulatory clocks, required of both queue backends. */
export function incidentRemindersContract(backend: 'redis' | 'postgres'): void {
  describe(`Incident reminders on the ${backend} backend (e2e)`, () => {
    let t: TestApp;
    let officer: Caller & { id: string };
    let foreignOfficer: Caller & { id: string };
    let cert: Caller & { id: string };
    let otherCert: Caller & { id: string };
    const workers: INestApplicationContext[] = [];

    const options = { redisUrl: backend === 'redis' ? TEST_REDIS_URL : undefined };
    let apiStrategies: Record<string, unknown> = {};
    /**
     * Passport keeps its strategies process-wide: a worker in this process (its NotificationsModule
     * brings AuthModule) replaces the API's JWT strategy with its own, bound to the worker's database
     * connection, which its close ends. The API's own strategies are put back after each start.
     */
    const start = async () => {
      const w = await startWorker(options);
      Object.assign(passportStrategies(), apiStrategies);
      workers.push(w);
      return w;
    };
    const stop = async (w: INestApplicationContext) => {
      workers.splice(workers.indexOf(w), 1);
      await w.close();
    };
    const jobs = () => t.app.get(JobQueueService);
    const queue = () => jobs().queueFor('incidents.remind');
    const inbox = async (c: Caller) =>
      (await as(request(t.http).get('/api/v1/notifications'), c).expect(200)).body as Array<{
        title: string;
        body: string;
        link: string;
      }>;
    const report = async (body: Record<string, unknown>) =>
      (await as(request(t.http).post('/api/v1/incidents'), officer).send(reportBody(body)).expect(201))
        .body as { id: string; version: number };
    const gdprDue = async (incidentId: string) => {
      const open = await t.app.get(IncidentsService).openObligations({ incidentId });
      return open.find((o) => o.kind === 'gdpr-art33')!.dueAt.getTime();
    };
    const ids = (incidentId: string, dueAt: number, stages: ReminderStage[] = ['12h', '2h', 'overdue']) =>
      stages.map((stage) => reminderJobId({ incidentId, kind: 'gdpr-art33', stage, dueAt })).sort();
    const delayedOf = async (incidentId: string) =>
      (await queue().getDelayed())
        .filter((j) => j.name === 'incidents.remind' && j.data.incidentId === incidentId)
        .map((j) => j.id!)
        .sort();
    const sentRows = async (incidentId: string) =>
      (
        await t.db.query(
          `SELECT stage FROM incident_reminders_sent WHERE incident_id = $1 ORDER BY sent_at`,
          [incidentId],
        )
      ).map((r: { stage: string }) => r.stage);
    /** Plans every reminder as the worker does at start, and waits for it. */
    const reconcile = async () => {
      const job = await jobs().enqueue('incidents.plan-reminders', {});
      return waitForJob(queue(), job.id!);
    };

    beforeAll(async () => {
      t = await createTestApp(options);
      apiStrategies = { ...passportStrategies() };
    });
    afterAll(async () => {
      for (const w of [...workers]) await stop(w);
      await t.close();
    });
    beforeEach(async () => {
      await resetData(t.db);
      await resetIncidents(t);
      await queue().obliterate({ force: true });
      officer = await userCaller(t, 'municipality_officer', 151);
      foreignOfficer = await userCaller(t, 'municipality_officer', 101);
      cert = await userCaller(t, 'cert_analyst');
      otherCert = await userCaller(t, 'cert_analyst');
    });
    afterEach(async () => {
      for (const w of [...workers]) await stop(w);
      jest.restoreAllMocks();
    });

    it('plans 12 h, 2 h and overdue reminders per open obligation, moves them with awareAt, and drops them on submission', async () => {
      await start();
      const created = await report({ awareAt: hoursAgo(2) });
      const due = await gdprDue(created.id);
      expect(Math.abs(due - (Date.now() + 70 * HOUR))).toBeLessThan(60_000);
      await waitFor(
        () => delayedOf(created.id),
        (d) => d.join() === ids(created.id, due).join(),
      );

      const patched = await as(request(t.http).patch(`/api/v1/incidents/${created.id}`), officer)
        .send({ version: created.version, awareAt: hoursAgo(5) })
        .expect(200);
      const moved = await gdprDue(created.id);
      expect(due - moved).toBeGreaterThan(2.9 * HOUR);
      await waitFor(
        () => delayedOf(created.id),
        (d) => d.join() === ids(created.id, moved).join(),
      );

      await as(request(t.http).post(`/api/v1/incidents/${created.id}/obligations/gdpr-art33/submit`), officer)
        .send({ submittedAt: hoursAgo(0), reference: 'DT-1' })
        .expect(200);
      await waitFor(
        () => delayedOf(created.id),
        (d) => d.length === 0,
      );
      expect(patched.body.version).toBeGreaterThan(created.version);
    });

    it('reminds at each stage by the clock, the officers and the unassigned KommuneCERT, once each', async () => {
      const created = await report({ awareAt: hoursAgo(1) });
      const due = await gdprDue(created.id);
      const worker = await start();
      const now = jest.spyOn(worker.get(Clock), 'now');
      const at = async (ms: number) => {
        now.mockReturnValue(new Date(ms));
        await reconcile();
        // The reminder queued now runs on the worker; the inbox shows what it sent.
        await waitFor(
          async () => (await queue().getJobCounts('waiting', 'active')) as Record<string, number>,
          (c) => c.waiting + c.active === 0,
        );
      };
      await at(due - 13 * HOUR);
      expect(await inbox(officer)).toEqual([]);
      await at(due - 11 * HOUR);
      await waitFor(
        () => inbox(officer),
        (n) => n.length === 1,
      );
      await at(due - HOUR);
      await waitFor(
        () => inbox(officer),
        (n) => n.length === 2,
      );
      await at(due + 1);
      const officerInbox = await waitFor(
        () => inbox(officer),
        (n) => n.length === 3,
      );
      // Nothing new past overdue, however often it is reconciled, not even to an analyst who
      // joined since (the notice is recorded as sent for the obligation, not per user).
      const lateCert = await userCaller(t, 'cert_analyst');
      await at(due + 2 * HOUR);
      await at(due + 3 * HOUR);

      expect((await inbox(officer)).map((n) => n.title)).toEqual(officerInbox.map((n) => n.title));
      const reference = (await as(request(t.http).get(`/api/v1/incidents/${created.id}`), officer)).body
        .reference as string;
      expect(officerInbox.map((n) => n.title).reverse()).toEqual([
        `Frist om 12 timer: Anmeldelse til Datatilsynet (GDPR art. 33) for ${reference}`,
        `Frist om 2 timer: Anmeldelse til Datatilsynet (GDPR art. 33) for ${reference}`,
        `Overskredet frist: Anmeldelse til Datatilsynet (GDPR art. 33) for ${reference}`,
      ]);
      expect(officerInbox[0].link).toMatch(new RegExp(`/haendelser/${created.id}$`));
      expect(officerInbox[2].body).toContain('skal indsendes senest');
      expect(officerInbox[2].body).toMatch(/kl\. \d\d\.\d\d/); // Danish time through @app/ui
      expect(await inbox(cert)).toHaveLength(3);
      expect(await inbox(otherCert)).toHaveLength(3);
      expect(await inbox(foreignOfficer)).toEqual([]);
      expect(await inbox(lateCert)).toEqual([]);
      expect(await sentRows(created.id)).toEqual(['12h', '2h', 'overdue']);
    });

    it('a reminder scheduled before a restart still fires after it, and only once', async () => {
      const first = await start();
      // The 12 h reminder of the GDPR clock falls 4 s from now, while no worker runs.
      const created = await report({ awareAt: new Date(Date.now() - 60 * HOUR + 4_000).toISOString() });
      const due = await gdprDue(created.id);
      const [jobId] = ids(created.id, due, ['12h']);
      await waitFor(
        () => delayedOf(created.id),
        (d) => d.includes(jobId),
      );
      await stop(first);
      const stored = await queue().getJob(jobId);
      expect(await stored?.getState()).toBe('delayed');
      expect(await storedIn(backend, jobId)).toBe(true);
      await new Promise((r) => setTimeout(r, Math.max(0, due - 12 * HOUR - Date.now()) + 500));
      expect(await inbox(officer)).toEqual([]);

      await start();
      const after = await waitFor(
        () => inbox(officer),
        (n) => n.length === 1,
      );
      expect(after[0].title).toMatch(/^Frist om 12 timer/);
      // Another restart reconciles again and sends nothing twice.
      await stop(workers[0]);
      await start();
      await reconcile();
      await new Promise((r) => setTimeout(r, 500));
      expect(await inbox(officer)).toHaveLength(1);
      expect(await sentRows(created.id)).toEqual(['12h']);
    });

    it('a submitted obligation gets no reminder, even from a job queued before the submission', async () => {
      // Both due within 2 h; one is submitted while no worker runs.
      const submitted = await report({ awareAt: hoursAgo(71) });
      const open = await report({ awareAt: hoursAgo(71), title: 'Mail sendt til forkert borger' });
      await as(
        request(t.http).post(`/api/v1/incidents/${submitted.id}/obligations/gdpr-art33/submit`),
        officer,
      )
        .send({ submittedAt: hoursAgo(0), reference: 'DT-2' })
        .expect(200);
      await start();
      await waitFor(
        () => sentRows(open.id),
        (s) => s.length === 1,
      );
      expect(await sentRows(submitted.id)).toEqual([]);

      const stale = await jobs().enqueue('incidents.remind', {
        incidentId: submitted.id,
        kind: 'gdpr-art33',
        stage: '2h',
        dueAt: Date.parse(hoursAgo(71)) + 72 * HOUR,
      });
      const done = await waitForJob(queue(), stale.id!);
      expect(done.returnvalue).toEqual({ sent: false, reason: 'settled' });
      expect((await inbox(officer)).map((n) => n.title)).toEqual([
        expect.stringMatching(/^Frist om 2 timer/),
      ]);
    });
    it('e-mails the reminder when SMTP is set', async () => {
      const smtp = await startSmtpInbox();
      // Read when the worker is built; optional settings fall through to the environment.
      process.env.SMTP_URL = smtp.url;
      try {
        const created = await report({ awareAt: hoursAgo(71) });
        await start();
        await waitFor(
          () => smtp.mails.map((m) => m.to).sort(),
          (to) => to.length === 3,
        );
        const users = await t.db.query(`SELECT id, email FROM users WHERE id = ANY($1)`, [
          [officer.id, cert.id, otherCert.id],
        ]);
        expect(smtp.mails.map((m) => m.to).sort()).toEqual(
          users.map((u: { email: string }) => u.email).sort(),
        );
        const mail = smtp.mails.find(
          (m) => m.to === users.find((u: { id: string }) => u.id === officer.id).email,
        )!;
        expect(mail.text).toContain(`/haendelser/${created.id}`);
        expect(mail.text).toContain('skal indsendes senest');
      } finally {
        delete process.env.SMTP_URL;
        await smtp.close();
      }
    });
  });
}
