import request from 'supertest';
import { AuditService } from '@app/audit';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createEdition, openEdition } from './support/editions';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';
import { createTestApp, resetData, TestApp } from './support/test-app';

/** KL's yearly cycle: early close with a reason, editing, deleting drafts, withdrawing a publication. */
describe('Edition lifecycle safety (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let officer: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
  });

  const api = (method: 'get' | 'post' | 'patch' | 'delete', path: string, token = kl) =>
    request(t.http)[method](`/api/v1${path}`).auth(token, { type: 'bearer' });
  const auditOf = async (id: string, action: string) =>
    (await t.db.query(`SELECT details FROM audit_log WHERE target_id = $1 AND action = $2`, [
      id,
      action,
    ])) as Array<{
      details: Record<string, unknown>;
    }>;

  it('closes before the deadline only with a reason, which the audit entry keeps', async () => {
    const edition = await createEdition(t.http, kl, 2026);
    await openEdition(t.http, kl, edition.id);
    for (const body of [{}, { reason: '   ' }]) {
      const refused = await api('post', `/editions/${edition.id}/close`).send(body).expect(422);
      expect(refused.body.code).toBe('EDITION_CLOSE_REASON_REQUIRED');
      expect(refused.body.message).toContain('reason');
    }
    const tooLong = await api('post', `/editions/${edition.id}/close`)
      .send({ reason: 'x'.repeat(2001) })
      .expect(400);
    expect(tooLong.body.code).toBe('VALIDATION_FAILED');
    expect((await api('get', `/editions/${edition.id}`).expect(200)).body.status).toBe('open');

    await api('post', `/editions/${edition.id}/close`)
      .send({ reason: ' Alle kommuner har svaret ' })
      .expect(200);
    expect(await auditOf(edition.id, 'edition.closed')).toEqual([
      { details: { year: 2026, early: true, reason: 'Alle kommuner har svaret' } },
    ]);
  });

  it('closes after the deadline without a reason', async () => {
    const edition = await createEdition(t.http, kl, 2026);
    await openEdition(t.http, kl, edition.id);
    await t.db.query(`UPDATE editions SET closes_at = now() - interval '1 minute' WHERE id = $1`, [
      edition.id,
    ]);
    const closed = await api('post', `/editions/${edition.id}/close`).send({}).expect(200);
    expect(closed.body.status).toBe('closed');
    expect(await auditOf(edition.id, 'edition.closed')).toEqual([{ details: { year: 2026 } }]);
  });

  it("changes a draft's and an open edition's title and deadline, and refuses bad input and other states", async () => {
    const edition = await createEdition(t.http, kl, 2026);
    const deadline = new Date(Date.now() + 40 * 86_400_000);
    const draft = await api('patch', `/editions/${edition.id}`)
      .send({ title: 'Baseline 2026 (kladde)', closesAt: deadline })
      .expect(200);
    expect(draft.body).toMatchObject({
      status: 'draft',
      title: 'Baseline 2026 (kladde)',
      closesAt: deadline.toISOString(),
    });
    await openEdition(t.http, kl, edition.id);
    const later = new Date(Date.now() + 60 * 86_400_000);
    const open = await api('patch', `/editions/${edition.id}`).send({ closesAt: later }).expect(200);
    expect(open.body).toMatchObject({
      status: 'open',
      title: 'Baseline 2026 (kladde)',
      closesAt: later.toISOString(),
    });

    const bad: Array<[unknown, number, string]> = [
      [{}, 400, 'VALIDATION_FAILED'],
      [{ title: '' }, 400, 'VALIDATION_FAILED'],
      [{ title: '   ' }, 400, 'VALIDATION_FAILED'],
      [{ title: 'x'.repeat(201) }, 400, 'VALIDATION_FAILED'],
      [{ closesAt: 'tomorrow' }, 400, 'VALIDATION_FAILED'],
      [{ status: 'published' }, 400, 'VALIDATION_FAILED'],
      [{ closesAt: new Date(Date.now() - 60_000) }, 422, 'EDITION_DEADLINE_IN_PAST'],
    ];
    for (const [body, status, code] of bad) {
      const res = await api('patch', `/editions/${edition.id}`).send(body as object);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    await api('patch', `/editions/${edition.id}`, officer).send({ title: 'Hacked' }).expect(403);
    await api('patch', '/editions/00000000-0000-4000-8000-000000000000').send({ title: 'X' }).expect(404);
    const unchanged = await api('get', `/editions/${edition.id}`).expect(200);
    expect(unchanged.body).toMatchObject({ title: 'Baseline 2026 (kladde)', closesAt: later.toISOString() });

    await api('post', `/editions/${edition.id}/close`).send({ reason: 'Test' }).expect(200);
    const closed = await api('patch', `/editions/${edition.id}`).send({ title: 'Efter lukning' }).expect(409);
    expect(closed.body).toMatchObject({
      code: 'EDITION_WRONG_STATUS',
      details: { status: 'closed', allowedFrom: ['draft', 'open'] },
    });
    const updates = await auditOf(edition.id, 'edition.updated');
    expect(updates[0].details).toMatchObject({
      title: { from: 'Baseline 2026', to: 'Baseline 2026 (kladde)' },
      closesAt: { from: null, to: deadline.toISOString() },
    });
    expect(updates).toHaveLength(2);
  });

  it('deletes a draft with its questionnaire, and nothing else', async () => {
    const draft = await createEdition(t.http, kl, 2026);
    await api('delete', `/editions/${draft.id}`, officer).expect(403);
    await api('delete', `/editions/${draft.id}`).expect(204);
    await api('get', `/editions/${draft.id}`).expect(404);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM questions WHERE edition_id = $1`, [
      draft.id,
    ]);
    expect(n).toBe(0);
    expect(await auditOf(draft.id, 'edition.deleted')).toEqual([
      { details: { year: 2026, title: 'Baseline 2026' } },
    ]);
    await api('delete', `/editions/${draft.id}`).expect(404);

    const open = await createEdition(t.http, kl, 2027);
    await openEdition(t.http, kl, open.id);
    const refused = await api('delete', `/editions/${open.id}`).expect(409);
    expect(refused.body).toMatchObject({ code: 'EDITION_WRONG_STATUS', details: { allowedFrom: ['draft'] } });
    await api('post', `/editions/${open.id}/close`).send({ reason: 'Test' }).expect(200);
    await api('delete', `/editions/${open.id}`).expect(409);
    await api('get', `/editions/${open.id}`).expect(200);
  });

  it('withdraws a publication with a reason in the audit chain; officers, CERT and anonymous lose the national report', async () => {
    const answers = Object.fromEntries(
      [101, 147, 151, 153, 155, 157].map((code, i) => [
        code,
        { 'a.one': 1 + (i % 5), 'a.two': 2, 'b.one': 3, 'n.attacks': 4 },
      ]),
    );
    const id = await createMiniEdition(
      t.db,
      t.app.get(EditionsService),
      2031,
      miniQuestionnaire({ key: 'b.one' }),
      answers,
    );
    await api('post', `/editions/${id}/withdraw-publication`).send({ reason: 'For tidligt' }).expect(409);
    await api('post', `/editions/${id}/publish`).expect(200);
    await t.app.get(StatisticsRecomputeService).run(id);
    const cert = await tokenFor(t.http, await createUser(t.db, 'cert_analyst'));
    const reads = [`/editions/${id}/reports/national.json`, `/editions/${id}/statistics/national`];
    for (const token of [officer, cert]) {
      for (const path of reads) await api('get', path, token).expect(200);
    }

    for (const body of [{}, { reason: '' }, { reason: '  ' }]) {
      const res = await api('post', `/editions/${id}/withdraw-publication`).send(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    await api('post', `/editions/${id}/withdraw-publication`, officer).send({ reason: 'x' }).expect(403);
    const withdrawn = await api('post', `/editions/${id}/withdraw-publication`)
      .send({ reason: 'Fejl i tallene for region Hovedstaden' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({ status: 'closed', publishedAt: null });

    for (const token of [officer, cert]) {
      for (const path of reads) await api('get', path, token).expect(404);
      const list = await api('get', `/editions`, token).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id, status: 'closed' })]);
    }
    for (const path of reads) await request(t.http).get(`/api/v1${path}`).expect(401);
    await api('get', `/editions/${id}/statistics/national`).expect(200);

    expect(await auditOf(id, 'edition.publication-withdrawn')).toEqual([
      {
        details: {
          year: 2031,
          reason: 'Fejl i tallene for region Hovedstaden',
          publishedAt: expect.stringMatching(/^\d{4}-/),
        },
      },
    ]);
    const audit = t.app.get(AuditService);
    await audit.seal();
    expect(await audit.verifyChain()).toMatchObject({ ok: true, unsealed: 0 });
    const [sealed] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log a JOIN audit_seals s ON s.seq = a.seq
       WHERE a.target_id = $1 AND a.action = 'edition.publication-withdrawn'`,
      [id],
    );
    expect(sealed.n).toBe(1);

    // Published anew, the report is back.
    await api('post', `/editions/${id}/publish`).expect(200);
    await api('get', reads[0], officer).expect(200);
  });
});
