import request from 'supertest';
import type { Role } from '@app/users';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';
import { cookieHeader, csrfOf, Jar, keep } from './support/cookie-jar';

/** The links of the desktop main menu, with the aria-current of each. */
function mainMenu(html: string): Array<{ href: string; text: string; current: string | null }> {
  const nav = /<nav class="nav" aria-label="Hovedmenu">([\s\S]*?)<\/nav>/.exec(html);
  if (!nav) return [];
  return [
    ...nav[1].matchAll(/<a\s+href="([^"]+)"[^>]*?(?:aria-current="(\w+)")?\s*><span>([^<]+)<\/span>/g),
  ].map((m) => ({ href: m[1], current: m[2] ?? null, text: m[3] }));
}

describe('Web navigation: menus per role, return after sign-in, 404 and favicon (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  /** Signs in through the form like a browser, with `next` as the sign-in page carried it. */
  async function signIn(user: TestUser, next?: string) {
    const login = await request(t.http)
      .get(next === undefined ? '/login' : `/login?next=${encodeURIComponent(next)}`)
      .expect(200);
    const jar = keep(new Map(), login);
    const res = await request(t.http)
      .post('/login')
      .set('Cookie', cookieHeader(jar))
      .type('form')
      .send({
        _csrf: csrfOf(login.text),
        email: user.email,
        password: TEST_PASSWORD,
        ...(next ? { next } : {}),
      })
      .expect(303);
    return { jar: keep(jar, res), location: res.headers.location as string, loginPage: login.text };
  }

  const get = (jar: Jar, path: string) =>
    request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');

  it('gives each role its own main menu, and every link in it opens for that role', async () => {
    const expected: Record<Role, string[]> = {
      municipality_officer: [
        'Forside',
        'Undersøgelser',
        'Rapporter',
        'Landsresultater',
        'Hændelser',
        'Varsler',
      ],
      kl_analyst: ['Forside', 'Udgaver', 'Landsresultater', 'Brug', 'Invitationer'],
      cert_analyst: ['Forside', 'Hændelser', 'Varsler', 'Landsresultater'],
      platform_admin: ['Forside', 'Landsresultater', 'Invitationer'],
    };
    for (const role of Object.keys(expected) as Role[]) {
      const { jar } = await signIn(
        await createUser(t.db, role, role === 'municipality_officer' ? 151 : null),
      );
      const home = await get(jar, '/').expect(200);
      const menu = mainMenu(home.text);
      expect({ role, menu: menu.map((l) => l.text) }).toEqual({ role, menu: expected[role] });
      expect(menu.find((l) => l.current)).toEqual({ href: '/', text: 'Forside', current: 'page' });
      // The drawer below 992 px holds the same links, the user and "Log af".
      const drawer = /class="mobile-drawer"[\s\S]*?<\/form>/.exec(home.text)?.[0] ?? '';
      for (const l of menu) expect(drawer).toContain(`href="${l.href}"`);
      expect(drawer).toContain(`Test ${role}`);
      expect(drawer).toContain('Log af');
      for (const link of menu) {
        const res = await get(jar, link.href);
        expect({ role, href: link.href, status: res.status }).toEqual({ role, href: link.href, status: 200 });
        // The link's own page marks it as the current page.
        expect(mainMenu(res.text).find((l) => l.current)).toEqual({ ...link, current: 'page' });
      }
    }
  });

  it('marks the section of a page under a menu link, and shows breadcrumbs', async () => {
    const { jar } = await signIn(await createUser(t.db, 'municipality_officer', 151));
    const form = await get(jar, '/haendelser/ny').expect(200);
    expect(mainMenu(form.text).filter((l) => l.current)).toEqual([
      { href: '/haendelser', text: 'Hændelser', current: 'true' },
    ]);
    const reports = await get(jar, '/rapporter').expect(200);
    expect(reports.text).toMatch(
      /<nav class="breadcrumbs" aria-label="Brødkrumme">[\s\S]*Forside[\s\S]*Mine rapporter/,
    );
    // The home page is the root of every trail and has none itself.
    expect((await get(jar, '/').expect(200)).text).not.toContain('class="breadcrumbs"');
  });

  it('sends a signed-out request to sign-in with the page to return to, and returns there after', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const asked = await request(t.http)
      .get('/haendelser?vis=mine&side=2')
      .set('Accept', 'text/html')
      .expect(303);
    expect(asked.headers.location).toBe('/login?next=%2Fhaendelser%3Fvis%3Dmine%26side%3D2');
    // The home page needs no return address.
    await request(t.http).get('/').set('Accept', 'text/html').expect(303).expect('Location', '/login');

    const { location, loginPage } = await signIn(officer, '/haendelser?vis=mine&side=2');
    expect(loginPage).toContain('name="next" value="/haendelser?vis=mine&amp;side=2"');
    expect(location).toBe('/haendelser?vis=mine&side=2');
  });

  it.each([
    '//evil.com',
    '//evil.com/haendelser',
    '/\\evil.com',
    '/\\/evil.com',
    'https://evil.com',
    'https:/evil.com',
    'javascript:alert(1)',
    '%2F%2Fevil.com',
    '/\t/evil.com',
    'evil.com',
    '/login',
  ])('never sends a signed-in user to another site: next=%j goes to /', async (next) => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const { location, loginPage } = await signIn(officer, next);
    expect(location).toBe('/');
    expect(loginPage).not.toContain('name="next"');
  });

  it('returns a form posted after the session ended to sign-in, and then to the page it came from', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const klToken = await tokenFor(t.http, kl);
    const edition = await createEdition(t.http, klToken, 2025);
    await openEdition(t.http, klToken, edition.id);
    const { jar } = await signIn(await createUser(t.db, 'municipality_officer', 151));
    const pagePath = `/undersoegelser/${edition.id}?omraade=x`;
    const token = csrfOf((await get(jar, pagePath)).text);
    const post = (cookies: Jar) =>
      request(t.http)
        .post(`/undersoegelser/${edition.id}/svar`)
        .set('Cookie', cookieHeader(cookies))
        .set('Accept', 'text/html')
        .set('Referer', `http://127.0.0.1${pagePath}`)
        .set('Host', '127.0.0.1')
        .type('form')
        .send({ _csrf: token, version: '0', area: 'x' });
    const expectedLogin = `/login?next=${encodeURIComponent(pagePath)}`;
    // The browser dropped the expired cookie: sign-in, not "no access".
    const withoutSession = new Map([...jar].filter(([k]) => !k.endsWith('baseline_session')));
    await post(withoutSession).expect(303).expect('Location', expectedLogin);
    // The session ended on the server while the cookie was still there.
    await t.db.query('UPDATE web_sessions SET expires_at = now()');
    await post(jar).expect(303).expect('Location', expectedLogin);
    // "Log af" on a page left open past the session's end leads to sign-in, not "no access".
    await request(t.http)
      .post('/logout')
      .set('Cookie', cookieHeader(withoutSession))
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token })
      .expect(303)
      .expect('Location', '/login');
    // From another site it is still refused.
    await request(t.http)
      .post(`/undersoegelser/${edition.id}/svar`)
      .set('Cookie', cookieHeader(withoutSession))
      .set('Accept', 'application/json')
      .set('Origin', 'https://evil.example')
      .type('form')
      .send({ _csrf: token, version: '0', area: 'x' })
      .expect(403);
    // autosave.js is told 401 in JSON either way, and keeps the answer (keep-unsaved.js).
    for (const cookies of [jar, withoutSession]) {
      const res = await request(t.http)
        .post(`/undersoegelser/${edition.id}/svar.json`)
        .set('Cookie', cookieHeader(cookies))
        .set('X-CSRF-Token', token)
        .send({ version: 0, answers: [] });
      expect(res.status).toBe(401);
    }
  });

  it('keeps the signed-in header and menu on the 404 page, and none when signed out', async () => {
    const { jar } = await signIn(await createUser(t.db, 'cert_analyst'));
    const signedIn = await get(jar, '/findes-ikke').expect(404);
    expect(signedIn.text).toContain('Siden findes ikke');
    expect(signedIn.text).toContain('Test cert_analyst');
    expect(mainMenu(signedIn.text).map((l) => l.text)).toEqual([
      'Forside',
      'Hændelser',
      'Varsler',
      'Landsresultater',
    ]);
    expect(signedIn.text).toContain('action="/logout"');
    // Its "Log af" works: the page carries the session's CSRF token.
    await request(t.http)
      .post('/logout')
      .set('Cookie', cookieHeader(keep(new Map(jar), signedIn)))
      .type('form')
      .send({ _csrf: csrfOf(signedIn.text) })
      .expect(303);

    const signedOut = await request(t.http).get('/findes-ikke').set('Accept', 'text/html').expect(404);
    expect(mainMenu(signedOut.text)).toEqual([]);
    expect(signedOut.text).not.toContain('action="/logout"');
  });

  it('serves a favicon, and shows the wordmark instead of a placeholder logo', async () => {
    const ico = await request(t.http).get('/favicon.ico').expect(200);
    expect(ico.headers['content-type']).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)$/);
    expect(ico.headers['cache-control']).toBe('public, max-age=604800');
    expect((ico.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    const svg = await request(t.http).get('/assets/app/favicon.svg').expect(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const login = await request(t.http).get('/login').expect(200);
    expect(login.text).toContain('<link rel="icon" href="/assets/app/favicon.svg"');
    expect(login.text).toMatch(/class="logo baseline-wordmark" aria-label="Baseline – til forsiden"/);
  });

  it('ties sign-in errors to their fields, and the summary takes focus', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const login = await request(t.http).get('/login').expect(200);
    const jar = keep(new Map(), login);
    const post = (form: Record<string, string>) =>
      request(t.http)
        .post('/login')
        .set('Cookie', cookieHeader(jar))
        .type('form')
        .send({ _csrf: csrfOf(login.text), ...form });

    const empty = await post({ email: officer.email, password: '' }).expect(400);
    expect(empty.text).toMatch(
      /<input[^>]*id="password"[^>]*aria-invalid="true" aria-describedby="password-error"/,
    );
    expect(empty.text).toContain('id="password-error"');
    expect(empty.text).not.toMatch(/id="email"[^>]*aria-invalid/);
    expect(empty.text).toMatch(/id="error-summary"\s+tabindex="-1"\s+autofocus\s+data-focus-on-load/);
    expect(empty.text).toContain('href="#password"');

    const wrong = await post({ email: officer.email, password: 'forkert' }).expect(401);
    for (const field of ['email', 'password']) {
      expect(wrong.text).toMatch(
        new RegExp(`<input[^>]*id="${field}"[^>]*aria-invalid="true" aria-describedby="email-error"`),
      );
    }
    expect(wrong.text).toMatch(
      /id="email-error"[^>]*><span class="sr-only">Fejl: <\/span>Forkert e-mailadresse/,
    );
  });
});
