import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, tokenFor } from './support/factories';

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

describe('Sign-in throttling (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('answers 429 after repeated failures for an account, even with the right password, and says when to retry', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    for (let i = 0; i < 5; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: kl.email, password: `guess-${i}` })
        .expect(401);
    }
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(429);
    expect(res.body.message).toMatch(
      /Too many failed sign-ins for this account\. Try again in \d+ minutes?\./,
    );
    expect(res.body.details).toMatchObject({ scope: 'account' });
    expect(res.body.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('throttles an address that tries many accounts', async () => {
    for (let i = 0; i < 30; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: `spray-${i}@test.local`, password: 'x' })
        .expect(401);
    }
    const kl = await createUser(t.db, 'kl_analyst');
    const res = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(429);
    expect(res.body.details).toMatchObject({ scope: 'address' });
  });

  it('forgets earlier failures after a successful sign-in', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    for (let i = 0; i < 4; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: kl.email, password: 'wrong' })
        .expect(401);
    }
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(200);
    for (let i = 0; i < 4; i++) {
      await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: kl.email, password: 'wrong' })
        .expect(401);
    }
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(200);
  });
});
