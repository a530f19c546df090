import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';

/** Issue 8 item 7: inputs an attacker sent that answered 500; each must be a 400 naming the field. */
describe('Hostile input is refused with a 400 naming the field (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let officer: string;
  let admin: string;
  let draftId: string;
  let openId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    admin = await tokenFor(t.http, await createUser(t.db, 'platform_admin'));
    openId = (await createEdition(t.http, kl, 2025)).id;
    await openEdition(t.http, kl, openId);
    draftId = (await createEdition(t.http, kl, 2026)).id;
  });
  afterAll(() => t.close());

  /** A 400 whose message names the field, and that gives away no stack trace or SQL. */
  function expectFieldNamed(res: request.Response, field: string, problem: RegExp) {
    expect({ status: res.status, message: res.body.message }).toEqual({
      status: 400,
      message: expect.stringContaining(field),
    });
    expect(res.body.message).toMatch(problem);
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+ \(|QueryFailedError|SELECT |INSERT |UPDATE /);
  }

  const rawJson = (method: 'post' | 'patch', path: string, token: string | null, body: string) => {
    const req = request(t.http)[method](path).set('Content-Type', 'application/json');
    if (token) req.auth(token, { type: 'bearer' });
    return req.send(body);
  };

  describe('compressed bodies', () => {
    /** Sends the bytes as they are: superagent would otherwise serialise a Buffer as JSON. */
    const postEncoded = (encoding: string, bytes: Buffer) =>
      request(t.http)
        .post('/api/v1/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .serialize((b: Buffer) => b as unknown as string)
        .send(bytes);

    it.each(['gzip', 'br', 'deflate'])('refuses a body that is not valid %s with 400', async (encoding) => {
      const res = await postEncoded(encoding, Buffer.from('{"email":"x@y.dk","password":"not compressed"}'));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(new RegExp(`${encoding}|Content-Encoding`, 'i'));
    });

    it('refuses an unsupported Content-Encoding with 415', async () => {
      const res = await postEncoded('zstd', Buffer.from('{}'));
      expect(res.status).toBe(415);
    });

    it('still reads a valid gzip body', async () => {
      const body = JSON.stringify({ email: 'nobody@test.local', password: 'x' });
      const res = await postEncoded('gzip', gzipSync(Buffer.from(body)));
      expect(res.status).toBe(401);
    });
  });

  describe('NUL characters', () => {
    it('in an answer value and in a comment', async () => {
      const value = await request(t.http)
        .patch(`/api/v1/editions/${openId}/my-response`)
        .auth(officer, { type: 'bearer' })
        .send({ version: 0, answers: [{ questionKey: 'general.comments', value: 'a\u0000b' }] });
      expectFieldNamed(value, 'body.answers[0].value', /NUL/);
      const comment = await request(t.http)
        .patch(`/api/v1/editions/${openId}/my-response`)
        .auth(officer, { type: 'bearer' })
        .send({ version: 0, answers: [{ questionKey: 'access.mfa', value: 3, comment: 'x\u0000' }] });
      expectFieldNamed(comment, 'body.answers[0].comment', /NUL/);
    });

    it('in an edition title, a question text and a display name', async () => {
      const title = await request(t.http)
        .post('/api/v1/editions')
        .auth(kl, { type: 'bearer' })
        .send({ year: 2040, title: 'Baseline\u0000' });
      expectFieldNamed(title, 'body.title', /NUL/);
      const rename = await request(t.http)
        .patch(`/api/v1/editions/${draftId}`)
        .auth(kl, { type: 'bearer' })
        .send({ title: '\u0000' });
      expectFieldNamed(rename, 'body.title', /NUL/);
      const question = await request(t.http)
        .patch(`/api/v1/editions/${draftId}/questions/access.mfa`)
        .auth(kl, { type: 'bearer' })
        .send({ textDa: 'Har I MFA?\u0000' });
      expectFieldNamed(question, 'body.textDa', /NUL/);
      const user = await request(t.http).post('/api/v1/admin/users').auth(admin, { type: 'bearer' }).send({
        email: 'new-user@test.local',
        displayName: 'Ny\u0000Bruger',
        password: 'a-long-enough-password',
        role: 'kl_analyst',
      });
      expectFieldNamed(user, 'body.displayName', /NUL/);
    });

    it('in a path segment', async () => {
      const res = await request(t.http)
        .patch(`/api/v1/editions/${draftId}/questions/access.mfa%00`)
        .auth(kl, { type: 'bearer' })
        .send({ textDa: 'Har I MFA?' });
      expectFieldNamed(res, 'path', /NUL/);
    });

    it('in a query string', async () => {
      const res = await request(t.http).get('/api/v1/admin/audit?limit=%00').auth(admin, { type: 'bearer' });
      expectFieldNamed(res, 'query.limit', /NUL/);
    });

    it('in a web form, before the form is even read', async () => {
      const page = await request(t.http).get('/login').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const res = await request(t.http)
        .post('/login')
        .set('Cookie', page.headers['set-cookie'])
        .type('form')
        .send(`_csrf=${encodeURIComponent(csrf)}&email=a%00b%40test.local&password=x`);
      expect(res.status).toBe(400);
      expect(res.text).toContain('body.email');
    });
  });

  describe('lone surrogates', () => {
    it('in the login e-mail, before any sign-in, also escaped as \\ud800 in JSON', async () => {
      const escaped = await rawJson(
        'post',
        '/api/v1/auth/login',
        null,
        '{"email":"\\ud800@test.local","password":"x"}',
      );
      expectFieldNamed(escaped, 'body.email', /surrogate/);
      const raw = await request(t.http)
        .post('/api/v1/auth/login')
        .send({ email: 'officer\ud800@test.local', password: 'x' });
      expectFieldNamed(raw, 'body.email', /surrogate/);
    });

    it('in an answer comment and in an object key', async () => {
      const comment = await rawJson(
        'patch',
        `/api/v1/editions/${openId}/my-response`,
        officer,
        '{"version":0,"answers":[{"questionKey":"access.mfa","value":3,"comment":"\\udc00"}]}',
      );
      expectFieldNamed(comment, 'body.answers[0].comment', /surrogate/);
      const key = await rawJson('post', '/api/v1/editions', kl, '{"year":2041,"title":"x","\\ud800":1}');
      expectFieldNamed(key, 'body', /surrogate/);
    });
  });

  describe('deep nesting', () => {
    it('refuses JSON nested 10,000 levels deep, though it is under the size limit', async () => {
      const body = `{"version":0,"answers":[{"questionKey":"access.mfa","value":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
      expect(body.length).toBeLessThan(1024 * 1024);
      const res = await rawJson('patch', `/api/v1/editions/${openId}/my-response`, officer, body);
      expectFieldNamed(res, 'body.answers[0].value', /nested deeper than 32/);
    });

    it('refuses deep nesting at the top of the body too', async () => {
      const res = await rawJson('post', '/api/v1/auth/login', null, '['.repeat(10_000) + ']'.repeat(10_000));
      expectFieldNamed(res, 'body', /nested deeper than 32/);
    });
  });

  it('refuses an empty question patch with 400 naming that nothing was given', async () => {
    const res = await request(t.http)
      .patch(`/api/v1/editions/${draftId}/questions/access.mfa`)
      .auth(kl, { type: 'bearer' })
      .send({});
    expectFieldNamed(res, 'body', /no field to change/);
  });

  describe('municipality codes', () => {
    it.each(['32768', '1e9', '1000000000', '99', '-151', '151.5', 'x'])(
      'refuses %s as a municipality code in a path',
      async (code) => {
        const officers = await request(t.http)
          .get(`/api/v1/municipalities/${code}/officers`)
          .auth(admin, { type: 'bearer' });
        expectFieldNamed(officers, 'path.code', /municipality code/);
        const statistics = await request(t.http)
          .get(`/api/v1/editions/${openId}/statistics/municipalities/${code}`)
          .auth(officer, { type: 'bearer' });
        expectFieldNamed(statistics, 'path.code', /municipality code/);
      },
    );

    it.each([32768, 1e9, 99, 151.5])('refuses %s as a municipality code in a body', async (code) => {
      const res = await request(t.http)
        .post('/api/v1/admin/api-keys')
        .auth(admin, { type: 'bearer' })
        .send({ municipalityCode: code, name: 'SIEM' });
      expectFieldNamed(res, 'municipalityCode', /municipality code/);
    });

    it('still serves a valid code', async () => {
      await request(t.http)
        .get('/api/v1/municipalities/151/officers')
        .auth(admin, { type: 'bearer' })
        .expect(200);
    });
  });
});
