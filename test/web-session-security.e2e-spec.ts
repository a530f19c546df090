import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';
import { reportBody } from './support/incidents';
import { cookieHeader, csrfOf, Jar, keep } from './support/cookie-jar';
import { signInWeb } from './support/web-session';

/** The jar's cookie whose name ends with `suffix`, so the CSRF checks below also run on the old names. */
const named = (jar: Jar, suffix: string) => [...jar].find(([k]) => k.endsWith(suffix))!;

describe('Web sessions behind HTTPS: cookies, CSRF bound to the session, no-store (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ secureCookie: true });
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  const signIn = (user: TestUser) => signInWeb(t.http, user);

  const page = (jar: Jar, path: string) =>
    request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');

  it('names the session and CSRF cookies __Host-… with Secure, Path=/ and no Domain, and reads them back', async () => {
    const { jar, set } = await signIn(await createUser(t.db, 'municipality_officer', 151));
    for (const name of ['__Host-baseline_csrf', '__Host-baseline_session']) {
      const cookie = set.find((c) => c.startsWith(`${name}=`));
      expect({ name, cookie }).toEqual({ name, cookie: expect.any(String) });
      const attributes = cookie!.split(/;\s*/).slice(1);
      expect(attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']));
      expect(attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    }
    expect([...jar.keys()].sort()).toEqual(['__Host-baseline_csrf', '__Host-baseline_session']);
    expect((await page(jar, '/').expect(200)).text).toContain('Velkommen');
    // A cookie without the prefix (which a sibling subdomain could set) is no session.
    await page(new Map([['baseline_session', jar.get('__Host-baseline_session')!]]), '/')
      .expect(303)
      .expect('Location', '/login');
  });

  it('refuses a CSRF token from another session with 403, and accepts the session’s own', async () => {
    const { jar: a } = await signIn(await createUser(t.db, 'municipality_officer', 151));
    const { jar: b } = await signIn(await createUser(t.db, 'municipality_officer', 147));
    const tokenA = csrfOf((await page(a, '/').expect(200)).text);
    const tokenB = csrfOf((await page(b, '/').expect(200)).text);
    // Session B, with A's token, even with A's CSRF cookie planted in B's browser.
    const [csrfName, csrfA] = named(a, 'baseline_csrf');
    const planted = new Map(b).set(csrfName, csrfA);
    for (const jar of [b, planted]) {
      const refused = await request(t.http)
        .post('/logout')
        .set('Cookie', cookieHeader(jar))
        .set('Accept', 'text/html')
        .type('form')
        .send({ _csrf: tokenA });
      expect(refused.status).toBe(403);
    }
    const refusedJson = await request(t.http)
      .post('/logout')
      .set('Cookie', cookieHeader(planted))
      .set('X-CSRF-Token', tokenA)
      .send({});
    expect(refusedJson.status).toBe(403);
    await page(b, '/').expect(200);

    const [sessionName] = named(b, 'baseline_session');
    const accepted = await request(t.http)
      .post('/logout')
      .set('Cookie', cookieHeader(b))
      .type('form')
      .send({ _csrf: tokenB })
      .expect(303);
    expect(accepted.headers.location).toBe('/login');
    expect(accepted.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
    await page(new Map([[sessionName, b.get(sessionName)!]]), '/').expect(303);
  });

  it('sends Cache-Control: no-store with every signed-in page and with my-response', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const klToken = await tokenFor(t.http, kl);
    const edition = await createEdition(t.http, klToken, 2025);
    await openEdition(t.http, klToken, edition.id);
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const { jar: officerWeb } = await signIn(officer);
    const { jar: klWeb } = await signIn(kl);
    const pages: Array<[Jar, string]> = [
      [officerWeb, '/'],
      [officerWeb, '/undersoegelser'],
      [officerWeb, `/undersoegelser/${edition.id}`],
      [officerWeb, `/undersoegelser/${edition.id}/indsend`],
      [officerWeb, '/rapporter'],
      [officerWeb, '/landsresultater'],
      [officerWeb, '/findes-ikke'],
      [klWeb, '/administration/udgaver'],
      [klWeb, `/administration/udgaver/${edition.id}/deltagelse`],
      [klWeb, '/administration/brug'],
    ];
    for (const [jar, path] of pages) {
      const res = await page(jar, path);
      expect({ path, cacheControl: res.headers['cache-control'] }).toEqual({
        path,
        cacheControl: 'no-store',
      });
    }

    // The static assets keep their max-age: they are the same for everyone.
    const css = await request(t.http).get('/assets/app/app.css').expect(200);
    expect(css.headers['cache-control']).toMatch(/max-age=\d+/);

    const token = await tokenFor(t.http, officer);
    const mine = `/api/v1/editions/${edition.id}/my-response`;
    const bearer = (r: request.Test) => r.auth(token, { type: 'bearer' });
    const api: Array<[string, request.Test]> = [
      ['GET my-response', bearer(request(t.http).get(mine))],
      [
        'PATCH my-response',
        bearer(request(t.http).patch(mine)).send({
          version: 0,
          answers: [{ questionKey: 'access.mfa', value: 4 }],
        }),
      ],
      ['submit', bearer(request(t.http).post(`${mine}/submit`)).send({ version: 1 })],
      ['reopen', bearer(request(t.http).post(`${mine}/reopen`)).send({ version: 1 })],
      ['me', bearer(request(t.http).get('/api/v1/auth/me'))],
    ];
    for (const [route, call] of api) {
      const res = await call;
      expect({ route, status: res.status < 500, cacheControl: res.headers['cache-control'] }).toEqual({
        route,
        status: true,
        cacheControl: 'no-store',
      });
    }
  });

  it('refuses a state-changing web route without the token, with a wrong one, or from another site', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const edition = await createEdition(t.http, await tokenFor(t.http, kl), 2025);
    await openEdition(t.http, await tokenFor(t.http, kl), edition.id);
    const { jar } = await signIn(await createUser(t.db, 'municipality_officer', 151));
    const home = await page(jar, '/').expect(200);
    const token = csrfOf(home.text);
    const post = (path: string, headers: Record<string, string>, form: Record<string, string>) => {
      const req = request(t.http)
        .post(path)
        .set('Cookie', cookieHeader(jar))
        .set('Accept', 'application/json');
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.type('form').send(form);
    };
    const routes = [`/undersoegelser/${edition.id}/svar`, `/undersoegelser/${edition.id}/indsend`, '/logout'];
    for (const path of routes) {
      const refusals = [
        await post(path, {}, { version: '0' }),
        await post(path, {}, { version: '0', _csrf: token.slice(0, -2) + 'xx' }),
        await post(path, { Origin: 'https://evil.example' }, { version: '0', _csrf: token }),
        await post(path, { Origin: 'null' }, { version: '0', _csrf: token }),
        await post(path, { Referer: 'https://evil.example/form' }, { version: '0', _csrf: token }),
      ];
      expect(refusals.map((r) => [path, r.status, r.body.code])).toEqual(
        refusals.map(() => [path, 403, 'CSRF_REJECTED']),
      );
    }
    // The JSON route takes the token in a header, and is refused the same way.
    const autosave = (headers: Record<string, string>) => {
      const req = request(t.http)
        .post(`/undersoegelser/${edition.id}/svar.json`)
        .set('Cookie', cookieHeader(jar));
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      return req.send({ version: 0, answers: [{ questionKey: 'access.mfa', value: '4' }] });
    };
    expect((await autosave({})).status).toBe(403);
    expect((await autosave({ 'X-CSRF-Token': token, Origin: 'https://evil.example' })).status).toBe(403);
    // Nothing was saved by any of them; with the token and this site's origin, it is.
    expect((await autosave({ 'X-CSRF-Token': token })).status).toBe(200);
    await post(`/undersoegelser/${edition.id}/indsend`, {}, { version: '1', _csrf: token }).expect(422);
    await post('/logout', {}, { _csrf: token }).expect(303);
  });

  it('checks the CSRF token of a multipart upload once its fields are read, and refuses it otherwise', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const bearer = await tokenFor(t.http, officer);
    const incident = await request(t.http)
      .post('/api/v1/incidents')
      .set('Authorization', `Bearer ${bearer}`)
      .send(reportBody())
      .expect(201);
    const { jar } = await signIn(officer);
    const token = csrfOf((await page(jar, `/haendelser/${incident.body.id}`).expect(200)).text);
    const upload = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) => {
      const req = request(t.http)
        .post(path)
        .set('Cookie', cookieHeader(jar))
        .set('Accept', 'application/json');
      for (const [k, v] of Object.entries(headers)) req.set(k, v);
      for (const [k, v] of Object.entries(fields)) req.field(k, v);
      return req.attach('file', Buffer.from('2026-12-01 login failed\n'), 'log.txt');
    };
    const bilag = `/haendelser/${incident.body.id}/bilag`;
    const refusals = [
      await upload(bilag, {}),
      await upload(bilag, { _csrf: token.slice(0, -2) + 'xx' }),
      await upload(bilag, { _csrf: token }, { Origin: 'https://evil.example' }),
      // A route that does not read multipart cannot see the token in it: refused, not let through.
      await upload('/logout', { _csrf: token }),
    ];
    expect(refusals.map((r) => [r.status, r.body.code])).toEqual(refusals.map(() => [403, 'CSRF_REJECTED']));
    const attachments = () =>
      request(t.http)
        .get(`/api/v1/incidents/${incident.body.id}/attachments`)
        .set('Authorization', `Bearer ${bearer}`)
        .expect(200);
    expect((await attachments()).body).toEqual([]);
    // With the token in the form, the file is kept.
    const ok = await upload(bilag, { _csrf: token }).expect(303);
    expect(ok.headers.location).toBe(`/haendelser/${incident.body.id}?besked=bilag`);
    expect((await attachments()).body).toEqual([expect.objectContaining({ fileName: 'log.txt' })]);
  });

  it('refuses a sign-in form from another site even with a valid pre-session token', async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const login = await request(t.http).get('/login').expect(200);
    const jar = keep(new Map(), login);
    const send = () =>
      request(t.http)
        .post('/login')
        .set('Cookie', cookieHeader(jar))
        .type('form')
        .send({ _csrf: csrfOf(login.text), email: user.email, password: TEST_PASSWORD });
    const foreign = await send().set('Origin', 'https://evil.example').set('Accept', 'application/json');
    expect(foreign.status).toBe(403);
    expect(foreign.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'CSRF_REJECTED' });
    // This site's own origin, as the Host header names it, passes (as does no Origin at all).
    await send().set('Host', 'baseline.test').set('Origin', 'http://baseline.test').expect(303);
    await send().expect(303);
  });

  it('holds the API and autosave to the same answer limits, at the boundary', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const edition = await createEdition(t.http, await tokenFor(t.http, kl), 2025);
    await openEdition(t.http, await tokenFor(t.http, kl), edition.id);
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const bearer = await tokenFor(t.http, officer);
    const { jar } = await signIn(officer);
    const token = csrfOf((await page(jar, '/').expect(200)).text);
    const viaApi = (answers: unknown[]) =>
      request(t.http)
        .patch(`/api/v1/editions/${edition.id}/my-response`)
        .auth(bearer, { type: 'bearer' })
        .send({ version: 0, answers });
    const viaWeb = (answers: unknown[]) =>
      request(t.http)
        .post(`/undersoegelser/${edition.id}/svar.json`)
        .set('Cookie', cookieHeader(jar))
        .set('X-CSRF-Token', token)
        .send({ version: 0, answers });
    const comment = (length: number) => [
      { questionKey: 'access.mfa', value: 4, comment: 'x'.repeat(length) },
    ];
    const webComment = (length: number) => [
      { questionKey: 'access.mfa', value: '4', comment: 'x'.repeat(length) },
    ];
    const many = (n: number) => Array.from({ length: n }, () => ({ questionKey: 'access.mfa', value: 4 }));
    const results = {
      apiComment2000: (await viaApi(comment(2000))).status,
      apiComment2001: (await viaApi(comment(2001))).body.code,
      webComment2001: (await viaWeb(webComment(2001))).body.code,
      // 500 answers pass the DTO (and are refused for naming a question twice); 501 do not.
      api500: (await viaApi(many(500))).body.code,
      web500: (await viaWeb(many(500))).body.code,
      api501: (await viaApi(many(501))).body.code,
      web501: (await viaWeb(many(501))).body.code,
    };
    expect(results).toEqual({
      apiComment2000: 200,
      apiComment2001: 'VALIDATION_FAILED',
      webComment2001: 'VALIDATION_FAILED',
      api500: 'ANSWER_INVALID',
      web500: 'ANSWER_INVALID',
      api501: 'VALIDATION_FAILED',
      web501: 'VALIDATION_FAILED',
    });
    // The web saves a 2,000-character comment on top of the API's version 1.
    const saved = await request(t.http)
      .post(`/undersoegelser/${edition.id}/svar.json`)
      .set('Cookie', cookieHeader(jar))
      .set('X-CSRF-Token', token)
      .send({ version: 1, answers: webComment(2000) });
    expect(saved.status).toBe(200);
  });
});
