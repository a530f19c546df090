import request from 'supertest';
import { hashSecretToken } from '@app/auth';
import { Clock } from '@app/config';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, tokenFor } from './support/factories';
import { SmtpInbox, startSmtpInbox } from './support/smtp-inbox';

describe('Sign-in, roles and tenant binding (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('signs in with email and password and returns a JWT and the user', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email.toUpperCase(), password: TEST_PASSWORD })
      .expect(200);
    expect(res.body).toMatchObject({
      tokenType: 'Bearer',
      user: { id: kl.id, email: kl.email, role: 'kl_analyst', municipalityCode: null },
    });
    const me = await request(t.http)
      .get('/api/v1/me')
      .auth(res.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ kind: 'user', id: kl.id, role: 'kl_analyst' });
  });

  it('answers 401 for a wrong password and for an unknown account, with the same message', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const wrong = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: 'nope' })
      .expect(401);
    const unknown = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.local', password: 'nope' })
      .expect(401);
    expect(wrong.body.message).toBe('Invalid email or password');
    expect(unknown.body.message).toBe(wrong.body.message);
  });

  it('refuses /me without a token, with a forged token and with an expired session of a deactivated user', async () => {
    await request(t.http).get('/api/v1/me').expect(401);
    await request(t.http).get('/api/v1/me').auth('not.a.jwt', { type: 'bearer' }).expect(401);
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const token = await tokenFor(t.http, officer);
    await request(t.http).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(200);
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [officer.id]);
    await request(t.http).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(401);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: TEST_PASSWORD })
      .expect(401);
  });

  it('lists the 98 municipalities with their regions to any signed-in user', async () => {
    const cert = await createUser(t.db, 'cert_analyst');
    const res = await request(t.http)
      .get('/api/v1/municipalities')
      .auth(await tokenFor(t.http, cert), { type: 'bearer' })
      .expect(200);
    expect(res.body).toHaveLength(98);
    const perRegion: Record<string, number> = {};
    for (const m of res.body) perRegion[m.regionName] = (perRegion[m.regionName] ?? 0) + 1;
    expect(perRegion).toEqual({
      'Region Hovedstaden': 29,
      'Region Sjælland': 17,
      'Region Syddanmark': 22,
      'Region Midtjylland': 19,
      'Region Nordjylland': 11,
    });
    expect(res.body.find((m: { code: number }) => m.code === 151)).toEqual({
      code: 151,
      name: 'Ballerup',
      regionCode: 1084,
      regionName: 'Region Hovedstaden',
      population: 50039,
    });
    await request(t.http).get('/api/v1/municipalities').expect(401);
  });

  it('keeps admin routes to platform administrators', async () => {
    for (const role of ['kl_analyst', 'cert_analyst'] as const) {
      const user = await createUser(t.db, role);
      const res = await request(t.http)
        .get('/api/v1/admin/users')
        .auth(await tokenFor(t.http, user), { type: 'bearer' });
      expect(res.status).toBe(403);
    }
    const officer = await createUser(t.db, 'municipality_officer', 151);
    await request(t.http)
      .get('/api/v1/admin/users')
      .auth(await tokenFor(t.http, officer), { type: 'bearer' })
      .expect(403);
    const admin = await createUser(t.db, 'platform_admin');
    const res = await request(t.http)
      .get('/api/v1/admin/users')
      .auth(await tokenFor(t.http, admin), { type: 'bearer' })
      .expect(200);
    expect(res.body.some((u: Record<string, unknown>) => 'passwordHash' in u)).toBe(false);
  });

  it('binds an officer to their own municipality', async () => {
    const ballerup = await createUser(t.db, 'municipality_officer', 151);
    const colleague = await createUser(t.db, 'municipality_officer', 151);
    await createUser(t.db, 'municipality_officer', 147);
    const token = await tokenFor(t.http, ballerup);
    const own = await request(t.http)
      .get('/api/v1/municipalities/151/officers')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(own.body.map((u: { email: string }) => u.email).sort()).toEqual(
      [ballerup.email, colleague.email].sort(),
    );
    const other = await request(t.http)
      .get('/api/v1/municipalities/147/officers')
      .auth(token, { type: 'bearer' });
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('@test.local');
    const kl = await createUser(t.db, 'kl_analyst');
    await request(t.http)
      .get('/api/v1/municipalities/151/officers')
      .auth(await tokenFor(t.http, kl), { type: 'bearer' })
      .expect(403);
  });
});

/** A password attempt on the API from a given client address (the app trusts loopback proxies). */
function attempt(t: TestApp, email: string, password: string, address: string) {
  return request(t.http).post('/api/v1/auth/login').set('X-Forwarded-For', address).send({ email, password });
}

async function auditActions(
  t: TestApp,
  action: string,
): Promise<Array<{ actor: string; details: Record<string, unknown> }>> {
  return t.db.query(`SELECT actor, details FROM audit_log WHERE action = $1 ORDER BY seq`, [action]);
}

