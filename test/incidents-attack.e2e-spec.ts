import request from 'supertest';
import { createUser, TEST_PASSWORD } from './support/factories';
import { as, Caller, hoursAgo, reportBody, resetIncidents, userCaller } from './support/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';

const OWN = 151; // Ballerup
const FOREIGN = 101; // København

/** Findings of an attack from outside on the incident log, each kept fixed here. */
describe('KommuneCERT incidents under attack (e2e)', () => {
  let t: TestApp;
  let officer: Caller;
  let foreignOfficer: Caller;
  let cert: Caller;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    await resetIncidents(t);
    officer = await userCaller(t, 'municipality_officer', OWN);
    foreignOfficer = await userCaller(t, 'municipality_officer', FOREIGN);
    cert = await userCaller(t, 'cert_analyst');
  });

  const report = async (caller: Caller, overrides: Record<string, unknown> = {}) =>
    (await as(request(t.http).post('/api/v1/incidents'), caller).send(reportBody(overrides)).expect(201))
      .body as { id: string; reference: string; version: number };

  it("marking an incident a duplicate of another municipality's keeps that one's reference from the officer", async () => {
    const foreign = await report(foreignOfficer, { title: 'Københavns hændelse' });
    const own = await report(officer);
    await as(request(t.http).post(`/api/v1/incidents/${own.id}/transitions`), cert)
      .send({
        version: own.version,
        to: 'duplicate',
        duplicateOf: foreign.reference,
        reason: 'Samme kampagne',
      })
      .expect(200);

    const seen = await as(request(t.http).get(`/api/v1/incidents/${own.id}/timeline`), officer).expect(200);
    expect(JSON.stringify(seen.body)).not.toContain(foreign.reference);
    expect(seen.body).toContainEqual(
      expect.objectContaining({
        field: 'statusReason',
        after: expect.objectContaining({ reason: 'Samme kampagne' }),
      }),
    );
    const page = await as(request(t.http).get(`/api/v1/incidents/${own.id}`), officer).expect(200);
    expect(JSON.stringify(page.body)).not.toContain(foreign.reference);

    // KommuneCERT still sees which incident it is a duplicate of.
    const certSees = await as(request(t.http).get(`/api/v1/incidents/${own.id}/timeline`), cert).expect(200);
    expect(JSON.stringify(certSees.body)).toContain(foreign.reference);
  });

  it('a duplicate of an incident of the same municipality still names the original to its officer', async () => {
    const first = await report(officer, { title: 'Først' });
    const again = await report(officer, { title: 'Igen' });
    await as(request(t.http).post(`/api/v1/incidents/${again.id}/transitions`), cert)
      .send({ version: again.version, to: 'duplicate', duplicateOf: first.reference })
      .expect(200);
    const seen = await as(request(t.http).get(`/api/v1/incidents/${again.id}/timeline`), officer).expect(200);
    expect(seen.body).toContainEqual(
      expect.objectContaining({
        field: 'statusReason',
        after: expect.objectContaining({ duplicateOf: first.reference }),
      }),
    );
  });

  it('keeps a UTF-8 file name of an attachment as it was sent (not read as Latin-1)', async () => {
    const own = await report(officer);
    const name = 'Kommunerapport Ærø æøå.txt';
    const res = await as(request(t.http).post(`/api/v1/incidents/${own.id}/attachments`), officer)
      .attach('file', Buffer.from('IOC list\n'), { filename: name, contentType: 'text/plain' })
      .expect(201);
    expect(res.body.fileName).toBe(name);
    const file = await as(
      request(t.http).get(`/api/v1/incidents/${own.id}/attachments/${res.body.id}`),
      officer,
    ).expect(200);
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });

  it('keeps a UTF-8 file name of an attachment uploaded through the incident page', async () => {
    const user = await createUser(t.db, 'municipality_officer', OWN);
    const own = await report(officer);
    const csrfOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)![1];
    const login = await request(t.http).get('/login').expect(200);
    const cookies = (res: request.Response) =>
      ((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []).map((c) => c.split(';')[0]);
    let jar = cookies(login);
    const signedIn = await request(t.http)
      .post('/login')
      .set('Cookie', jar.join('; '))
      .type('form')
      .send({ _csrf: csrfOf(login.text), email: user.email, password: TEST_PASSWORD })
      .expect(303);
    jar = [...jar, ...cookies(signedIn)];
    const page = await request(t.http).get(`/haendelser/${own.id}`).set('Cookie', jar.join('; ')).expect(200);
    const name = 'Logudtræk Ærø.txt';
    await request(t.http)
      .post(`/haendelser/${own.id}/bilag`)
      .set('Cookie', jar.join('; '))
      .field('_csrf', csrfOf(page.text))
      .attach('file', Buffer.from('2026-12-01 login failed\n'), name)
      .expect(303);
    const list = await as(request(t.http).get(`/api/v1/incidents/${own.id}/attachments`), officer).expect(
      200,
    );
    expect(list.body).toEqual([expect.objectContaining({ fileName: name })]);
  });

  it('refuses to move awareAt after a submitted notification (which would erase its lateness)', async () => {
    const own = await report(officer, { awareAt: hoursAgo(100) });
    const submitted = await as(
      request(t.http).post(`/api/v1/incidents/${own.id}/obligations/gdpr-art33/submit`),
      officer,
    )
      .send({ submittedAt: hoursAgo(1), reasonForDelay: 'Opdaget sent i ferien' })
      .expect(200);
    expect(submitted.body).toEqual([expect.objectContaining({ kind: 'gdpr-art33', late: true })]);
    const moved = await as(request(t.http).patch(`/api/v1/incidents/${own.id}`), officer)
      .send({ version: own.version, awareAt: hoursAgo(0.5) })
      .expect(400);
    expect(moved.body.details).toEqual([
      expect.objectContaining({ field: 'awareAt', reason: 'BEFORE_AWARE' }),
    ]);
    const after = await as(request(t.http).get(`/api/v1/incidents/${own.id}`), officer).expect(200);
    expect(after.body.obligations).toEqual([expect.objectContaining({ kind: 'gdpr-art33', late: true })]);
    // A correction that keeps awareAt before the submission is still taken.
    await as(request(t.http).patch(`/api/v1/incidents/${own.id}`), officer)
      .send({ version: own.version, awareAt: hoursAgo(90) })
      .expect(200);
  });
});
