import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';

describe('Administration: users and API keys (e2e)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    adminToken = await tokenFor(t.http, await createUser(t.db, 'platform_admin'));
  });

  const userCount = async () => Number((await t.db.query('SELECT count(*) FROM users'))[0].count);

  it('creates an officer bound to a municipality, who can then sign in', async () => {
    const res = await request(t.http)
      .post('/api/v1/admin/users')
      .auth(adminToken, { type: 'bearer' })
      .send({
        email: 'Ny@Ballerup.dk',
        displayName: 'Ny koordinator',
        password: 'a-long-password-1',
        role: 'municipality_officer',
        municipalityCode: 151,
      })
      .expect(201);
    expect(res.body).toMatchObject({
      email: 'ny@ballerup.dk',
      role: 'municipality_officer',
      municipalityCode: 151,
    });
    expect(res.body.passwordHash).toBeUndefined();
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'ny@ballerup.dk', password: 'a-long-password-1' })
      .expect(200);
    expect(login.body.user.municipalityCode).toBe(151);
  });

  it('rejects bad input with a 4xx naming the problem, and writes nothing', async () => {
    const before = await userCount();
    const cases: Array<[Record<string, unknown>, number, RegExp]> = [
      [{ email: 'x@y.dk', displayName: 'X', password: 'a-long-password-1', role: 'wizard' }, 400, /role/],
      [
        { email: 'not-an-email', displayName: 'X', password: 'a-long-password-1', role: 'kl_analyst' },
        400,
        /email/,
      ],
      [{ email: 'x@y.dk', displayName: 'X', password: 'short', role: 'kl_analyst' }, 400, /password/],
      [
        {
          email: 'x@y.dk',
          displayName: 'X',
          password: 'a-long-password-1',
          role: 'kl_analyst',
          isAdmin: true,
        },
        400,
        /isAdmin/,
      ],
      [
        { email: 'x@y.dk', displayName: 'X', password: 'a-long-password-1', role: 'municipality_officer' },
        422,
        /municipalityCode is required/,
      ],
      [
        {
          email: 'x@y.dk',
          displayName: 'X',
          password: 'a-long-password-1',
          role: 'kl_analyst',
          municipalityCode: 151,
        },
        422,
        /only allowed/,
      ],
      [
        {
          email: 'x@y.dk',
          displayName: 'X',
          password: 'a-long-password-1',
          role: 'municipality_officer',
          municipalityCode: 999,
        },
        422,
        /999 is not a municipality/,
      ],
      [
        {
          email: 'x@y.dk',
          displayName: 'X',
          password: 'a-long-password-1',
          role: 'municipality_officer',
          municipalityCode: '151',
        },
        400,
        /municipalityCode/,
      ],
    ];
    for (const [body, status, message] of cases) {
      const res = await request(t.http)
        .post('/api/v1/admin/users')
        .auth(adminToken, { type: 'bearer' })
        .send(body);
      expect({ status: res.status, message: res.body.message }).toEqual({
        status,
        message: expect.stringMatching(message),
      });
      expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String) });
    }
    expect(await userCount()).toBe(before);
  });

  it('answers 409 for a duplicate email', async () => {
    const body = {
      email: 'dup@test.local',
      displayName: 'D',
      password: 'a-long-password-1',
      role: 'kl_analyst',
    };
    await request(t.http)
      .post('/api/v1/admin/users')
      .auth(adminToken, { type: 'bearer' })
      .send(body)
      .expect(201);
    const res = await request(t.http)
      .post('/api/v1/admin/users')
      .auth(adminToken, { type: 'bearer' })
      .send({ ...body, email: 'DUP@test.local' })
      .expect(409);
    expect(res.body.message).toContain('already exists');
  });

  it('answers malformed JSON, wrong content and bad ids with 400, never 500', async () => {
    const malformed = await request(t.http)
      .post('/api/v1/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email": "a@b.dk", "password": ')
      .expect(400);
    expect(malformed.body.statusCode).toBe(400);
    await request(t.http).post('/api/v1/auth/login').send([1, 2, 3]).expect(400);
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: { $ne: null }, password: 'x' })
      .expect(400);
    const badId = await request(t.http)
      .patch('/api/v1/admin/users/not-a-uuid')
      .auth(adminToken, { type: 'bearer' })
      .send({ active: false })
      .expect(400);
    expect(badId.body.message).toMatch(/uuid/i);
    await request(t.http)
      .get('/api/v1/municipalities/abc/officers')
      .auth(adminToken, { type: 'bearer' })
      .expect(400);
  });

  it('issues an API key bound to one municipality, stores only its hash, and revokes it', async () => {
    const created = await request(t.http)
      .post('/api/v1/admin/api-keys')
      .auth(adminToken, { type: 'bearer' })
      .send({ municipalityCode: 151, name: 'SIEM' })
      .expect(201);
    const key: string = created.body.key;
    expect(key).toMatch(/^bk_[A-Za-z0-9]{8}_/);
    const stored = await t.db.query('SELECT key_hash, prefix, last_used_at FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(stored[0].key_hash).not.toContain(key);
    // The secret part follows `bk_<8-char prefix>_` and may itself contain '_'.
    expect(JSON.stringify(stored)).not.toContain(key.slice('bk_12345678_'.length));
    expect(stored[0].last_used_at).toBeNull();

    const me = await request(t.http).get('/api/v1/me').set('X-API-Key', key).expect(200);
    expect(me.body).toEqual({ kind: 'api_key', id: created.body.id, name: 'SIEM', municipalityCode: 151 });
    const [{ last_used_at }] = await t.db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [
      created.body.id,
    ]);
    expect(last_used_at).not.toBeNull();

    // A key is not a user: it cannot reach user routes or another municipality's data.
    await request(t.http).get('/api/v1/municipalities').set('X-API-Key', key).expect(403);
    await request(t.http).get('/api/v1/municipalities/151/officers').set('X-API-Key', key).expect(403);
    await request(t.http).get('/api/v1/admin/users').set('X-API-Key', key).expect(403);

    const listed = await request(t.http)
      .get('/api/v1/admin/api-keys')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(key);

    await request(t.http)
      .post(`/api/v1/admin/api-keys/${created.body.id}/revoke`)
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    await request(t.http).get('/api/v1/me').set('X-API-Key', key).expect(401);
    await request(t.http)
      .get('/api/v1/me')
      .set('X-API-Key', `${key.slice(0, -1)}x`)
      .expect(401);
  });

  it('refuses an API key for a municipality that does not exist', async () => {
    const res = await request(t.http)
      .post('/api/v1/admin/api-keys')
      .auth(adminToken, { type: 'bearer' })
      .send({ municipalityCode: 998, name: 'X' })
      .expect(422);
    expect(res.body.message).toContain('998');
  });

  it('records administrative actions and sign-ins in the audit log, never secrets', async () => {
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'ghost@test.local', password: 'secret-guess' })
      .expect(401);
    const created = await request(t.http)
      .post('/api/v1/admin/api-keys')
      .auth(adminToken, { type: 'bearer' })
      .send({ municipalityCode: 151, name: 'SIEM' })
      .expect(201);
    const rows: Array<{ action: string; actor: string; target_id: string | null; details: unknown }> =
      await t.db.query('SELECT action, actor, target_id, details FROM audit_log ORDER BY seq');
    expect(rows.map((r) => r.action)).toEqual([
      'auth.signed-in',
      'auth.sign-in-failed',
      'admin.api-key-created',
    ]);
    expect(rows[1]).toMatchObject({
      actor: 'ghost@test.local',
      details: { reason: 'unknown-account', channel: 'api' },
    });
    expect(rows[2].target_id).toBe(created.body.id);
    const everything = JSON.stringify(rows);
    expect(everything).not.toContain('secret-guess');
    expect(everything).not.toContain(created.body.key);
  });
});
