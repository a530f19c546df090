import request from 'supertest';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';
import { createEdition, openEdition } from './support/editions';

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
      nationalSuppressed: true,
    });
    // Six municipalities are enough: that year's mean is printed.
    expect(trend.find((p) => p.year === 2061)).toMatchObject({
      national: expect.any(Number),
      nationalSuppressed: false,
    });
    // The PDF's trend table marks the hidden year as hidden rather than leaving the cell empty.
    const html = await request(t.http)
      .get(`/api/v1/editions/${large}/reports/municipalities/101.html`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(html.text).toMatch(
      /2060<\/t[dh]>\s*<td[^>]*>[^<]*<\/td>\s*<td[^>]*>Skjult \(færre end \d+ kommuner\)/,
    );
    // The statistics routes hide the small year's national overall too: the trend says no more.
    const national = await request(t.http)
      .get(`/api/v1/editions/${small}/statistics/national`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(national.body.overall.mean).toBeNull();
  });

  it("lets nobody outside a municipality read its answers' history or conflicts, and refuses crafted input with 4xx", async () => {
    const { id } = await createEdition(t.http, kl, 2070);
    await openEdition(t.http, kl, id);
    const ballerup = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    const colleague = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    const other = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101));
    const admin = await tokenFor(t.http, await createUser(t.db, 'platform_admin'));
    const cert = await tokenFor(t.http, await createUser(t.db, 'cert_analyst'));
    const key = (
      await request(t.http)
        .post('/api/v1/admin/api-keys')
        .auth(admin, { type: 'bearer' })
        .send({ municipalityCode: 151, name: 'SIEM' })
        .expect(201)
    ).body.key as string;
    const path = `/api/v1/editions/${id}/my-response`;
    const save = (token: string, version: unknown, answers: unknown) =>
      request(t.http).patch(path).auth(token, { type: 'bearer' }).send({ version, answers });
    await save(ballerup, 0, [{ questionKey: 'access.mfa', value: 4, comment: 'HEMMELIG-151' }]).expect(200);
    const conflict = await save(colleague, 0, [{ questionKey: 'access.mfa', value: 2 }]).expect(200);
    expect(conflict.body.conflicts).toHaveLength(1);

    // Another municipality's officer sees its own (empty) history, never Ballerup's.
    const foreign = await request(t.http).get(`${path}/history`).auth(other, { type: 'bearer' }).expect(200);
    expect(JSON.stringify(foreign.body)).not.toMatch(/HEMMELIG|151/);
    for (const token of [kl, cert, admin]) {
      const res = await request(t.http).get(`${path}/history`).auth(token, { type: 'bearer' });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('HEMMELIG');
    }
    for (const route of [`${path}/history`, path]) {
      const res = await request(t.http).get(route).set('X-API-Key', key);
      expect([401, 403]).toContain(res.status);
      expect(res.text).not.toContain('HEMMELIG');
    }
    await request(t.http).get(`${path}/history`).expect(401);

    // Crafted input: a 4xx naming the problem, never a 500, nothing written.
    const before = await t.db.query('SELECT count(*)::int AS n FROM answer_changes');
    const refused: Array<[string, number]> = [];
    const crafted: Array<[unknown, unknown]> = [
      [Number.MAX_SAFE_INTEGER, [{ questionKey: 'access.mfa', value: 1 }]],
      [1e300, [{ questionKey: 'access.mfa', value: 1 }]],
      [-1, [{ questionKey: 'access.mfa', value: 1 }]],
      [1.5, [{ questionKey: 'access.mfa', value: 1 }]],
      ['1', [{ questionKey: 'access.mfa', value: 1 }]],
      [null, [{ questionKey: 'access.mfa', value: 1 }]],
      [1, [{ questionKey: "' OR 1=1 --", value: 1 }]],
      [1, [{ questionKey: '__proto__', value: 1 }]],
      [1, [{ questionKey: 'constructor', value: 1 }]],
      [
        1,
        [
          { questionKey: 'access.mfa', value: 1 },
          { questionKey: 'access.mfa', value: 2 },
        ],
      ],
      [1, [{ questionKey: ['access.mfa'], value: 1 }]],
      [1, [null]],
      [1, 'access.mfa'],
    ];
    for (const [version, answers] of crafted) {
      const res = await save(colleague, version, answers);
      refused.push([JSON.stringify({ version, answers }), res.status]);
    }
    for (const questionKey of ['', 'x'.repeat(5000), "' OR 1=1 --", '__proto__', ['a', 'b']]) {
      const res = await request(t.http)
        .get(`${path}/history`)
        .query({ questionKey })
        .auth(ballerup, { type: 'bearer' });
      refused.push([`history ${JSON.stringify(questionKey).slice(0, 30)}`, res.status]);
    }
    expect(refused.filter(([, status]) => status < 400 || status >= 500)).toEqual([]);
    expect(await t.db.query('SELECT count(*)::int AS n FROM answer_changes')).toEqual(before);
  });

  it('refuses a deadline that is not a real ISO 8601 time, instead of reading it as another day', async () => {
    const draft = await createEdition(t.http, kl, 2071);
    const open = await createEdition(t.http, kl, 2072);
    const patch = (closesAt: unknown) =>
      request(t.http).patch(`/api/v1/editions/${draft.id}`).auth(kl, { type: 'bearer' }).send({ closesAt });
    const opening = (closesAt: unknown) =>
      request(t.http)
        .post(`/api/v1/editions/${open.id}/open`)
        .auth(kl, { type: 'bearer' })
        .send({ closesAt });
    // 30 February became 2 March; a number was milliseconds; year 275760 was taken as a deadline.
    for (const closesAt of [
      '2030-02-30T12:00:00Z',
      1_900_000_000_000,
      '+275760-09-13T00:00:00.000Z',
      '2030-03-01',
    ]) {
      for (const send of [patch, opening]) {
        const res = await send(closesAt);
        expect({ closesAt, status: res.status, code: res.body.code }).toEqual({
          closesAt,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
        expect(res.body.message).toContain('closesAt must be an ISO 8601 time with a time zone');
      }
    }
    const unchanged = await request(t.http).get(`/api/v1/editions/${draft.id}`).auth(kl, { type: 'bearer' });
    expect(unchanged.body).toMatchObject({ closesAt: null, status: 'draft' });
    expect(
      await t.db.query(`SELECT 1 FROM editions WHERE id = $1 AND status = 'draft'`, [open.id]),
    ).toHaveLength(1);
    // A time with its zone is read as given.
    const res = await patch('2030-03-01T12:00:00+01:00').expect(200);
    expect(res.body.closesAt).toBe('2030-03-01T11:00:00.000Z');
    await opening('2030-03-01T12:00:00Z').expect(200);
  });
});