/** Runs the app's clock `seconds` ahead from now on (the database clock is not used for throttling). */
function advanceClock(t: TestApp, seconds: number): void {
  const clock = t.app.get(Clock);
  const later = new Date(clock.now().getTime() + seconds * 1000);
  jest.spyOn(clock, 'now').mockReturnValue(later);
}

/** A browser on the sign-in page: keeps cookies and posts forms with the page's CSRF token. */
async function browserAt(t: TestApp, address: string, path = '/login') {
  const agent = request.agent(t.http);
  const page = await agent.get(path).set('X-Forwarded-For', address).expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  const post = (to: string, form: Record<string, string>) =>
    agent
      .post(to)
      .set('X-Forwarded-For', address)
      .type('form')
      .send({ _csrf: csrf, ...form });
  return { page, post };
}

const ATTACKER = '203.0.113.66';
const OWNER = '198.51.100.20';

describe('Sign-in throttling (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));
  afterEach(() => jest.restoreAllMocks());

  it('does not let a guesser at another address lock the owner out', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    for (let i = 0; i < 5; i++) await attempt(t, officer.email, `guess-${i}`, ATTACKER).expect(401);
    await attempt(t, officer.email, 'guess-5', ATTACKER).expect(429);
    await attempt(t, officer.email, TEST_PASSWORD, ATTACKER).expect(429);
    await attempt(t, officer.email, TEST_PASSWORD, OWNER).expect(200);
  });

  it('answers 429 with Retry-After after repeated failures from one address, and the wait doubles', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    for (let i = 0; i < 5; i++) await attempt(t, kl.email, `guess-${i}`, OWNER).expect(401);
    const res = await attempt(t, kl.email, TEST_PASSWORD, OWNER).expect(429);
    expect(res.body.message).toBe(
      'Too many failed sign-ins for this account from this address. Try again in 30 seconds.',
    );
    expect(res.body).toMatchObject({ error: 'Too Many Requests', code: 'SIGN_IN_THROTTLED' });
    expect(res.body.details).toEqual({ scope: 'pair', retryAfterSeconds: 30 });
    expect(res.headers['retry-after']).toBe('30');

    advanceClock(t, 31);
    await attempt(t, kl.email, 'guess-5', OWNER).expect(401);
    const next = await attempt(t, kl.email, TEST_PASSWORD, OWNER).expect(429);
    expect(next.headers['retry-after']).toBe('60');
  });

  it('gives 40 concurrent wrong guesses from one address at most 5 password checks', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const statuses = (
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => attempt(t, officer.email, `guess-${i}`, ATTACKER)),
      )
    ).map((r) => r.status);
    const checked = await auditActions(t, 'auth.sign-in-failed');
    expect(checked.filter((e) => e.details.reason === 'bad-password')).toHaveLength(5);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(35);
  });

  it('bounds guessing from many addresses with the account limit, checked atomically', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const statuses = (
      await Promise.all(
        Array.from({ length: 110 }, (_, i) =>
          attempt(t, officer.email, `guess-${i}`, `10.0.${i >> 8}.${i & 255}`),
        ),
      )
    ).map((r) => r.status);
    const checked = await auditActions(t, 'auth.sign-in-failed');
    expect(checked.filter((e) => e.details.reason === 'bad-password')).toHaveLength(100);
    expect(statuses.filter((s) => s === 401)).toHaveLength(100);
    const locked = await attempt(t, officer.email, TEST_PASSWORD, OWNER).expect(429);
    expect(locked.body.details.scope).toBe('account');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < 30; i++) await attempt(t, `spray-${i}@test.local`, 'x', ATTACKER).expect(401);
    const kl = await createUser(t.db, 'kl_analyst');
    const res = await attempt(t, kl.email, TEST_PASSWORD, ATTACKER).expect(429);
    expect(res.body.details).toMatchObject({ scope: 'address' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) await attempt(t, kl.email, 'wrong', OWNER).expect(401);
      await attempt(t, kl.email, TEST_PASSWORD, OWNER).expect(200);
    }
  });

  it('audits a throttled flood as one entry per window with the count', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    for (let i = 0; i < 5; i++) await attempt(t, officer.email, `guess-${i}`, ATTACKER).expect(401);
    for (let i = 0; i < 50; i++) await attempt(t, officer.email, `flood-${i}`, ATTACKER).expect(429);
    expect(await auditActions(t, 'auth.sign-in-failed')).toHaveLength(5);
    expect(await auditActions(t, 'auth.sign-in-throttled')).toHaveLength(0);

    advanceClock(t, 901);
    await attempt(t, officer.email, TEST_PASSWORD, OWNER).expect(200);
    const throttled = await auditActions(t, 'auth.sign-in-throttled');
    expect(throttled).toEqual([
      {
        actor: officer.email,
        details: expect.objectContaining({ scope: 'pair', refused: 50 }),
      },
    ]);
    const [{ count }] = await t.db.query(`SELECT count(*)::int AS count FROM audit_log`);
    expect(count).toBe(5 + 1 + 1);
  });

  it('tells the web user in Danish how long to wait, with Retry-After, and offers no link without e-mail', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const browser = await browserAt(t, OWNER);
    for (let i = 0; i < 5; i++) {
      await browser.post('/login', { email: officer.email, password: `guess-${i}` }).expect(401);
    }
    const res = await browser.post('/login', { email: officer.email, password: TEST_PASSWORD }).expect(429);
    expect(res.headers['retry-after']).toBe('30');
    expect(res.text).toContain(
      'For mange mislykkede forsøg på at logge ind. Vent 30 sekunder, og prøv igen.',
    );
    expect(res.text).not.toContain('/login/laas-op');
  });
});

