import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TestUser, tokenFor } from './support/factories';
import {
  createEdition,
  openEdition,
  QuestionnaireQuestion,
  questionsOf,
  validAnswer,
} from './support/editions';

describe('Answering the survey, and who can see answers (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let editionId: string;
  let questions: QuestionnaireQuestion[];
  let ballerup: TestUser;
  let ballerupToken: string;
  let colleagueToken: string;
  const mine = () => `/api/v1/editions/${editionId}/my-response`;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    editionId = (await createEdition(t.http, kl, 2025)).id;
    await openEdition(t.http, kl, editionId);
    questions = await questionsOf(t.http, kl, editionId);
    ballerup = await createUser(t.db, 'municipality_officer', 151);
    ballerupToken = await tokenFor(t.http, ballerup);
    colleagueToken = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
  });

  const save = (token: string, version: number, answers: unknown[]) =>
    request(t.http).patch(mine()).auth(token, { type: 'bearer' }).send({ version, answers });

  it('saves answers across sessions and merges a save based on an older version', async () => {
    const empty = await request(t.http).get(mine()).auth(ballerupToken, { type: 'bearer' }).expect(200);
    expect(empty.body).toMatchObject({
      status: 'draft',
      version: 0,
      answers: [],
      editable: true,
      municipalityCode: 151,
    });

    const first = await save(ballerupToken, 0, [
      { questionKey: 'access.mfa', value: 4, comment: 'Kun på fjernadgang' },
    ]).expect(200);
    expect(first.body.version).toBe(1);
    // A colleague in the same municipality sees it and saves on top of version 1.
    const seen = await request(t.http).get(mine()).auth(colleagueToken, { type: 'bearer' }).expect(200);
    expect(seen.body.answers).toEqual([
      expect.objectContaining({ questionKey: 'access.mfa', value: 4, comment: 'Kun på fjernadgang' }),
    ]);
    await save(colleagueToken, 1, [{ questionKey: 'mobile.mdm', value: 2 }]).expect(200);
    // The first officer still holds version 1: no one changed access.mfa since, so it is stored.
    const merged = await save(ballerupToken, 1, [{ questionKey: 'access.mfa', value: 1 }]).expect(200);
    expect(merged.body).toMatchObject({ version: 3, conflicts: [] });
    const now = await request(t.http).get(mine()).auth(ballerupToken, { type: 'bearer' }).expect(200);
    expect(now.body.version).toBe(3);
    const value = (key: string) =>
      now.body.answers.find((a: { questionKey: string }) => a.questionKey === key).value;
    expect([value('access.mfa'), value('mobile.mdm')]).toEqual([1, 2]);
    // A version the response never had is refused.
    const future = await save(ballerupToken, 9, [{ questionKey: 'access.mfa', value: 2 }]).expect(409);
    expect(future.body).toMatchObject({ code: 'VERSION_CONFLICT' });
    expect(future.body.details).toEqual({ sentVersion: 9, currentVersion: 3 });
  });

  it('names each bad answer and saves nothing of a request that has one', async () => {
    const res = await save(ballerupToken, 0, [
      { questionKey: 'access.mfa', value: 4 },
      { questionKey: 'mobile.mdm', value: 7 },
      { questionKey: 'incidents.attacks-per-day', value: 'mange' },
      { questionKey: 'no.such-question', value: 1 },
      { questionKey: 'access.mfa', notApplicable: true },
    ]).expect(422);
    expect(res.body.code).toBe('ANSWER_INVALID');
    expect(res.body.details).toEqual([
      {
        questionKey: 'mobile.mdm',
        reason: 'NOT_A_SCALE_LEVEL',
        problem: 'must be one of the scale levels 1, 2, 3, 4, 5; got 7',
      },
      {
        questionKey: 'incidents.attacks-per-day',
        reason: 'NOT_A_NUMBER',
        problem: 'must be a number; got "mange"',
      },
      {
        questionKey: 'no.such-question',
        reason: 'UNKNOWN_QUESTION',
        problem: 'no such question in edition 2025',
      },
      { questionKey: 'access.mfa', reason: 'ANSWERED_TWICE', problem: 'answered twice in one request' },
    ]);
    const after = await request(t.http).get(mine()).auth(ballerupToken, { type: 'bearer' }).expect(200);
    expect(after.body).toMatchObject({ version: 0, answers: [] });
    const unknownField = await save(ballerupToken, 0, [
      { questionKey: 'access.mfa', value: 4, extra: 1 },
    ]).expect(400);
    expect(unknownField.body.code).toBe('VALIDATION_FAILED');
    await save(ballerupToken, -1, [{ questionKey: 'access.mfa', value: 4 }]).expect(400);
    await request(t.http)
      .patch(mine())
      .auth(ballerupToken, { type: 'bearer' })
      .send({ answers: [] })
      .expect(400);
  });

  it('submits only a complete response, with a receipt, then is read-only until reopened', async () => {
    const partial = await save(ballerupToken, 0, [{ questionKey: 'access.mfa', value: 4 }]).expect(200);
    const missing = await request(t.http)
      .post(`${mine()}/submit`)
      .auth(ballerupToken, { type: 'bearer' })
      .send({ version: 1 })
      .expect(422);
    const required = questions.filter((q) => q.required).map((q) => q.key);
    expect(missing.body.code).toBe('ANSWERS_MISSING');
    expect(missing.body.details.missing).toEqual(required.filter((k) => k !== 'access.mfa'));
    expect(missing.body.message).toMatch(/required questions? not answered/);

    const all = questions.filter((q) => q.required).map((q) => validAnswer(q));
    const complete = await save(ballerupToken, partial.body.version, all).expect(200);
    const submitted = await request(t.http)
      .post(`${mine()}/submit`)
      .auth(ballerupToken, { type: 'bearer' })
      .send({ version: complete.body.version })
      .expect(200);
    expect(submitted.body).toMatchObject({
      status: 'submitted',
      editable: false,
      submittedByName: 'Test municipality_officer',
    });
    expect(submitted.body.receiptCode).toMatch(/^[0-9A-F]{12}$/);
    await save(ballerupToken, submitted.body.version, [{ questionKey: 'access.mfa', value: 5 }]).expect(409);

    const reopened = await request(t.http)
      .post(`${mine()}/reopen`)
      .auth(colleagueToken, { type: 'bearer' })
      .send({ version: submitted.body.version })
      .expect(200);
    expect(reopened.body).toMatchObject({ status: 'draft', receiptCode: null, editable: true });
    await save(ballerupToken, reopened.body.version, [{ questionKey: 'access.mfa', value: 5 }]).expect(200);
  });

  it('is read-only after the deadline, also for reopening', async () => {
    await save(ballerupToken, 0, [{ questionKey: 'access.mfa', value: 4 }]).expect(200);
    await t.db.query(`UPDATE editions SET closes_at = now() - interval '1 minute' WHERE id = $1`, [
      editionId,
    ]);
    const late = await save(ballerupToken, 1, [{ questionKey: 'access.mfa', value: 5 }]).expect(409);
    expect(late.body.message).toContain('deadline');
    await request(t.http)
      .post(`${mine()}/reopen`)
      .auth(ballerupToken, { type: 'bearer' })
      .send({ version: 1 })
      .expect(409);
    const view = await request(t.http).get(mine()).auth(ballerupToken, { type: 'bearer' }).expect(200);
    expect(view.body).toMatchObject({ editable: false, version: 1 });
  });

  it("keeps Ballerup's answers from every other municipality, KL, KommuneCERT, admins and API keys", async () => {
    await save(ballerupToken, 0, [
      { questionKey: 'access.mfa', value: 2, comment: 'HEMMELIG-KOMMENTAR' },
      { questionKey: 'general.comments', value: 'HEMMELIG-FRITEKST' },
    ]).expect(200);

    const other = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 147));
    const theirs = await request(t.http).get(mine()).auth(other, { type: 'bearer' }).expect(200);
    expect(theirs.body).toMatchObject({ municipalityCode: 147, answers: [], version: 0 });

    const outsiders = await Promise.all(
      (['kl_analyst', 'cert_analyst', 'platform_admin'] as const).map(async (role) =>
        tokenFor(t.http, await createUser(t.db, role)),
      ),
    );
    const adminToken = outsiders[2];
    const key = (
      await request(t.http)
        .post('/api/v1/admin/api-keys')
        .auth(adminToken, { type: 'bearer' })
        .send({ municipalityCode: 151, name: 'SIEM' })
        .expect(201)
    ).body.key as string;

    const leaks: string[] = [];
    const probe = async (label: string, req: request.Test) => {
      const res = await req;
      if (JSON.stringify(res.body).includes('HEMMELIG') || res.text.includes('HEMMELIG'))
        leaks.push(`${label} → ${res.status}`);
      return res;
    };
    for (const [i, token] of [...outsiders, other].entries()) {
      const who = ['kl', 'cert', 'admin', 'officer-147'][i];
      const res = await probe(
        `${who} my-response`,
        request(t.http).get(mine()).auth(token, { type: 'bearer' }),
      );
      if (who !== 'officer-147') expect(res.status).toBe(403);
      await probe(
        `${who} participation`,
        request(t.http).get(`/api/v1/editions/${editionId}/participation`).auth(token, { type: 'bearer' }),
      );
      await probe(
        `${who} questionnaire`,
        request(t.http).get(`/api/v1/editions/${editionId}/questionnaire`).auth(token, { type: 'bearer' }),
      );
      await probe(
        `${who} audit`,
        request(t.http).get('/api/v1/admin/audit?limit=1000').auth(token, { type: 'bearer' }),
      );
      await probe(
        `${who} write`,
        request(t.http)
          .patch(mine())
          .auth(token, { type: 'bearer' })
          .send({ version: 1, answers: [{ questionKey: 'access.mfa', value: 5 }] }),
      );
    }
    const keyRes = await probe('api key', request(t.http).get(mine()).set('X-API-Key', key));
    expect(keyRes.status).toBe(403);
    // A municipality code in the query or body changes nothing: the municipality comes from the sign-in.
    await probe(
      'query override',
      request(t.http).get(`${mine()}?municipalityCode=151`).auth(other, { type: 'bearer' }),
    );
    expect(leaks).toEqual([]);

    const still = await request(t.http).get(mine()).auth(ballerupToken, { type: 'bearer' }).expect(200);
    expect(
      still.body.answers.find((a: { questionKey: string }) => a.questionKey === 'access.mfa').value,
    ).toBe(2);
  });

  it('shows KL participation per municipality with no answers in it', async () => {
    const all = questions.filter((q) => q.required).map((q) => validAnswer(q, 5));
    const saved = await save(ballerupToken, 0, [
      ...all,
      { questionKey: 'general.comments', value: 'HEMMELIG' },
    ]).expect(200);
    await request(t.http)
      .post(`${mine()}/submit`)
      .auth(ballerupToken, { type: 'bearer' })
      .send({ version: saved.body.version })
      .expect(200);
    const other = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 147));
    await save(other, 0, [{ questionKey: 'access.mfa', value: 3 }]).expect(200);

    const res = await request(t.http)
      .get(`/api/v1/editions/${editionId}/participation`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    expect(res.body.summary).toEqual({ municipalities: 98, submitted: 1, inProgress: 1, notStarted: 96 });
    const b = res.body.municipalities.find((m: { municipalityCode: number }) => m.municipalityCode === 151);
    expect(b).toMatchObject({
      municipalityName: 'Ballerup',
      status: 'submitted',
      progressPercent: 100,
      submittedByName: 'Test municipality_officer',
    });
    expect(
      res.body.municipalities.find((m: { municipalityCode: number }) => m.municipalityCode === 147),
    ).toMatchObject({ status: 'in_progress' });
    const text = JSON.stringify(res.body);
    expect(text).not.toContain('HEMMELIG');
    expect(Object.keys(b).sort()).toEqual(
      [
        'answeredRequired',
        'lastChangedAt',
        'municipalityCode',
        'municipalityName',
        'progressPercent',
        'regionCode',
        'regionName',
        'requiredQuestions',
        'status',
        'submittedAt',
        'submittedByName',
      ].sort(),
    );
    const officer = await request(t.http)
      .get(`/api/v1/editions/${editionId}/participation`)
      .auth(ballerupToken, { type: 'bearer' });
    expect(officer.status).toBe(403);
  });

  it('audits who changed which question and who submitted, never the values', async () => {
    await save(ballerupToken, 0, [{ questionKey: 'access.mfa', value: 2, comment: 'HEMMELIG' }]).expect(200);
    const rows = await t.db.query(
      `SELECT actor, action, details FROM audit_log WHERE action LIKE 'response.%'`,
    );
    expect(rows).toEqual([
      {
        actor: ballerup.email,
        action: 'response.answers-changed',
        details: expect.objectContaining({ questionKeys: ['access.mfa'], municipalityCode: 151, version: 1 }),
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('HEMMELIG');
    expect(JSON.stringify(rows[0].details)).not.toMatch(/"value"/);
  });
});
