import request from 'supertest';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';

/** Attacks on what issue 11 and issue 12 item 1 built, each found by trying it as a hostile user would. */
describe('Issue 11 attacks (e2e)', () => {
  let t: TestApp;
  let kl: string;

  beforeAll(async () => {
    t = await createTestApp();
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
  }, 60_000);
  afterAll(() => t.close());

  it("prints no national mean in a municipality's trend that rests on fewer than K municipalities", async () => {
    // 2060: only Copenhagen (101) and Frederiksberg (147) took part. A national mean of two told
    // to Copenhagen is Frederiksberg's overall index: (mean · 2) − own.
    const def = miniQuestionnaire({ key: 'b.one' });
    const answer = (level: number) => ({ 'a.one': level, 'a.two': level, 'b.one': level, 'n.attacks': 1 });
    const editions = t.app.get(EditionsService);
    const small = await createMiniEdition(t.db, editions, 2060, def, { 101: answer(2), 147: answer(5) });
    const codes = [101, 147, 151, 153, 155, 157];
    const large = await createMiniEdition(
      t.db,
      editions,
      2061,
      def,
      Object.fromEntries(codes.map((code, i) => [code, answer(1 + (i % 5))])),
    );
    for (const id of [small, large]) {
      await request(t.http)
        .post(`/api/v1/editions/${id}/publish`)
        .auth(kl, { type: 'bearer' })
        .send({ confirmSmallEdition: true })
        .expect(200);
      await t.app.get(StatisticsRecomputeService).run(id);
    }
    const officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101));
    const report = await request(t.http)
      .get(`/api/v1/editions/${large}/reports/municipalities/101.json`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const trend = report.body.trend as Array<{ year: number; own: number | null; national: number | null }>;
    expect(trend.find((p) => p.year === 2060)).toEqual({
      year: 2060,
      own: expect.any(Number),
      national: null,
    });
    // Six municipalities are enough: that year's mean is printed.
    expect(trend.find((p) => p.year === 2061)?.national).toEqual(expect.any(Number));
    // The statistics routes hide the small year's national overall too: the trend says no more.
    const national = await request(t.http)
      .get(`/api/v1/editions/${small}/statistics/national`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(national.body.overall.mean).toBeNull();
  });
});
