import request from 'supertest';
import type { INestApplicationContext } from '@nestjs/common';
import { AdvisoryDeliveryService } from '@app/advisories';
import { Clock } from '@app/config';
import { JobQueueService } from '@app/queue';
import { hoursAhead, resetAdvisories, sendAdvisory } from './support/advisories';
import { as, Caller, resetIncidents, userCaller } from './support/incidents';
import { startWorker } from './support/queue-backend';
import { startSmtpInbox } from './support/smtp-inbox';
import { TEST_REDIS_URL } from './support/test-database';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';

const OWN = 151; // Ballerup
const NEIGHBOUR = 153; // Brøndby
const FOREIGN = 101; // København: not in the audience

function passportStrategies(): Record<string, unknown> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('passport') as { _strategies: Record<string, unknown> })._strategies;
}

/**
 * The fan-out and the reminders of advisories, on Redis as in production: the API enqueues, the
 * real worker module delivers. A worker in this process replaces the API's passport strategies
 * (see incident-reminders-contract.ts); they are put back after it starts.
 */
describe('Advisory fan-out and reminders on Redis (e2e)', () => {
  let t: TestApp;
  let worker: INestApplicationContext | null = null;
  let apiStrategies: Record<string, unknown> = {};
  let cert: Caller & { id: string };
  let officers: Array<Caller & { id: string }>;
  let neighbours: Array<Caller & { id: string }>;
  let foreignOfficer: Caller & { id: string };
  const options = { redisUrl: TEST_REDIS_URL };

  const start = async () => {
    worker = await startWorker(options);
    Object.assign(passportStrategies(), apiStrategies);
    return worker;
  };
  const inbox = async (c: Caller) =>
    (await as(request(t.http).get('/api/v1/notifications'), c).expect(200)).body as Array<{
      title: string;
      body: string;
      link: string;
    }>;
  const deliveries = async (id: string) =>
    (
      await t.db.query(
        'SELECT version, user_id AS "userId" FROM advisory_deliveries WHERE advisory_id = $1 ORDER BY version, user_id',
        [id],
      )
    ).map((r: { version: number; userId: string }) => `${r.version}:${r.userId}`);
  const audience = { municipalityCodes: [OWN, NEIGHBOUR] };

  beforeAll(async () => {
    t = await createTestApp(options);
    apiStrategies = { ...passportStrategies() };
  });
  afterAll(async () => {
    await worker?.close();
    await t.close();
  });
  beforeEach(async () => {
    await resetData(t.db);
    await resetIncidents(t);
    await resetAdvisories(t);
    await t.app.get(JobQueueService).queueFor('advisories.fan-out').obliterate({ force: true });
    cert = await userCaller(t, 'cert_analyst');
    officers = [
      await userCaller(t, 'municipality_officer', OWN),
      await userCaller(t, 'municipality_officer', OWN),
      await userCaller(t, 'municipality_officer', OWN),
    ];
    neighbours = [await userCaller(t, 'municipality_officer', NEIGHBOUR)];
    foreignOfficer = await userCaller(t, 'municipality_officer', FOREIGN);
  });
  afterEach(async () => {
    await worker?.close();
    worker = null;
    jest.restoreAllMocks();
  });

  it('delivers each version once per officer of the targeted municipalities; a re-run sends nothing', async () => {
    const smtp = await startSmtpInbox();
    // Read when the worker is built; optional settings fall through to the environment.
    process.env.SMTP_URL = smtp.url;
    try {
      const w = await start();
      const { id } = await sendAdvisory(t, cert, { audience, tlp: 'green' });
      const recipients = [...officers, ...neighbours];
      const expected = recipients.map((o) => `1:${o.id}`).sort();
      await waitFor(
        () => deliveries(id),
        (d) => d.length === expected.length,
      );
      expect(await deliveries(id)).toEqual(expected);
      await waitFor(
        () => smtp.mails.length,
        (n) => n === 4,
      );

      // Run the fan-out of the same version twice more: nothing new, in-app or by mail.
      const delivery = w.get(AdvisoryDeliveryService);
      expect(await delivery.fanOut(id, 1)).toEqual({ sent: true, delivered: 0, mailed: 0 });
      expect(await delivery.sweep()).toEqual({ delivered: 0, reminded: 0 });
      expect(await deliveries(id)).toEqual(expected);
      for (const o of recipients) {
        const mine = await inbox(o);
        expect(mine).toHaveLength(1);
        expect(mine[0]).toMatchObject({
          title: 'Nyt varsel fra KommuneCERT: Kritisk sårbarhed i PAN-OS GlobalProtect',
          link: expect.stringContaining(`/varsler/${id}`),
        });
      }
      expect(await inbox(foreignOfficer)).toEqual([]);
      expect(smtp.mails).toHaveLength(4);
      expect(smtp.mails[0].text).toContain('PAN-OS');

      // An update is a new version: each officer is told once more.
      await as(request(t.http).patch(`/api/v1/advisories/${id}`), cert)
        .send({ version: 1, summary: 'Rettelsen er nu ude for alle versioner.' })
        .expect(200);
      await waitFor(
        () => deliveries(id),
        (d) => d.length === 2 * expected.length,
      );
      expect((await inbox(officers[0])).map((n) => n.title)).toEqual([
        'Opdateret varsel fra KommuneCERT: Kritisk sårbarhed i PAN-OS GlobalProtect',
        'Nyt varsel fra KommuneCERT: Kritisk sårbarhed i PAN-OS GlobalProtect',
      ]);

      // The withdrawal is a version too: each officer is told why, once.
      await as(request(t.http).post(`/api/v1/advisories/${id}/withdraw`), cert)
        .send({ reason: 'Sendt ved en fejl.' })
        .expect(200);
      await waitFor(
        () => deliveries(id),
        (d) => d.length === 3 * expected.length,
      );
      const [told] = await inbox(neighbours[0]);
      expect(told.title).toBe(
        'Varsel trukket tilbage af KommuneCERT: Kritisk sårbarhed i PAN-OS GlobalProtect',
      );
      expect(told.body).toContain('Sendt ved en fejl.');
      expect(await delivery.fanOut(id, 2)).toEqual({ sent: false, reason: 'superseded' });
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('keeps TLP:AMBER content out of the e-mail, but not out of the in-app message', async () => {
    const smtp = await startSmtpInbox();
    process.env.SMTP_URL = smtp.url;
    try {
      await start();
      const { id } = await sendAdvisory(t, cert, {
        audience: { municipalityCodes: [NEIGHBOUR] },
        tlp: 'amber',
      });
      await waitFor(
        () => smtp.mails.length,
        (n) => n === 1,
      );
      expect(smtp.mails[0].text).not.toContain('PAN-OS');
      expect(smtp.mails[0].text).toContain('TLP:AMBER');
      expect(smtp.mails[0].text).toContain(`/varsler/${id}`);
      expect((await inbox(neighbours[0]))[0].title).toContain('PAN-OS');
    } finally {
      delete process.env.SMTP_URL;
      await smtp.close();
    }
  });

  it('reminds at the respond-by time only the municipalities that have not answered, once', async () => {
    const w = await start();
    const { id } = await sendAdvisory(t, cert, { audience, respondBy: hoursAhead(1) });
    await waitFor(
      () => deliveries(id),
      (d) => d.length === 4,
    );
    // Brøndby only opened it (read: not an answer); Ballerup answered.
    await as(request(t.http).put(`/api/v1/advisories/${id}/my-response`), neighbours[0])
      .send({ status: 'read' })
      .expect(200);
    await as(request(t.http).put(`/api/v1/advisories/${id}/my-response`), officers[1])
      .send({ status: 'mitigated', comment: 'Opdateret' })
      .expect(200);
    const delivery = w.get(AdvisoryDeliveryService);
    expect(await delivery.remindDue(id)).toBe(0); // not due yet
    const respondBy = Date.parse(
      (await as(request(t.http).get(`/api/v1/advisories/${id}`), cert).expect(200)).body.respondBy,
    );
    jest.spyOn(w.get(Clock), 'now').mockReturnValue(new Date(respondBy + 60_000));
    // The delayed job at respond-by and the sweep both ask; only one reminder goes out.
    expect(await delivery.remindAt(id, respondBy)).toBe(1);
    expect(await delivery.remindAt(id, respondBy)).toBe(0);
    expect((await delivery.sweep()).reminded).toBe(0);
    // A job for a respond-by that has since moved does nothing.
    expect(await delivery.remindAt(id, respondBy - 1)).toBe(0);

    const reminded = (await inbox(neighbours[0])).filter((n) => n.title.startsWith('Påmindelse'));
    expect(reminded).toHaveLength(1);
    for (const o of officers)
      expect((await inbox(o)).filter((n) => n.title.startsWith('Påmindelse'))).toEqual([]);
    const rows = await t.db.query(
      'SELECT municipality_code AS code FROM advisory_reminders_sent WHERE advisory_id = $1',
      [id],
    );
    expect(rows).toEqual([{ code: NEIGHBOUR }]);
    const matrix = (await as(request(t.http).get(`/api/v1/advisories/${id}/responses`), cert).expect(200))
      .body;
    expect(matrix.notAnswered).toEqual([
      expect.objectContaining({
        municipalityCode: NEIGHBOUR,
        status: 'read',
        remindedAt: expect.any(String),
      }),
    ]);
  });

  it('queues the reminder as a delayed job at the respond-by time', async () => {
    const { id } = await sendAdvisory(t, cert, { audience, respondBy: hoursAhead(2) });
    const delayed = await t.app.get(JobQueueService).queueFor('advisories.remind').getDelayed();
    const job = delayed.find((j) => j.name === 'advisories.remind' && j.data.advisoryId === id);
    expect(job).toBeDefined();
    expect(Math.abs(job!.timestamp + job!.opts.delay! - Date.parse(hoursAhead(2)))).toBeLessThan(60_000);
  });
});
