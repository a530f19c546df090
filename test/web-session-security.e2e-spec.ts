import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';

/** A browser's cookies as `name=value` pairs, from Set-Cookie headers. */
type Jar = Map<string, string>;

const setCookies = (res: request.Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

function keep(jar: Jar, res: request.Response): Jar {
  for (const c of setCookies(res)) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1];
/** The jar's cookie whose name ends with `suffix`, so the CSRF checks below also run on the old names. */
const named = (jar: Jar, suffix: string) => [...jar].find(([k]) => k.endsWith(suffix))!;

describe('Web sessions behind HTTPS: cookies, CSRF bound to the session, no-store (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ secureCookie: true });
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  /** Signs in through the login form like a browser; returns its cookies and the Set-Cookie headers seen. */
  async function signIn(user: TestUser) {
    const login = await request(t.http).get('/login').expect(200);
    const jar = keep(new Map(), login);
    const res = await request(t.http)
      .post('/login')
      .set('Cookie', cookieHeader(jar))
      .type('form')
      .send({ _csrf: csrfOf(login.text), email: user.email, password: TEST_PASSWORD })
      .expect(303);
    return { jar: keep(jar, res), set: [...setCookies(login), ...setCookies(res)] };
  }

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
});
