import { resetData, TestApp } from './support/test-app';
import request from 'supertest';
import { createUser, tokenFor } from './support/factories';
import { createSsoTestApp, SsoTestApp, TestOidcProvider } from './support/oidc-provider';
import type { OidcSettings } from '@app/config';

/**
 * A browser's cookies per host (the app on 127.0.0.1, the provider on localhost), and requests
 * that follow redirects by hand, so that each hop can be seen and tampered with.
 */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async get(url: string): Promise<Response> {
    const jar = this.jar(url);
    const res = await fetch(url, {
      redirect: 'manual',
      headers: { accept: 'text/html', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attributes] = c.split(/;\s*/);
      const eq = pair.indexOf('=');
      const gone = attributes.some((a) => /^max-age=0$/i.test(a) || /^expires=.*1970/i.test(a));
      if (gone) jar.delete(pair.slice(0, eq));
      else jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  /** Follows redirects from `url` until one leads to a URL `stop` accepts, or to a page. */
  async follow(
    url: string,
    stop: (next: URL) => boolean = () => false,
  ): Promise<{ url: string; res?: Response }> {
    let current = url;
    for (let hop = 0; hop < 20; hop++) {
      const res = await this.get(current);
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url: current, res };
      const next = new URL(location, current);
      if (stop(next)) return { url: next.href };
      current = next.href;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  cookie(url: string, name: string): string | undefined {
    return this.jar(url).get(name);
  }

  private jar(url: string) {
    const host = new URL(url).hostname;
    if (!this.jars.has(host)) this.jars.set(host, new Map());
    return this.jars.get(host)!;
  }
}

describe('SSO with OpenID Connect against a test provider (e2e)', () => {
  let sso: SsoTestApp;
  let t: TestApp;
  let idp: TestOidcProvider;
  let app: string;
  let oidc: OidcSettings;

  beforeAll(async () => {
    sso = await createSsoTestApp();
    ({ t, idp, app, oidc } = sso);
  });
  afterAll(() => sso?.close());
  beforeEach(async () => {
    sso.options.oidc = oidc;
    await resetData(t.db);
  });

  const isCallback = (u: URL) => u.href.startsWith(oidc.redirectUri);
  const failures = async () =>
    (await t.db.query(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'auth.sign-in-failed' ORDER BY seq`,
    )) as { reason: string }[];

  /** Starts at the sign-in page's button and stops where the provider sends the browser back. */
  async function toCallback(browser: Browser, next = '/haendelser') {
    const login = await browser.get(`${app}/login?next=${encodeURIComponent(next)}`);
    const href = /<a class="button button-secondary" href="([^"]+)">Log ind med Testlogin<\/a>/.exec(
      await login.text(),
    )![1];
    const back = await browser.follow(`${app}${href.replace(/&amp;/g, '&')}`, isCallback);
    return new URL(back.url);
  }

  /** `sub` signs in at the provider with these claims; returns the browser, back at the callback. */
  async function atProvider(sub: string, claims: Record<string, unknown>, amr?: string[], next?: string) {
    await idp.addAccount(sub, claims);
    await idp.nextLogin(sub, amr);
    const browser = new Browser();
    return { browser, callback: await toCallback(browser, next) };
  }

  /** The callback's answer to a sign-in the app must refuse: no session, and its page. */
  async function refused(sub: string, claims: Record<string, unknown>) {
    const { browser, callback } = await atProvider(sub, claims);
    const res = await browser.get(callback.href);
    expect(browser.cookie(app, 'baseline_session')).toBeUndefined();
    return { status: res.status, body: await res.text() };
  }

  it('signs in an existing account by its verified e-mail: the session opens a protected page', async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const claims = { email: user.email.toUpperCase(), email_verified: true };
    const { browser, callback } = await atProvider('idp-officer-1', claims, ['pwd', 'otp']);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(browser.cookie(app, 'baseline_oidc')).toBeTruthy();
    const done = await browser.get(callback.href);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/haendelser');
    expect(browser.cookie(app, 'baseline_oidc')).toBeUndefined();
    expect(browser.cookie(app, 'baseline_session')).toBeTruthy();

    const home = await browser.get(`${app}/`);
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Log af');
    expect((await browser.get(`${app}/haendelser`)).status).toBe(200);

    const [entry] = await t.db.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.actor_id).toBe(user.id);
    expect(entry.details).toMatchObject({ method: 'oidc', sub: 'idp-officer-1', mfaSatisfiedByIdp: true });

    // The same answer again signs nobody in: this browser's pending sign-in is used up.
    const again = await browser.get(callback.href);
    expect(again.status).toBe(400);
  });

  it('reports that the provider did not show MFA when its amr is a password alone', async () => {
    const user = await createUser(t.db, 'kl_analyst');
    const { browser, callback } = await atProvider('idp-kl', { email: user.email, email_verified: true }, [
      'pwd',
    ]);
    expect((await browser.get(callback.href)).status).toBe(303);
    const [entry] = await t.db.query(
      `SELECT details FROM audit_log WHERE action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1`,
    );
    expect(entry.details).toMatchObject({ method: 'oidc', mfaSatisfiedByIdp: false });
  });

  it('refuses an e-mail address that has no account, creates none, and audits it', async () => {
    const { status, body } = await refused('idp-stranger', {
      email: 'stranger@kommune.dk',
      email_verified: true,
    });
    expect(status).toBe(403);
    expect(body).toContain('Din konto findes ikke i Baseline — kontakt din administrator.');
    expect(body).toContain('Log ind med Testlogin');
    expect(await t.db.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
    expect(await failures()).toEqual([{ reason: 'unknown-account' }]);
  });

  it.each([
    [
      'a deactivated account like an unknown one',
      false,
      true,
      403,
      'Din konto findes ikke i Baseline',
      'inactive-account',
    ],
    [
      'an e-mail address the provider has not verified',
      true,
      false,
      400,
      'Din e-mailadresse er ikke bekræftet',
      'email-unverified',
    ],
  ])('refuses %s', async (_case, active, verified, expectedStatus, text, reason) => {
    const user = await createUser(t.db, 'municipality_officer', 101, { active });
    const { status, body } = await refused(`idp-${reason}`, { email: user.email, email_verified: verified });
    expect(status).toBe(expectedStatus);
    expect(body).toContain(text);
    expect(await failures()).toEqual([{ reason }]);
  });

  it('with OIDC_ACCOUNT_CLAIM=sub, finds the account by the subject, without an email claim', async () => {
    sso.options.oidc = { ...oidc, accountClaim: 'sub' };
    const user = await createUser(t.db, 'cert_analyst');
    const { browser, callback } = await atProvider(user.email, {});
    expect((await browser.get(callback.href)).status).toBe(303);
    expect((await browser.get(`${app}/`)).status).toBe(200);
    // An opaque subject names no account.
    const { status } = await refused('opaque-subject-42', { email: user.email, email_verified: true });
    expect(status).toBe(400);
    expect(await failures()).toEqual([{ reason: 'email-missing' }]);
  });

  /** The provider's subjects linked to users, as stored. */
  const links = () =>
    t.db.query('SELECT issuer, subject, user_id FROM user_sso_links ORDER BY subject') as Promise<
      { issuer: string; subject: string; user_id: string }[]
    >;
  /** `sub` signs in with these claims; the callback's status and who the audit says signed in. */
  async function signIn(sub: string, claims: Record<string, unknown>) {
    const { browser, callback } = await atProvider(sub, claims);
    const status = (await browser.get(callback.href)).status;
    const [entry] = await t.db.query(
      `SELECT actor_id, details FROM audit_log WHERE action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1`,
    );
    return { status, session: browser.cookie(app, 'baseline_session'), entry };
  }

  it('links the subject at the first sign-in by e-mail, and finds the user by it after the e-mail changes', async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const first = await signIn('entra-oid-7f3a', { email: user.email, email_verified: true });
    expect(first.status).toBe(303);
    expect(first.entry).toMatchObject({ actor_id: user.id, details: { mappedBy: 'email' } });
    expect(await links()).toEqual([{ issuer: oidc.issuer, subject: 'entra-oid-7f3a', user_id: user.id }]);

    // The address changed at the provider (a new name, a merged municipality): same account.
    const changed = await signIn('entra-oid-7f3a', { email: 'new.name@other.dk', email_verified: true });
    expect(changed.status).toBe(303);
    expect(changed.session).toBeTruthy();
    expect(changed.entry).toMatchObject({
      actor_id: user.id,
      details: { mappedBy: 'sub', sub: 'entra-oid-7f3a' },
    });
    // Without any e-mail claim as well.
    expect((await signIn('entra-oid-7f3a', {})).status).toBe(303);
    expect(await t.db.query('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 1 }]);

    // A linked user who is deactivated is refused as before.
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    const { status } = await refused('entra-oid-7f3a', { email: 'new.name@other.dk', email_verified: true });
    expect(status).toBe(403);
    expect(await failures()).toEqual([{ reason: 'inactive-account' }]);
  });

  it("refuses a linked subject with another user's e-mail, and a new subject with a linked user's e-mail", async () => {
    const a = await createUser(t.db, 'municipality_officer', 151);
    const b = await createUser(t.db, 'municipality_officer', 151);
    expect((await signIn('subject-a', { email: a.email, email_verified: true })).status).toBe(303);

    const swapped = await refused('subject-a', { email: b.email, email_verified: true });
    expect(swapped.status).toBe(403);
    expect(swapped.body).toContain('er knyttet til en anden konto i Baseline');
    const newcomer = await refused('subject-other', { email: a.email, email_verified: true });
    expect(newcomer.status).toBe(403);
    expect(await failures()).toEqual([{ reason: 'sso-link-conflict' }, { reason: 'sso-link-conflict' }]);
    expect(await links()).toEqual([{ issuer: oidc.issuer, subject: 'subject-a', user_id: a.id }]);
  });

  it("lets a platform administrator remove a user's SSO link (audited); the next sign-in links anew", async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const admin = await createUser(t.db, 'platform_admin');
    expect((await signIn('old-subject', { email: user.email, email_verified: true })).status).toBe(303);
    const url = `/api/v1/admin/users/${user.id}/sso-link`;
    await request(t.http)
      .delete(url)
      .auth(await tokenFor(t.http, await createUser(t.db, 'kl_analyst')), { type: 'bearer' })
      .expect(403);
    expect(await links()).toHaveLength(1);
    const adminToken = await tokenFor(t.http, admin);
    await request(t.http).delete(url).auth(adminToken, { type: 'bearer' }).expect(204);
    await request(t.http)
      .delete('/api/v1/admin/users/00000000-0000-4000-8000-000000000000/sso-link')
      .auth(adminToken, { type: 'bearer' })
      .expect(404);
    expect(await links()).toEqual([]);
    const [entry] = await t.db.query(
      `SELECT actor_id, target_id, details FROM audit_log WHERE action = 'auth.sso-link-removed'`,
    );
    expect(entry).toEqual({ actor_id: admin.id, target_id: user.id, details: { issuers: [oidc.issuer] } });

    const relinked = await signIn('new-subject', { email: user.email, email_verified: true });
    expect(relinked.status).toBe(303);
    expect(await links()).toEqual([{ issuer: oidc.issuer, subject: 'new-subject', user_id: user.id }]);
  });

  it('refuses a changed state, and an answer that reaches another browser', async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const { browser, callback } = await atProvider('idp-officer-2', {
      email: user.email,
      email_verified: true,
    });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'attacker-chosen-state');
    const res = await browser.get(tampered.href);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('svaret var udløbet eller ugyldigt');
    expect(browser.cookie(app, 'baseline_session')).toBeUndefined();

    // A genuine code and state, in a browser that did not start the sign-in (login CSRF).
    const other = new Browser();
    const stolen = await other.get(callback.href);
    expect(stolen.status).toBe(400);
    expect(other.cookie(app, 'baseline_session')).toBeUndefined();
    expect(await failures()).toEqual([{ reason: 'state-mismatch' }, { reason: 'not-pending' }]);
  });

  it('explains an error from the provider (the user cancelled) in Danish', async () => {
    await idp.nextLogin(null);
    const browser = new Browser();
    const callback = await toCallback(browser);
    expect(callback.searchParams.get('error')).toBe('access_denied');
    const res = await browser.get(callback.href);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Log ind blev afbrudt eller afvist ved »Log ind med Testlogin«');
    expect(await failures()).toEqual([{ reason: 'idp-error' }]);
  });

  it('answers a bad callback with a Danish page, never a 500', async () => {
    const browser = new Browser();
    for (const query of [
      '',
      '?code=x',
      '?state=' + 'x'.repeat(5000),
      '?error=' + encodeURIComponent('<script>'),
    ]) {
      const res = await browser.get(`${app}/auth/oidc/callback${query}`);
      expect({ query: query.slice(0, 20), status: res.status }).toEqual({
        query: query.slice(0, 20),
        status: 400,
      });
      const body = await res.text();
      expect(body).toContain('Du blev ikke logget ind');
      expect(body).not.toContain('<script>');
    }
  });

  it('says in Danish that the provider does not answer, with 503, when it is down', async () => {
    sso.options.oidc = { ...oidc, issuer: 'http://127.0.0.1:9' };
    const res = await new Browser().get(`${app}/auth/oidc/start`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('»Log ind med Testlogin« svarer ikke lige nu');
  });

  it('shows no SSO button and answers 404 when OIDC is not configured', async () => {
    sso.options.oidc = null;
    const browser = new Browser();
    expect(await (await browser.get(`${app}/login`)).text()).not.toContain('/auth/oidc/start');
    expect((await browser.get(`${app}/auth/oidc/start`)).status).toBe(404);
    expect((await browser.get(`${app}/auth/oidc/callback?code=x&state=y`)).status).toBe(404);
  });
});
