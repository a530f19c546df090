import request from 'supertest';
import { cookieHeader, csrfOf } from './support/cookie-jar';
import { createUser } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { signInWeb } from './support/web-session';

/** The invitation page without SMTP: links shown to pass on, the CSV check and import, resend and revoke. */
describe('The invitations page (e2e)', () => {
  let t: TestApp;
  let jar: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    ({ jar } = await signInWeb(t.http, await createUser(t.db, 'platform_admin')));
  });

  async function postForm(path: string, form: Record<string, string>, status: number) {
    const page = await request(t.http)
      .get('/administration/invitationer')
      .set('Cookie', cookieHeader(jar))
      .expect(200);
    return request(t.http)
      .post(path)
      .set('Cookie', cookieHeader(jar))
      .type('form')
      .send({ _csrf: csrfOf(page.text), ...form })
      .expect(status);
  }

  it('shows the link to pass on when there is no SMTP, and resends and revokes from the list', async () => {
    const res = await postForm(
      '/administration/invitationer',
      {
        email: 'kl.analytiker@kl.dk',
        role: 'kl_analyst',
        municipalityCode: '',
      },
      201,
    );
    expect(res.text).toContain('giv selv linket videre');
    expect(res.text).toMatch(
      /<code class="invitation-link">http:\/\/localhost:3000\/adgangskode\/ny\?token=/,
    );
    const [{ id }] = await t.db.query(`SELECT id FROM users WHERE email = 'kl.analytiker@kl.dk'`);

    const resent = await postForm(`/administration/invitationer/${id}/gensend`, {}, 200);
    expect(resent.text).toContain('invitation-link');
    // The list links to a confirmation page; only its form revokes.
    const list = await request(t.http)
      .get('/administration/invitationer')
      .set('Cookie', cookieHeader(jar))
      .expect(200);
    expect(list.text).toContain(`href="/administration/invitationer/${id}/tilbagekald"`);
    const confirm = await request(t.http)
      .get(`/administration/invitationer/${id}/tilbagekald`)
      .set('Cookie', cookieHeader(jar))
      .expect(200);
    expect(confirm.text).toContain('Tilbagekald invitationen til kl.analytiker@kl.dk?');
    expect(confirm.text).toContain(`action="/administration/invitationer/${id}/tilbagekald"`);
    const [{ active }] = await t.db.query(`SELECT active FROM users WHERE id = $1`, [id]);
    expect(active).toBe(true);
    const revoked = await postForm(`/administration/invitationer/${id}/tilbagekald`, {}, 200);
    expect(revoked.text).toContain('Invitationen til kl.analytiker@kl.dk er tilbagekaldt.');
    expect(revoked.text).toContain('Tilbagekaldt');
    // A revoked invitation has nothing left to confirm.
    await request(t.http)
      .get(`/administration/invitationer/${id}/tilbagekald`)
      .set('Cookie', cookieHeader(jar))
      .expect(404);
  });

  it('explains a refused invitation in Danish at its field', async () => {
    const res = await postForm(
      '/administration/invitationer',
      {
        email: 'o@ballerup.dk',
        role: 'municipality_officer',
        municipalityCode: '',
      },
      422,
    );
    expect(res.text).toContain('Vælg kommunen for en informationssikkerhedskoordinator.');
    expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'o@ballerup.dk'`)).toEqual([]);
  });

  it('checks a CSV row by row, refuses a real import with errors, and imports a clean one', async () => {
    const bad = '151;anne@ballerup.dk;Anne\n998;bo@x.dk;Bo\n';
    const dry = await postForm('/administration/invitationer/import', { csv: bad, dryRun: 'true' }, 200);
    expect(dry.text).toContain('1 af 2 rækker har fejl');
    expect(dry.text).toContain('Linje 2 (bo@x.dk)');
    const real = await postForm('/administration/invitationer/import', { csv: bad, dryRun: 'false' }, 422);
    expect(real.text).toContain('Ingen er inviteret, fordi filen har fejl');
    expect(await t.db.query(`SELECT 1 FROM users WHERE password_hash IS NULL`)).toEqual([]);

    const ok = await postForm(
      '/administration/invitationer/import',
      {
        csv: '151;anne@ballerup.dk;Anne\n101;bo@kk.dk;Bo\n',
        dryRun: 'false',
      },
      200,
    );
    expect(ok.text).toContain('2 er inviteret');
    expect((await t.db.query(`SELECT 1 FROM users WHERE password_hash IS NULL`)).length).toBe(2);
  });

  it('is not for officers or KommuneCERT', async () => {
    for (const role of ['municipality_officer', 'cert_analyst'] as const) {
      const { jar: other } = await signInWeb(
        t.http,
        await createUser(t.db, role, role === 'cert_analyst' ? null : 151),
      );
      await request(t.http)
        .get('/administration/invitationer')
        .set('Cookie', cookieHeader(other))
        .expect(403);
    }
  });
});
