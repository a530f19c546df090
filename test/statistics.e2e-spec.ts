import request from 'supertest';
import { seedDemoStatistics } from './support/demo-statistics';
import { createTestApp, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';

/** The demo data (generated answers for 2023 and 2024) run through the real recompute. */
describe('Benchmark statistics on the demo data (e2e)', () => {
  let t: TestApp;
  let officer: string;
  let kl: string;
  const ids: Record<number, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    Object.assign(ids, await seedDemoStatistics(t));
    officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
  });
  afterAll(() => t.close());

  it('reproduces the published 2024 facts', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/national`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const s = res.body;
    expect(s.participation).toMatchObject({ participants: 84, municipalities: 98, previousParticipants: 91 });
    expect(s.overall.mean).toBeCloseTo(3.36, 1);
    expect(Math.abs(s.overall.mean - 3.36)).toBeLessThanOrEqual(0.02);
    expect(Math.abs(s.overall.previousMean - 4.13)).toBeLessThanOrEqual(0.02);
    expect(s.overall.meanDelta).toBeCloseTo(s.overall.mean - s.overall.previousMean, 3);
    const level = (l: number) => s.answerLevels.find((x: { level: number }) => x.level === l);
    expect(Math.abs(level(5).countChangePercent - -40)).toBeLessThanOrEqual(3);
    expect(Math.abs(level(4).countChangePercent - -41)).toBeLessThanOrEqual(3);
    expect(s.statistics).toMatchObject({ stale: false });
    expect(s.questions.length).toBeGreaterThanOrEqual(60);
    const mfa = s.questions.find((q: { key: string }) => q.key === 'access.mfa');
    expect(mfa).toMatchObject({ focusArea: true, suppressed: false });
    expect(mfa.distribution).toHaveLength(5);
    const attacks = s.numbers.find((q: { key: string }) => q.key === 'incidents.attacks-per-day');
    expect(attacks.mean).toBeGreaterThan(0);
    // A median or quartile of whole-number answers would be one municipality's answer: not published.
    for (const f of ['median', 'q1', 'q3']) expect(attacks).not.toHaveProperty(f);
  });

  it('agrees with an independent computation from the raw answers', async () => {
    const [{ mean }] = await t.db.query(
      `WITH qa AS (
         SELECT r.municipality_code AS mun, q.area_id, q.weight::numeric AS w, a.value_number AS v
         FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
         WHERE r.edition_id = $1 AND r.status = 'submitted' AND q.type = 'scale' AND q.weight > 0 AND NOT a.not_applicable),
       area AS (SELECT mun, area_id, sum(w * v) / sum(w) AS s FROM qa GROUP BY 1, 2),
       overall AS (SELECT mun, sum(x.weight * s) / sum(x.weight) AS o FROM area JOIN areas x ON x.id = area.area_id GROUP BY 1)
       SELECT avg(o)::float AS mean FROM overall`,
      [ids[2024]],
    );
    const res = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/national`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    expect(res.body.overall.mean).toBeCloseTo(mean, 3);
  });

  it('suppresses small regional and size-class groups, with a complement', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/size-classes`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const big = res.body.groups.find((g: { key: string }) => g.key === '100k-plus');
    const suppressedOverall = res.body.groups.filter(
      (g: { overall: { suppressed: boolean } }) => g.overall.suppressed,
    );
    // However many of the 7 largest took part, every published group has at least K members.
    for (const g of res.body.groups) {
      if (!g.overall.suppressed) expect(g.overall.n).toBeGreaterThanOrEqual(5);
      else expect(g.overall).toMatchObject({ n: null, mean: null });
    }
    expect(suppressedOverall.length === 0 || suppressedOverall.length >= 2).toBe(true);
    expect(big.municipalities).toBe(7);
    const regions = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/regions`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    expect(regions.body.groups.map((g: { name: string }) => g.name)).toContain('Region Hovedstaden');
  });

  it("gives a municipality its own scores and no one else's", async () => {
    const own = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/151`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(own.body.overall).toMatchObject({ quartile: expect.any(Number) });
    expect(own.body.overall.delta).toBeCloseTo(own.body.overall.own - own.body.overall.nationalMean, 3);
    expect(own.body.furthestBelow.length).toBeGreaterThan(0);
    await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/147`)
      .auth(officer, { type: 'bearer' })
      .expect(403);
    await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/151`)
      .auth(kl, { type: 'bearer' })
      .expect(403);
    const cert = await tokenFor(t.http, await createUser(t.db, 'cert_analyst'));
    await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/151`)
      .auth(cert, { type: 'bearer' })
      .expect(403);
  });

  it('publishes nothing for an open edition and lets only KL request a recompute', async () => {
    const open = (await t.db.query(`SELECT id FROM editions WHERE year = 2025`))[0].id;
    await request(t.http)
      .get(`/api/v1/editions/${open}/statistics/national`)
      .auth(officer, { type: 'bearer' })
      .expect(404);
    await request(t.http)
      .post(`/api/v1/editions/${open}/statistics/recompute`)
      .auth(kl, { type: 'bearer' })
      .expect(409);
    await request(t.http)
      .post(`/api/v1/editions/${ids[2024]}/statistics/recompute`)
      .auth(officer, { type: 'bearer' })
      .expect(403);
    const first = await request(t.http)
      .post(`/api/v1/editions/${ids[2024]}/statistics/recompute`)
      .auth(kl, { type: 'bearer' })
      .expect(202);
    const second = await request(t.http)
      .post(`/api/v1/editions/${ids[2024]}/statistics/recompute`)
      .auth(kl, { type: 'bearer' })
      .expect(202);
    expect(second.body.jobId).toBe(first.body.jobId);
    expect(['delayed', 'waiting', 'active', 'completed']).toContain(second.body.state);
  });
});
