import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AdvisoriesService } from '@app/advisories';
import { advisoryBody, hoursAhead, resetAdvisories, sendAdvisory } from './support/advisories';
import { apiKeyCaller, as, Caller, reportBody, resetIncidents, userCaller } from './support/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';

const OWN = 151; // Ballerup, named in the audience
const NORTH = 851; // Aalborg, in Region Nordjylland (1081)
const FOREIGN = 101; // København: not in the audience

describe('KommuneCERT advisories (e2e)', () => {
  let t: TestApp;
  let cert: Caller & { id: string };
  let officer: Caller & { id: string };
  let northOfficer: Caller & { id: string };
  let foreignOfficer: Caller & { id: string };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    await resetIncidents(t);
    await resetAdvisories(t);
    cert = await userCaller(t, 'cert_analyst');
    officer = await userCaller(t, 'municipality_officer', OWN);
    northOfficer = await userCaller(t, 'municipality_officer', NORTH);
    foreignOfficer = await userCaller(t, 'municipality_officer', FOREIGN);
  });

  const get = (c: Caller, path: string) => as(request(t.http).get(`/api/v1${path}`), c);
  const respond = (c: Caller, id: string, body: Record<string, unknown>) =>
    as(request(t.http).put(`/api/v1/advisories/${id}/my-response`), c).send(body);
  const count = async (table: string) =>
    (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('sends to the chosen municipalities and regions, fixed at send time, as version 1', async () => {
    const res = await as(request(t.http).post('/api/v1/advisories'), cert).send(advisoryBody()).expect(201);
    expect(res.body).toMatchObject({
      version: 1,
      status: 'active',
      severity: 'critical',
      tlp: 'green',
      cveIds: ['CVE-2024-3400'],
      audience: { all: false, municipalityCodes: [OWN], regionCodes: [1081] },
      responseRate: { targeted: 12, answered: 0, readOnly: 0 },
      myResponse: null,
      versions: [expect.objectContaining({ version: 1, kind: 'published' })],
    });
    const targets = await t.db.query(
      'SELECT municipality_code AS code FROM advisory_targets WHERE advisory_id = $1 ORDER BY 1',
      [res.body.id],
    );
    expect(targets.map((r: { code: number }) => r.code)).toContain(OWN);
    expect(targets.map((r: { code: number }) => r.code)).toContain(NORTH);
    expect(targets).toHaveLength(12);

    const all = await as(request(t.http).post('/api/v1/advisories'), cert)
      .send(advisoryBody({ audience: { all: true } }))
      .expect(201);
    expect(all.body.responseRate.targeted).toBe(98);
  });

  describe('targeting: no municipality reads an advisory not sent to it', () => {
    it('list, get, my-response and responses, by JWT and API key, for every role', async () => {
      const { id } = await sendAdvisory(t, cert);
      const unknown = randomUUID();
      const ownKey = await apiKeyCaller(t, OWN);
      const foreignKey = await apiKeyCaller(t, FOREIGN);
      const kl = await userCaller(t, 'kl_analyst');
      const admin = await userCaller(t, 'platform_admin');

      // The own municipality: by officer and by API key.
      for (const c of [officer, ownKey]) {
        expect((await get(c, '/advisories').expect(200)).body.items.map((a: { id: string }) => a.id)).toEqual(
          [id],
        );
        const one = await get(c, `/advisories/${id}`).expect(200);
        expect(one.body.audience).toBeNull();
        expect(one.body.responseRate).toBeNull();
      }
      // Another municipality: an empty list, and exactly the 404 of an unknown id.
      for (const c of [foreignOfficer, foreignKey]) {
        expect((await get(c, '/advisories').expect(200)).body).toEqual({ total: 0, items: [] });
        const hidden = await get(c, `/advisories/${id}`).expect(404);
        const missing = await get(c, `/advisories/${unknown}`).expect(404);
        expect(hidden.body.code).toBe('ADVISORY_NOT_FOUND');
        expect(hidden.body.code).toBe(missing.body.code);
        expect(hidden.body.message.replace(id, 'X')).toBe(missing.body.message.replace(unknown, 'X'));
      }
      const foreignAnswer = await respond(foreignOfficer, id, { status: 'mitigated' }).expect(404);
      expect(foreignAnswer.body.code).toBe('ADVISORY_NOT_FOUND');
      expect(await count('advisory_responses')).toBe(0);
      // An API key reads but does not answer; only KommuneCERT sees the matrix and writes.
      await respond(ownKey, id, { status: 'read' }).expect(403);
      await get(officer, `/advisories/${id}/responses`).expect(403);
      await get(ownKey, `/advisories/${id}/responses`).expect(403);
      await as(request(t.http).post('/api/v1/advisories'), officer).send(advisoryBody()).expect(403);
      await as(request(t.http).patch(`/api/v1/advisories/${id}`), officer)
        .send({ version: 1, title: 'x' })
        .expect(403);
      await as(request(t.http).post(`/api/v1/advisories/${id}/withdraw`), officer)
        .send({ reason: 'x' })
        .expect(403);
      // KL and the administrator see no advisory, as no incident.
      for (const c of [kl, admin]) {
        await get(c, '/advisories').expect(403);
        await get(c, `/advisories/${id}`).expect(403);
        await respond(c, id, { status: 'read' }).expect(403);
        await get(c, `/advisories/${id}/responses`).expect(403);
      }
      await get(cert, `/advisories/${unknown}`).expect(404);
    });
  });

  describe('bad input: a 4xx naming the problem, nothing written', () => {
    const refused = async (overrides: Record<string, unknown>, field: string, text: RegExp) => {
      const res = await as(request(t.http).post('/api/v1/advisories'), cert)
        .send(advisoryBody(overrides))
        .expect(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(res.body.message).toMatch(text);
    };

    it('refuses an unknown municipality or region, a past respond-by, a bad CVE id, no product', async () => {
      await refused(
        { audience: { municipalityCodes: [151, 998] } },
        'audience.municipalityCodes',
        /unknown municipality codes: 998/,
      );
      await refused({ audience: { regionCodes: [1081, 1090] } }, 'audience.regionCodes', /1090/);
      await refused({ audience: {} }, 'audience', /at least one municipality or region/);
      await refused({ audience: undefined }, 'audience', /audience/);
      await refused({ audience: null }, 'audience', /audience/);
      await refused({ audience: { municipalityCodes: [151.5] } }, 'audience.municipalityCodes', /integer/);
      await refused({ audience: { all: true, municipalityCodes: [151] } }, 'audience', /not both/);
      await refused({ respondBy: hoursAhead(-1) }, 'respondBy', /must not be in the past/);
      await refused({ cveIds: ['CVE-24-1'] }, 'cveIds', /CVE id/);
      await refused({ cveIds: ['CVE-2024-123'] }, 'cveIds', /CVE id/);
      await refused({ products: [], cveIds: [] }, 'products', /at least one/);
      await refused({ severity: 'urgent' }, 'severity', /severity/);
      await refused({ tlp: 'amber-strict' }, 'tlp', /tlp/);
      await refused({ incidentIds: [randomUUID()] }, 'incidentIds', /unknown incidents/);
      expect(await count('advisories')).toBe(0);
      expect(await count('advisory_targets')).toBe(0);
      // Six digits are a valid CVE id.
      await sendAdvisory(t, cert, { cveIds: ['CVE-2024-123456'] });
    });

    it('refuses an unknown status, and a past respond-by on update', async () => {
      const { id } = await sendAdvisory(t, cert);
      const res = await respond(officer, id, { status: 'patched' }).expect(400);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'status' })]);
      await respond(officer, id, { status: 'mitigated', extra: 1 }).expect(400);
      const past = await as(request(t.http).patch(`/api/v1/advisories/${id}`), cert)
        .send({ version: 1, respondBy: hoursAhead(-2) })
        .expect(400);
      expect(past.body.details).toEqual([expect.objectContaining({ field: 'respondBy' })]);
      const nulled = await as(request(t.http).patch(`/api/v1/advisories/${id}`), cert)
        .send({ version: 1, title: null })
        .expect(400);
      expect(nulled.body.message).toMatch(/title/);
      expect(await count('advisory_versions')).toBe(1);
    });
  });

  it('the response matrix: municipality × status with times, and who has not answered', async () => {
    const { id } = await sendAdvisory(t, cert);
    const answer = await respond(officer, id, { status: 'mitigating', comment: 'Patcher i aften' }).expect(
      200,
    );
    expect(answer.body).toMatchObject({ status: 'mitigating', comment: 'Patcher i aften' });
    // Aalborg only opens it in the web: read, which is not an answer.
    await t.app.get(AdvisoriesService).markRead(
      {
        kind: 'user',
        id: northOfficer.id,
        email: 'n@x',
        displayName: 'n',
        role: 'municipality_officer',
        municipalityCode: NORTH,
      },
      id,
    );

    const res = await get(cert, `/advisories/${id}/responses`).expect(200);
    expect(res.body.rate).toEqual({ targeted: 12, answered: 1, readOnly: 1 });
    expect(res.body.overdue).toBe(false);
    const row = (code: number) =>
      res.body.matrix.find((r: { municipalityCode: number }) => r.municipalityCode === code);
    expect(row(OWN)).toMatchObject({
      municipalityName: 'Ballerup',
      status: 'mitigating',
      answered: true,
      comment: 'Patcher i aften',
      statusAt: expect.any(String),
      firstReadAt: expect.any(String),
      respondedBy: expect.stringContaining('@test.local'),
    });
    expect(row(NORTH)).toMatchObject({ municipalityName: 'Aalborg', status: 'read', answered: false });
    expect(res.body.notAnswered).toHaveLength(11);
    expect(res.body.notAnswered.map((r: { municipalityCode: number }) => r.municipalityCode)).not.toContain(
      OWN,
    );
    expect(
      res.body.matrix.find((r: { municipalityCode: number }) => r.municipalityCode === FOREIGN),
    ).toBeUndefined();

    // Marking read never overwrites an answer.
    await t.app.get(AdvisoriesService).markRead(
      {
        kind: 'user',
        id: officer.id,
        email: 'o@x',
        displayName: 'o',
        role: 'municipality_officer',
        municipalityCode: OWN,
      },
      id,
    );
    expect((await get(officer, `/advisories/${id}`).expect(200)).body.myResponse.status).toBe('mitigating');
    // The officer's list: its status; KommuneCERT's: the rate.
    expect((await get(officer, '/advisories').expect(200)).body.items[0].myStatus).toBe('mitigating');
    expect((await get(cert, '/advisories').expect(200)).body.items[0].responseRate).toEqual({
      targeted: 12,
      answered: 1,
      readOnly: 1,
    });
  });

  it("an officer's list shows the unanswered first", async () => {
    const answered = await sendAdvisory(t, cert, { title: 'Besvaret', respondBy: hoursAhead(5) });
    const open = await sendAdvisory(t, cert, { title: 'Ubesvaret', respondBy: hoursAhead(50) });
    await respond(officer, answered.id, { status: 'not_affected' }).expect(200);
    const list = (await get(officer, '/advisories').expect(200)).body.items.map(
      (a: { title: string }) => a.title,
    );
    expect(list).toEqual(['Ubesvaret', 'Besvaret']);
    expect(open.id).toBeDefined();
  });

  it('keeps the versions on update, refuses a stale one, and withdraws with a reason', async () => {
    const { id } = await sendAdvisory(t, cert);
    const patch = (body: Record<string, unknown>) =>
      as(request(t.http).patch(`/api/v1/advisories/${id}`), cert).send(body);
    const v2 = await patch({
      version: 1,
      title: 'Rettet titel',
      cveIds: ['CVE-2024-3400', 'CVE-2024-3401'],
      note: 'Ny CVE',
    }).expect(200);
    expect(v2.body.version).toBe(2);
    expect(v2.body.title).toBe('Rettet titel');
    expect(v2.body.versions).toEqual([
      expect.objectContaining({ version: 1, kind: 'published', changedFields: [] }),
      expect.objectContaining({
        version: 2,
        kind: 'updated',
        changedFields: ['title', 'cveIds'],
        note: 'Ny CVE',
      }),
    ]);
    const stale = await patch({ version: 1, title: 'Andet' }).expect(409);
    expect(stale.body.code).toBe('ADVISORY_VERSION_CONFLICT');
    // No content change: no new version, nobody told again.
    expect((await patch({ version: 2, title: 'Rettet titel' }).expect(200)).body.version).toBe(2);
    const [kept] = await t.db.query(
      `SELECT content->>'title' AS title FROM advisory_versions WHERE advisory_id = $1 AND version = 1`,
      [id],
    );
    expect(kept.title).toBe('Kritisk sårbarhed i PAN-OS GlobalProtect');

    await as(request(t.http).post(`/api/v1/advisories/${id}/withdraw`), cert)
      .send({})
      .expect(400);
    const withdrawn = await as(request(t.http).post(`/api/v1/advisories/${id}/withdraw`), cert)
      .send({ reason: 'Falsk alarm' })
      .expect(200);
    expect(withdrawn.body).toMatchObject({
      status: 'withdrawn',
      version: 3,
      withdrawalReason: 'Falsk alarm',
    });
    expect(withdrawn.body.versions.at(-1)).toMatchObject({ kind: 'withdrawn', note: 'Falsk alarm' });
    expect((await patch({ version: 3, title: 'x' }).expect(409)).body.code).toBe('ADVISORY_WITHDRAWN');
    await as(request(t.http).post(`/api/v1/advisories/${id}/withdraw`), cert)
      .send({ reason: 'igen' })
      .expect(409);
    expect((await respond(officer, id, { status: 'mitigated' }).expect(409)).body.code).toBe(
      'ADVISORY_WITHDRAWN',
    );
    // The officer still reads it, withdrawn.
    expect((await get(officer, `/advisories/${id}`).expect(200)).body.status).toBe('withdrawn');
  });

  it('ten officers of one municipality answering at once leave one whole answer, no 500', async () => {
    const { id } = await sendAdvisory(t, cert);
    const officers = await Promise.all(
      Array.from({ length: 10 }, () => userCaller(t, 'municipality_officer', OWN)),
    );
    const statuses = ['read', 'not_affected', 'mitigating', 'mitigated'] as const;
    const replies = await Promise.all(
      officers.map((o, i) => respond(o, id, { status: statuses[i % 4], comment: `svar ${statuses[i % 4]}` })),
    );
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const rows = await t.db.query('SELECT status, comment FROM advisory_responses WHERE advisory_id = $1', [
      id,
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0].comment).toBe(`svar ${rows[0].status}`);
    const mine = (await get(officer, `/advisories/${id}`).expect(200)).body.myResponse;
    expect(mine).toMatchObject({ status: rows[0].status, comment: rows[0].comment });
  });

  it('links incidents; each side lists the other, a municipality only its own', async () => {
    const ownIncident = (
      await as(request(t.http).post('/api/v1/incidents'), officer).send(reportBody()).expect(201)
    ).body as { id: string; reference: string };
    const foreignIncident = (
      await as(request(t.http).post('/api/v1/incidents'), foreignOfficer).send(reportBody()).expect(201)
    ).body as { id: string };
    const { id } = await sendAdvisory(t, cert, { incidentIds: [ownIncident.id, foreignIncident.id] });

    const certView = (await get(cert, `/advisories/${id}`).expect(200)).body;
    expect(certView.incidents.map((i: { id: string }) => i.id).sort()).toEqual(
      [ownIncident.id, foreignIncident.id].sort(),
    );
    const officerView = (await get(officer, `/advisories/${id}`).expect(200)).body;
    expect(officerView.incidents).toEqual([
      expect.objectContaining({ id: ownIncident.id, reference: ownIncident.reference }),
    ]);

    expect((await get(cert, `/incidents/${foreignIncident.id}/advisories`).expect(200)).body).toEqual([
      expect.objectContaining({ id }),
    ]);
    expect((await get(officer, `/incidents/${ownIncident.id}/advisories`).expect(200)).body).toEqual([
      expect.objectContaining({ id, myStatus: null }),
    ]);
    // København's incident is linked, but the advisory was not sent to København.
    expect(
      (await get(foreignOfficer, `/incidents/${foreignIncident.id}/advisories`).expect(200)).body,
    ).toEqual([]);
    await get(foreignOfficer, `/incidents/${ownIncident.id}/advisories`).expect(404);

    // Relinking replaces the set.
    const patched = await as(request(t.http).patch(`/api/v1/advisories/${id}`), cert)
      .send({ version: 1, incidentIds: [ownIncident.id] })
      .expect(200);
    expect(patched.body.incidents.map((i: { id: string }) => i.id)).toEqual([ownIncident.id]);
    expect(patched.body.version).toBe(1);
  });
});
