import request from 'supertest';
import { cookieHeader, csrfOf, Jar } from './support/cookie-jar';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { enrolTotp } from './support/mfa';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { signInWeb } from './support/web-session';

// Issue 13: checks of the signed-in user's current password count on the sign-in throttle.
// With the defaults, the pair (account and address) is blocked after its fifth failure.
const FREE = 5;
const NEW_PASSWORD = 'violet-tugboat-ascends-7';

describe('Current-password checks on the sign-in throttle (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  const changeApi = (token: string, currentPassword: string) =>
    request(t.http)
      .post('/api/v1/me/password')
      .auth(token, { type: 'bearer' })
      .send({ currentPassword, newPassword: NEW_PASSWORD });

  const passwordHash = async (user: TestUser) =>
    (await t.db.query('SELECT password_hash FROM users WHERE id = $1', [user.id]))[0].password_hash as string;

  const failures = async (user: TestUser, scope: 'pair' | 'account') =>
    (
      await t.db.query(`SELECT failures FROM sign_in_failures WHERE scope = $1 AND email = $2`, [
        scope,
        user.email,
      ])
    )[0]?.failures as number | undefined;

  it('counts wrong current passwords on the API and then refuses even the right one with 429', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const token = await tokenFor(t.http, kl);
    const before = await passwordHash(kl);
    for (let i = 0; i < FREE; i++) {
      const wrong = await changeApi(token, `not-it-${i}`).expect(400);
      expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    }
    const blocked = await changeApi(token, TEST_PASSWORD).expect(429);
    expect(blocked.body).toMatchObject({ code: 'SIGN_IN_THROTTLED', details: { scope: 'pair' } });
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await passwordHash(kl)).toBe(before);
    // The same counters as a sign-in: the password form is blocked for this account too.
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(429);
    expect(login.body.code).toBe('SIGN_IN_THROTTLED');
  });

  it('counts a wrong current password and gives the reservation back on the right one', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const token = await tokenFor(t.http, kl);
    await changeApi(token, 'not-it').expect(400);
    expect(await failures(kl, 'pair')).toBe(1);
    expect(await failures(kl, 'account')).toBe(1);
    await changeApi(token, TEST_PASSWORD).expect(204);
    expect(await failures(kl, 'pair')).toBeUndefined();
    expect(await failures(kl, 'account')).toBe(1);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: NEW_PASSWORD })
      .expect(200);
  });

  it('answers the web page with the Danish throttle message, 429 and Retry-After', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { jar } = await signInWeb(t.http, kl);
    const before = await passwordHash(kl);
    const change = async (jar: Jar, currentPassword: string) => {
      const form = await request(t.http)
        .get('/konto/adgangskode')
        .set('Cookie', cookieHeader(jar))
        .expect(200);
      return request(t.http)
        .post('/konto/adgangskode')
        .set('Cookie', cookieHeader(jar))
        .set('Accept', 'text/html')
        .type('form')
        .send({
          _csrf: csrfOf(form.text),
          currentPassword,
          password: NEW_PASSWORD,
          passwordRepeat: NEW_PASSWORD,
        });
    };
    for (let i = 0; i < FREE; i++) expect((await change(jar, `forkert-${i}`)).status).toBe(400);
    const blocked = await change(jar, TEST_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.text).toContain('For mange mislykkede forsøg');
    expect(await passwordHash(kl)).toBe(before);
  });

  it('throttles the password that removes the authenticator app or regenerates recovery codes', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const token = await tokenFor(t.http, kl);
    await enrolTotp(t.http, token);
    // Normal use: a right password gives its reservation back.
    await request(t.http)
      .post('/api/v1/me/mfa/recovery-codes')
      .auth(token, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(200);
    expect(await failures(kl, 'pair')).toBeUndefined();
    for (let i = 0; i < FREE; i++) {
      const wrong = await request(t.http)
        .delete('/api/v1/me/mfa/totp')
        .auth(token, { type: 'bearer' })
        .send({ password: `wrong-${i}` })
        .expect(403);
      expect(wrong.body.code).toBe('MFA_REAUTH_FAILED');
    }
    const removal = await request(t.http)
      .delete('/api/v1/me/mfa/totp')
      .auth(token, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(429);
    expect(removal.body.code).toBe('SIGN_IN_THROTTLED');
    expect(Number(removal.headers['retry-after'])).toBeGreaterThan(0);
    const codes = await request(t.http)
      .post('/api/v1/me/mfa/recovery-codes')
      .auth(token, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(429);
    expect(codes.body.code).toBe('SIGN_IN_THROTTLED');
    expect(await t.db.query('SELECT 1 FROM mfa_totp WHERE user_id = $1', [kl.id])).toHaveLength(1);
  });
});
