import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createEdition, openEdition, questionsOf } from './support/editions';

describe('Editions and questionnaire (e2e)', () => {
  let t: TestApp;
  let kl: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
  });

  it('imports the shipped questionnaire into a draft: 60+ scored questions in 10+ areas, Danish texts, the scale', async () => {
    const edition = await createEdition(t.http, kl, 2025);
    expect(edition.status).toBe('draft');
    const q = await request(t.http)
      .get(`/api/v1/editions/${edition.id}/questionnaire`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const scoredAreas = q.body.areas.filter((a: { questions: Array<{ scored: boolean }> }) =>
      a.questions.some((x) => x.scored),
    );
    expect(scoredAreas.length).toBeGreaterThanOrEqual(10);
    const questions = q.body.areas.flatMap((a: { questions: unknown[] }) => a.questions);
    expect(questions.filter((x: { scored: boolean }) => x.scored).length).toBeGreaterThanOrEqual(60);
    expect(q.body.scale.map((l: { value: number; label: { da: string } }) => [l.value, l.label.da])).toEqual(
      expect.arrayContaining([
        [1, 'Ad hoc'],
        [5, 'Optimeret'],
      ]),
    );
    expect(questions.find((x: { key: string }) => x.key === 'access.mfa')).toMatchObject({
      focusArea: true,
      type: 'scale',
    });
  });

  it('copies an edition by question key, refuses a second edition for a year, and keeps creation to KL', async () => {
    const first = await createEdition(t.http, kl, 2025);
    const copy = await createEdition(t.http, kl, 2026, first.id);
    const a = (await questionsOf(t.http, kl, first.id)).map((q) => q.key);
    const b = (await questionsOf(t.http, kl, copy.id)).map((q) => q.key);
    expect(b).toEqual(a);
    await request(t.http)
      .post('/api/v1/editions')
      .auth(kl, { type: 'bearer' })
      .send({ year: 2025, title: 'Igen' })
      .expect(409);
    const officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    await request(t.http)
      .post('/api/v1/editions')
      .auth(officer, { type: 'bearer' })
      .send({ year: 2030, title: 'X' })
      .expect(403);
    const missing = await request(t.http)
      .post('/api/v1/editions')
      .auth(kl, { type: 'bearer' })
      .send({ year: 2031, title: 'X', copyFrom: '00000000-0000-4000-8000-000000000000' })
      .expect(422);
    expect(missing.body.message).toContain('copyFrom');
  });

  it('lets KL edit a draft and freezes the questionnaire once open', async () => {
    const edition = await createEdition(t.http, kl, 2025);
    await request(t.http)
      .patch(`/api/v1/editions/${edition.id}/questions/access.mfa`)
      .auth(kl, { type: 'bearer' })
      .send({ textDa: 'Bruger kommunen MFA på alle fjernadgange?', weight: 3 })
      .expect(200);
    await request(t.http)
      .patch(`/api/v1/editions/${edition.id}/questions/access.mfa`)
      .auth(kl, { type: 'bearer' })
      .send({ weight: 'x' })
      .expect(400);
    await openEdition(t.http, kl, edition.id);
    const frozen = await request(t.http)
      .patch(`/api/v1/editions/${edition.id}/questions/access.mfa`)
      .auth(kl, { type: 'bearer' })
      .send({ weight: 1 })
      .expect(409);
    expect(frozen.body.message).toContain('edition that is open');
    // The database refuses it too, whoever writes.
    await expect(
      t.db.query(`UPDATE questions SET weight = 1 WHERE edition_id = $1`, [edition.id]),
    ).rejects.toThrow(/frozen/);
    const q = await questionsOf(t.http, kl, edition.id);
    expect(q.find((x) => x.key === 'access.mfa')).toMatchObject({ weight: 3 });
  });

  it('follows draft → open → closed → published and answers 409 to a wrong transition', async () => {
    const edition = await createEdition(t.http, kl, 2025);
    const wrong = await request(t.http)
      .post(`/api/v1/editions/${edition.id}/publish`)
      .auth(kl, { type: 'bearer' })
      .expect(409);
    expect(wrong.body.message).toBe('Cannot publish an edition that is draft (allowed when closed)');
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/open`)
      .auth(kl, { type: 'bearer' })
      .send({ closesAt: new Date(Date.now() - 1000) })
      .expect(422);
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/open`)
      .auth(kl, { type: 'bearer' })
      .send({ closesAt: 'tomorrow' })
      .expect(400);
    await openEdition(t.http, kl, edition.id);
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/open`)
      .auth(kl, { type: 'bearer' })
      .send({ closesAt: new Date(Date.now() + 86_400_000) })
      .expect(409);
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/close`)
      .auth(kl, { type: 'bearer' })
      .send({ reason: 'Closed early in the test' })
      .expect(200);
    // Nobody submitted: publishing is refused with the count until KL confirms it.
    const refused = await request(t.http)
      .post(`/api/v1/editions/${edition.id}/publish`)
      .auth(kl, { type: 'bearer' })
      .expect(409);
    expect(refused.body.code).toBe('EDITION_TOO_SMALL');
    expect(refused.body.details).toMatchObject({ participants: 0 });
    const published = await request(t.http)
      .post(`/api/v1/editions/${edition.id}/publish`)
      .auth(kl, { type: 'bearer' })
      .send({ confirmSmallEdition: true })
      .expect(200);
    expect(published.body).toMatchObject({ status: 'published', year: 2025 });
    const list = await request(t.http).get('/api/v1/editions').auth(kl, { type: 'bearer' }).expect(200);
    expect(list.body).toEqual([expect.objectContaining({ id: edition.id, status: 'published' })]);
    const actions = (
      await t.db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq`, [edition.id])
    ).map((r: { action: string }) => r.action);
    expect(actions).toEqual(['edition.created', 'edition.opened', 'edition.closed', 'edition.published']);
  });

  it('shows a draft edition and its questionnaire to KL only: everyone else gets the 404 of an unknown id', async () => {
    const published = await createEdition(t.http, kl, 2024);
    await openEdition(t.http, kl, published.id);
    for (const step of ['close', 'publish']) {
      await request(t.http)
        .post(`/api/v1/editions/${published.id}/${step}`)
        .auth(kl, { type: 'bearer' })
        .send(step === 'publish' ? { confirmSmallEdition: true } : { reason: 'Closed early in the test' })
        .expect(200);
    }
    const draft = await createEdition(t.http, kl, 2025);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const others = {
      officer: await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151)),
      cert: await tokenFor(t.http, await createUser(t.db, 'cert_analyst')),
      admin: await tokenFor(t.http, await createUser(t.db, 'platform_admin')),
    };
    const reads = (id: string) => [
      `/api/v1/editions/${id}`,
      `/api/v1/editions/${id}/questionnaire`,
      `/api/v1/editions/${id}/statistics/national`,
      `/api/v1/editions/${id}/statistics/regions`,
      `/api/v1/editions/${id}/statistics/size-classes`,
      `/api/v1/editions/${id}/reports/national.json`,
    ];
    for (const [who, token] of Object.entries(others)) {
      const list = await request(t.http).get('/api/v1/editions').auth(token, { type: 'bearer' }).expect(200);
      expect({ who, years: list.body.map((e: { year: number }) => e.year) }).toEqual({ who, years: [2024] });
      for (const [i, path] of reads(draft.id).entries()) {
        const res = await request(t.http).get(path).auth(token, { type: 'bearer' });
        const missing = await request(t.http).get(reads(unknown)[i]).auth(token, { type: 'bearer' });
        expect({ who, path, status: res.status }).toEqual({ who, path, status: 404 });
        expect(res.body.message).toBe(missing.body.message.replace(unknown, draft.id));
      }
    }
    const own = await request(t.http)
      .get(`/api/v1/editions/${draft.id}/my-response`)
      .auth(others.officer, { type: 'bearer' })
      .expect(404);
    expect(own.body.message).toBe(`Edition ${draft.id} not found`);
    expect(own.body.code).toBe('EDITION_NOT_FOUND');
    await request(t.http)
      .patch(`/api/v1/editions/${draft.id}/my-response`)
      .auth(others.officer, { type: 'bearer' })
      .send({ version: 0, answers: [{ questionKey: 'access.mfa', value: 3 }] })
      .expect(404);

    const list = await request(t.http).get('/api/v1/editions').auth(kl, { type: 'bearer' }).expect(200);
    expect(list.body.map((e: { year: number }) => e.year)).toEqual([2025, 2024]);
    await request(t.http).get(`/api/v1/editions/${draft.id}`).auth(kl, { type: 'bearer' }).expect(200);
    expect((await questionsOf(t.http, kl, draft.id)).length).toBeGreaterThan(60);
    expect((await questionsOf(t.http, others.officer, published.id)).length).toBeGreaterThan(60);
  });
});
