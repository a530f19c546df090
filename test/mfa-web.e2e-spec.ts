import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, tokenFor } from './support/factories';
import { cookieHeader, csrfOf, Jar, keep, setCookies } from './support/cookie-jar';
import { enrolTotp, passwordStep, totpCode } from './support/mfa';

/** The password step through the web form; returns the jar (with the ticket cookie) and the redirect. */
async function webPasswordStep(t: TestApp, email: string) {
  const login = await request(t.http).get('/login').expect(200);
  const jar = keep(new Map(), login);
  const res = await request(t.http)
    .post('/login')
    .set('Cookie', cookieHeader(jar))
    .type('form')
    .send({ _csrf: csrfOf(login.text), email, password: TEST_PASSWORD })
    .expect(303);
  return { jar: keep(jar, res), location: res.headers.location as string, set: setCookies(res) };
}

async function postCode(t: TestApp, jar: Jar, code: string) {
  const page = await request(t.http).get('/login/mfa').set('Cookie', cookieHeader(jar)).expect(200);
  return request(t.http)
    .post('/login/mfa')
    .set('Cookie', cookieHeader(jar))
    .set('Accept', 'text/html')
    .type('form')
    .send({ _csrf: csrfOf(page.text), code });
}

describe('MFA on the web: second step errors in Danish, the ticket cookie, admin reset (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ secureCookie: true });
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('keeps the ticket in a __Host- cookie and answers wrong, empty and expired input in Danish', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { secret } = await enrolTotp(t.http, await tokenFor(t.http, kl));
    const step = await webPasswordStep(t, kl.email);
    expect(step.location).toBe('/login/mfa');
    const ticket = step.set.find((c) => c.startsWith('__Host-baseline_mfa='))!;
    expect(ticket).toMatch(/; Path=\//);
    expect(ticket).toMatch(/; HttpOnly/);
    expect(ticket).toMatch(/; Secure/);
    expect(ticket).not.toMatch(/Domain=/);
    // No session yet.
    expect(step.set.some((c) => c.startsWith('__Host-baseline_session='))).toBe(false);

    const wrong = await postCode(t, step.jar, (await totpCode(secret, 1)) === '000000' ? '111111' : '000000');
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('Koden er forkert eller udløbet');
    const empty = await postCode(t, step.jar, '');
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('Skriv koden fra din godkendelsesapp.');

    await t.db.query(
      `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [kl.id],
    );
    const expired = await request(t.http).get('/login/mfa').set('Cookie', cookieHeader(step.jar)).expect(401);
    expect(expired.text).toContain('Log ind-trinnet er udløbet eller allerede brugt');
  });

  it('lets a platform admin reset a user who lost their factors, ending their sessions', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const admin = await createUser(t.db, 'platform_admin');
    await enrolTotp(t.http, await tokenFor(t.http, officer));
    await passwordStep(t.http, officer);
    const adminToken = await tokenFor(t.http, admin);
    await request(t.http)
      .delete(`/api/v1/admin/users/${officer.id}/mfa`)
      .auth(await tokenFor(t.http, await createUser(t.db, 'kl_analyst')), { type: 'bearer' })
      .expect(403);
    await request(t.http)
      .delete(`/api/v1/admin/users/${officer.id}/mfa`)
      .auth(adminToken, { type: 'bearer' })
      .expect(204);
    await request(t.http)
      .delete('/api/v1/admin/users/00000000-0000-4000-8000-000000000000/mfa')
      .auth(adminToken, { type: 'bearer' })
      .expect(404);
    await tokenFor(t.http, officer); // the password alone again
    const [entry] = await t.db.query(`SELECT actor_id FROM audit_log WHERE action = 'mfa.reset'`);
    expect(entry.actor_id).toBe(admin.id);
  });
});
