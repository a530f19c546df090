import request from 'supertest';
import { Clock } from '@app/config';
import { DemoAdvisoriesSeeder } from '@app/seed';
import { resetAdvisories } from './support/advisories';
import { createUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';

/** The demo seed's advisories, read back through the API as KommuneCERT and as an officer. */
describe('Demo advisories (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('seeds three advisories with versions and answers once, each readable by its recipients only', async () => {
    await resetData(t.db);
    await resetAdvisories(t);
    const cert = await createUser(t.db, 'cert_analyst', null, { email: 'cert@baseline.local' });
    const copenhagen = await createUser(t.db, 'municipality_officer', 101);
    const seeder = new DemoAdvisoriesSeeder(t.db, t.app.get(Clock));
    expect(await seeder.seed()).toBe(true);
    expect(await seeder.seed()).toBe(false);

    const certToken = await tokenFor(t.http, cert);
    const list = (
      await request(t.http).get('/api/v1/advisories').auth(certToken, { type: 'bearer' }).expect(200)
    ).body as {
      total: number;
      items: Array<{
        id: string;
        title: string;
        version: number;
        responseRate: { targeted: number; answered: number };
      }>;
    };
    expect(list.total).toBe(3);
    expect(list.items.map((a) => a.responseRate.targeted)).toEqual([41, 5, 98]);
    expect(list.items.map((a) => a.version)).toEqual([1, 2, 1]);
    for (const a of list.items) {
      const matrix = (
        await request(t.http)
          .get(`/api/v1/advisories/${a.id}/responses`)
          .auth(certToken, { type: 'bearer' })
          .expect(200)
      ).body;
      expect(matrix.matrix).toHaveLength(a.responseRate.targeted);
      expect(matrix.rate.answered).toBe(a.responseRate.answered);
    }
    const past = list.items[2];
    expect(past.responseRate.answered).toBeGreaterThan(50);
    expect(past.responseRate.answered).toBeLessThan(90);

    // København is in the audience of the national one and of the Exchange one, not of the Jutland campaign.
    const officerToken = await tokenFor(t.http, copenhagen);
    const mine = (
      await request(t.http).get('/api/v1/advisories').auth(officerToken, { type: 'bearer' }).expect(200)
    ).body.items.map((a: { title: string }) => a.title);
    expect(mine.sort()).toEqual(
      [
        'Aktivt udnyttet sårbarhed i Citrix NetScaler ADC og Gateway',
        'Opdatér Microsoft Exchange Server (NTLM relay)',
      ].sort(),
    );
  });
});