describe('Unlock link by e-mail (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let inbox: SmtpInbox['mails'];

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.mails;
    // Read when the app is built; optional settings fall through to the environment.
    process.env.SMTP_URL = smtp.url;
    t = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    inbox.length = 0;
    await resetData(t.db);
  });
  afterEach(() => jest.restoreAllMocks());

  /** The owner mistypes until throttled, is offered a link on the page, and asks for it. */
  async function throttleOwnerAndAskForLink(email: string) {
    for (let i = 0; i < 5; i++) await attempt(t, email, `typo-${i}`, OWNER).expect(401);
    const owner = await browserAt(t, OWNER);
    const throttled = await owner.post('/login', { email, password: TEST_PASSWORD }).expect(429);
    expect(throttled.text).toContain('/login/laas-op');
    await owner.post('/login/laas-op', { email }).expect(200);
    expect(inbox).toHaveLength(1);
    return owner;
  }

  async function storedUnlockHashes(): Promise<string[]> {
    const rows = await t.db.query(`SELECT token_hash FROM sign_in_unlock_tokens WHERE used_at IS NULL`);
    return rows.map((r: { token_hash: string }) => r.token_hash);
  }

  function linkIn(mail: { text: string }): string {
    return /http:\/\/localhost:3000(\/login\/laas-op\?token=[A-Za-z0-9_-]+)/.exec(mail.text)![1];
  }

  it('mails the owner a link that signs in past the lock once, and never shows it to the asker', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    for (let i = 0; i < 100; i++) {
      await attempt(t, officer.email, `guess-${i}`, `10.1.${i >> 8}.${i & 255}`).expect(401);
    }
    await attempt(t, officer.email, TEST_PASSWORD, OWNER).expect(429);

    const asker = await browserAt(t, ATTACKER);
    const asked = await asker.post('/login/laas-op', { email: officer.email }).expect(200);
    expect(asked.text).toContain('Tjek din e-mail');
    expect(inbox).toHaveLength(1);
    expect(inbox[0].to).toBe(officer.email);
    const link = linkIn(inbox[0]);
    expect(asked.text).not.toContain(link.split('token=')[1]);
    expect(await storedUnlockHashes()).toEqual([hashSecretToken(link.split('token=')[1])]);

    const owner = await browserAt(t, OWNER, link);
    expect(owner.page.text).toContain('name="unlock"');
    const token = /name="unlock" value="([^"]+)"/.exec(owner.page.text)![1];
    const signedIn = await owner
      .post('/login', { email: officer.email, password: TEST_PASSWORD, unlock: token })
      .expect(303);
    expect(signedIn.headers.location).toBe('/');
    await attempt(t, officer.email, TEST_PASSWORD, '192.0.2.9').expect(200);

    const again = await browserAt(t, OWNER, link);
    const reused = await again
      .post('/login', { email: officer.email, password: TEST_PASSWORD, unlock: token })
      .expect(400);
    expect(reused.text).toContain('ugyldigt, udløbet eller allerede brugt');
  });

  it('sends nothing for an unknown or unthrottled account, and the answer is the same', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const asker = await browserAt(t, ATTACKER);
    const unthrottled = await asker.post('/login/laas-op', { email: officer.email }).expect(200);
    const unknown = await asker.post('/login/laas-op', { email: 'nobody@test.local' }).expect(200);
    expect(unknown.text.replace(/value="[^"]*"/g, '')).toBe(unthrottled.text.replace(/value="[^"]*"/g, ''));
    expect(inbox).toHaveLength(0);
  });

  it('refuses an expired link', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const owner = await throttleOwnerAndAskForLink(officer.email);
    const token = linkIn(inbox[0]).split('token=')[1];
    expect(await storedUnlockHashes()).toEqual([hashSecretToken(token)]);
    advanceClock(t, 1801);
    await owner.post('/login', { email: officer.email, password: TEST_PASSWORD, unlock: token }).expect(400);
  });
});
