import request from 'supertest';
import { AuditService } from '@app/audit';
import type { Role } from '@app/users';
import { cookieHeader, csrfOf, Jar } from './support/cookie-jar';
import { createUser, TEST_PASSWORD, TestUser } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { signInWeb } from './support/web-session';

/** The page's text without tags and with single spaces, as a reader sees it. */
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of one user's row in the user list. */
const rowOf = (html: string, email: string) =>
  text(new RegExp(`<tr data-user="${email}">([\\s\\S]*?)</tr>`).exec(html)![1]);

const USERS = '/administration/brugere';
const KEYS = '/administration/api-noegler';
const AUDIT = '/administration/revision';
const ROLES: Role[] = ['platform_admin', 'kl_analyst', 'cert_analyst', 'municipality_officer'];

/** Administration in the browser (issue 13, item 6): users, API keys, audit log, own account. */
describe('Administration pages (e2e)', () => {
  let t: TestApp;
  let admin: TestUser;
  let kl: TestUser;
  let cert: TestUser;
  let officer: TestUser;
  let jars: Record<Role, Jar>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    admin = await createUser(t.db, 'platform_admin');
    kl = await createUser(t.db, 'kl_analyst');
    cert = await createUser(t.db, 'cert_analyst');
    officer = await createUser(t.db, 'municipality_officer', 151);
    jars = {
      platform_admin: (await signInWeb(t.http, admin)).jar,
      kl_analyst: (await signInWeb(t.http, kl)).jar,
      cert_analyst: (await signInWeb(t.http, cert)).jar,
      municipality_officer: (await signInWeb(t.http, officer)).jar,
    };
  });

  const get = (jar: Jar, path: string) =>
    request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
  /** Posts a form as a page would, with the CSRF token of the user's own /konto page. */
  const post = async (jar: Jar, path: string, form: Record<string, string> = {}) => {
    const token = csrfOf((await get(jar, '/konto').expect(200)).text);
    return request(t.http)
      .post(path)
      .set('Cookie', cookieHeader(jar))
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, ...form });
  };
  const apiSignIn = (user: TestUser) =>
    request(t.http).post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
  const isActive = async (user: TestUser) =>
    (await t.db.query('SELECT active FROM users WHERE id = $1', [user.id]))[0].active as boolean;
  const auditActions = async () =>
    (await t.db.query('SELECT action, target_id FROM audit_log ORDER BY seq')) as Array<{
      action: string;
      target_id: string | null;
    }>;
  /** Locks the account as 100 failed sign-ins would (the throttle's account scope). */
  const lock = (user: TestUser) =>
    t.db.query(
      `INSERT INTO sign_in_failures (scope, email, address, window_start, failures, blocked_until)
       VALUES ('account', $1, '', now(), 100, now() + interval '10 minutes')
       ON CONFLICT (scope, email, address) DO UPDATE SET failures = 100, blocked_until = excluded.blocked_until`,
      [user.email],
    );

  it('admits each role to exactly its pages (GET)', async () => {
    const keyId = (
      await t.db.query(
        `INSERT INTO api_keys (municipality_code, name, prefix, key_hash) VALUES (151, 'SIEM', 'abcdefgh', 'x') RETURNING id`,
      )
    )[0].id;
    const pages: Array<[string, Role[]]> = [
      ['/administration', ['platform_admin', 'kl_analyst']],
      [USERS, ['platform_admin', 'kl_analyst']],
      [`${USERS}?rolle=municipality_officer&tilstand=locked&q=test&side=1`, ['platform_admin', 'kl_analyst']],
      [`${USERS}/${officer.id}/deaktiver`, ['platform_admin', 'kl_analyst']],
      [`${USERS}/${officer.id}/laas-op`, ['platform_admin', 'kl_analyst']],
      // KL manages the municipalities' officers only: another KL analyst's account is refused.
      [`${USERS}/${kl.id}/deaktiver`, ['platform_admin']],
      [`${USERS}/${cert.id}/genaktiver`, ['platform_admin']],
      [KEYS, ['platform_admin']],
      [`${KEYS}/${keyId}/tilbagekald`, ['platform_admin']],
      [AUDIT, ['platform_admin']],
      ['/konto', ROLES],
      ['/konto/log-ud-andre-steder', ROLES],
    ];
    for (const [path, allowed] of pages) {
      for (const role of ROLES) {
        const res = await get(jars[role], path);
        const expected = allowed.includes(role) ? 200 : 403;
        expect({ path, role, status: res.status }).toEqual({ path, role, status: expected });
        if (expected === 403) expect(text(res.text)).toContain('Du har ikke adgang');
      }
    }
    // Signed out: to the sign-in page, as every page.
    const anonymous = await request(t.http).get(USERS).set('Accept', 'text/html');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/login/);
  });

  it('lets each role post exactly its forms, and a refused post changes nothing', async () => {
    const target = await createUser(t.db, 'municipality_officer', 101);
    for (const role of ROLES) {
      await lock(target);
      const res = await post(jars[role], `${USERS}/${target.id}/laas-op`);
      const allowed = role === 'platform_admin' || role === 'kl_analyst';
      expect({ role, status: res.status }).toEqual({ role, status: allowed ? 303 : 403 });
      const locked = await t.db.query(
        `SELECT 1 FROM sign_in_failures WHERE scope = 'account' AND email = $1`,
        [target.email],
      );
      expect({ role, locked: locked.length }).toEqual({ role, locked: allowed ? 0 : 1 });
      await t.db.query(`DELETE FROM sign_in_failures WHERE email = $1`, [target.email]);
    }
    for (const role of ROLES) {
      const deactivate = await post(jars[role], `${USERS}/${target.id}/deaktiver`);
      const reactivate = await post(jars[role], `${USERS}/${target.id}/genaktiver`);
      const allowed = role === 'platform_admin' || role === 'kl_analyst';
      expect({ role, statuses: [deactivate.status, reactivate.status] }).toEqual({
        role,
        statuses: allowed ? [303, 303] : [403, 403],
      });
      expect(await isActive(target)).toBe(true);
    }
    // KL cannot touch an account other than an officer's: refused by the service, nothing changes.
    for (const victim of [admin, cert]) {
      expect((await post(jars.kl_analyst, `${USERS}/${victim.id}/deaktiver`)).status).toBe(403);
      expect(await isActive(victim)).toBe(true);
    }
    for (const role of ROLES) {
      const create = await post(jars[role], KEYS, { municipalityCode: '151', name: `Nøgle ${role}` });
      const verify = await post(jars[role], `${AUDIT}/verificer`);
      const signOut = await post(jars[role], '/konto/log-ud-andre-steder');
      const admin_ = role === 'platform_admin';
      expect({ role, statuses: [create.status, verify.status, signOut.status] }).toEqual({
        role,
        statuses: [admin_ ? 200 : 403, admin_ ? 200 : 403, 303],
      });
    }
    const keys = await t.db.query('SELECT name FROM api_keys');
    expect(keys).toEqual([{ name: 'Nøgle platform_admin' }]);
    const keyId = (await t.db.query('SELECT id FROM api_keys'))[0].id;
    for (const role of ROLES.filter((r) => r !== 'platform_admin')) {
      expect((await post(jars[role], `${KEYS}/${keyId}/tilbagekald`)).status).toBe(403);
    }
    expect((await t.db.query('SELECT revoked_at FROM api_keys'))[0].revoked_at).toBeNull();
    // Without the CSRF token nothing is done.
    const forged = await request(t.http)
      .post(`${USERS}/${target.id}/deaktiver`)
      .set('Cookie', cookieHeader(jars.platform_admin))
      .set('Accept', 'text/html')
      .type('form')
      .send({});
    expect(forged.status).toBe(403);
    expect(await isActive(target)).toBe(true);
  });

  it('deactivates a user, who can then not sign in and whose sessions end; reactivation lets them in again', async () => {
    const officerJar = jars.municipality_officer;
    await get(officerJar, '/').expect(200);
    const page = await get(jars.platform_admin, `${USERS}/${officer.id}/deaktiver`).expect(200);
    expect(text(page.text)).toContain('kan ikke længere logge ind');
    const done = await post(jars.platform_admin, `${USERS}/${officer.id}/deaktiver`);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${USERS}?besked=deaktiveret`);
    expect(text((await get(jars.platform_admin, done.headers.location).expect(200)).text)).toContain(
      'Brugeren er deaktiveret',
    );
    expect(await isActive(officer)).toBe(false);
    expect((await apiSignIn(officer)).status).toBe(401);
    expect((await get(officerJar, '/')).status).toBe(303);

    expect((await post(jars.platform_admin, `${USERS}/${officer.id}/genaktiver`)).status).toBe(303);
    expect((await apiSignIn(officer)).status).toBe(200);
    // The old session stays ended: reactivation does not revive it.
    expect((await get(officerJar, '/')).status).toBe(303);
    const actions = (await auditActions()).filter((a) => a.target_id === officer.id).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['admin.user-deactivated', 'admin.user-activated']));
  });

  it('unlocks a locked user, who can then sign in; KL does it for an officer', async () => {
    await lock(officer);
    expect((await apiSignIn(officer)).status).toBe(429);
    const list = await get(jars.kl_analyst, `${USERS}?tilstand=locked`).expect(200);
    expect(list.text).toContain(`data-user="${officer.email}"`);
    expect(text(list.text)).toContain('Låst');
    expect(text(list.text)).toContain('1 bruger passer til filtrene');
    const done = await post(jars.kl_analyst, `${USERS}/${officer.id}/laas-op`);
    expect(done.headers.location).toBe(`${USERS}?besked=laast-op`);
    expect((await apiSignIn(officer)).status).toBe(200);
    const audited = (await auditActions()).find((a) => a.action === 'admin.user-unlocked');
    expect(audited?.target_id).toBe(officer.id);
    // Nothing is locked any more.
    expect(text((await get(jars.kl_analyst, `${USERS}?tilstand=locked`).expect(200)).text)).toContain(
      'Ingen brugere passer til filtrene',
    );
  });

  it('shows KL only the officers, the administrator everyone, with filters, search, last sign-in and paging', async () => {
    const klList = await get(jars.kl_analyst, USERS).expect(200);
    expect(klList.text).toContain(`data-user="${officer.email}"`);
    for (const other of [admin, kl, cert]) expect(klList.text).not.toContain(other.email);
    const adminList = await get(jars.platform_admin, USERS).expect(200);
    for (const u of [admin, kl, cert, officer]) expect(adminList.text).toContain(`data-user="${u.email}"`);
    // Last sign-in: everyone signed in above; a new user never did.
    const fresh = await createUser(t.db, 'municipality_officer', 101, { email: 'ny.bruger@test.local' });
    const listed = (await get(jars.platform_admin, USERS).expect(200)).text;
    expect(rowOf(listed, fresh.email)).toContain('Aldrig');
    expect(rowOf(listed, officer.email)).not.toContain('Aldrig');
    expect(rowOf(listed, officer.email)).toContain('Ballerup');
    // Search by name or e-mail, filter by role, municipality and state.
    const searched = (await get(jars.platform_admin, `${USERS}?q=ny.bruger`).expect(200)).text;
    expect(searched).toContain(fresh.email);
    expect(searched).not.toContain(`data-user="${officer.email}"`);
    const byRole = (await get(jars.platform_admin, `${USERS}?rolle=cert_analyst`).expect(200)).text;
    expect(byRole).toContain(cert.email);
    expect(byRole).not.toContain(`data-user="${officer.email}"`);
    const byMunicipality = (await get(jars.platform_admin, `${USERS}?kommune=101`).expect(200)).text;
    expect(byMunicipality).toContain(fresh.email);
    expect(byMunicipality).not.toContain(`data-user="${officer.email}"`);
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [fresh.id]);
    const inactive = (await get(jars.platform_admin, `${USERS}?tilstand=inactive`).expect(200)).text;
    expect(text(inactive)).toContain('1 bruger passer til filtrene');
    expect(inactive).toContain(fresh.email);
    // A search for % is a literal %, not "everything".
    expect(text((await get(jars.platform_admin, `${USERS}?q=%25`).expect(200)).text)).toContain(
      'Ingen brugere',
    );
    // Paging: 50 a page.
    for (let i = 0; i < 55; i += 1) await createUser(t.db, 'municipality_officer', 147);
    const first = (await get(jars.platform_admin, `${USERS}?kommune=147`).expect(200)).text;
    expect(text(first)).toContain('55 brugere passer til filtrene');
    expect(text(first)).toContain('Side 1 af 2');
    expect(first.match(/<tr data-user=/g)).toHaveLength(50);
    const second = (await get(jars.platform_admin, `${USERS}?kommune=147&side=2`).expect(200)).text;
    expect(second.match(/<tr data-user=/g)).toHaveLength(5);
    // KL never gets the administrator's accounts, whatever the query asks.
    expect((await get(jars.kl_analyst, `${USERS}?rolle=platform_admin`).expect(200)).text).not.toContain(
      admin.email,
    );
    // No factor set up: "Ingen".
    expect(rowOf(listed, officer.email)).toContain('Ingen');
  });

  /** Gives the user a confirmed authenticator app and/or passkeys, as enrolment would leave them. */
  const enrol = async (user: TestUser, app: boolean, passkeys: number) => {
    if (app) {
      await t.db.query(
        `INSERT INTO mfa_totp (user_id, secret_sealed, confirmed_at) VALUES ($1, 'x', now())`,
        [user.id],
      );
      await t.db.query(`INSERT INTO mfa_recovery_codes (user_id, code_hash) VALUES ($1, 'h')`, [user.id]);
    }
    for (let i = 0; i < passkeys; i += 1) {
      await t.db.query(
        `INSERT INTO webauthn_credentials (user_id, credential_id, public_key, name) VALUES ($1, $2, '\\x00', 'Nøgle')`,
        [user.id, `${user.id}-${i}`],
      );
    }
  };
  const factorCount = async (user: TestUser) =>
    Number(
      (
        await t.db.query(
          `SELECT (SELECT count(*) FROM mfa_totp WHERE user_id = $1)
                + (SELECT count(*) FROM mfa_recovery_codes WHERE user_id = $1)
                + (SELECT count(*) FROM webauthn_credentials WHERE user_id = $1) AS n`,
          [user.id],
        )
      )[0].n,
    );

  it("shows each user's factors in the MFA column, and the pending invitations as Inviteret", async () => {
    await enrol(officer, true, 0);
    await enrol(cert, false, 2);
    await enrol(kl, true, 1);
    const invited = await createUser(t.db, 'municipality_officer', 101, { email: 'inviteret@test.local' });
    await t.db.query('UPDATE users SET password_hash = NULL WHERE id = $1', [invited.id]);
    const listed = (await get(jars.platform_admin, USERS).expect(200)).text;
    expect(rowOf(listed, officer.email)).toContain('Godkendelsesapp');
    expect(rowOf(listed, cert.email)).toContain('2 passkeys');
    expect(rowOf(listed, kl.email)).toContain('Godkendelsesapp og 1 passkey');
    expect(rowOf(listed, admin.email)).toContain('Ingen');
    expect(rowOf(listed, admin.email)).not.toContain('Nulstil totrinsbekræftelse');
    expect(rowOf(listed, officer.email)).toContain('Nulstil totrinsbekræftelse');
    expect(rowOf(listed, invited.email)).toContain('Inviteret');
    expect(rowOf(listed, invited.email)).toContain('Send invitation igen');
    expect(rowOf(listed, officer.email)).not.toContain('Inviteret');
    expect(rowOf(listed, officer.email)).not.toContain('Send invitation igen');
  });

  it("resets a user's second factors after confirmation: factors gone, sessions ended, audited; KL for officers only", async () => {
    await enrol(officer, true, 1);
    await enrol(admin, true, 0);
    await enrol(kl, true, 0);
    const officerJar = jars.municipality_officer;
    const confirm = await get(jars.kl_analyst, `${USERS}/${officer.id}/nulstil-mfa`).expect(200);
    expect(text(confirm.text)).toContain('mister sin godkendelsesapp');
    expect(confirm.text).toContain(`action="${USERS}/${officer.id}/nulstil-mfa"`);
    // KL cannot reset the administrator's or another KL analyst's factors; the officer no one's.
    for (const victim of [admin, kl]) {
      expect((await get(jars.kl_analyst, `${USERS}/${victim.id}/nulstil-mfa`)).status).toBe(403);
      expect((await post(jars.kl_analyst, `${USERS}/${victim.id}/nulstil-mfa`)).status).toBe(403);
    }
    expect((await post(jars.municipality_officer, `${USERS}/${kl.id}/nulstil-mfa`)).status).toBe(403);
    expect((await post(jars.cert_analyst, `${USERS}/${officer.id}/nulstil-mfa`)).status).toBe(403);
    expect(await factorCount(admin)).toBe(2);
    expect(await factorCount(kl)).toBe(2);
    expect(await factorCount(officer)).toBe(3);
    // Without the CSRF token nothing is done.
    const forged = await request(t.http)
      .post(`${USERS}/${officer.id}/nulstil-mfa`)
      .set('Cookie', cookieHeader(jars.kl_analyst))
      .set('Accept', 'text/html')
      .type('form')
      .send({});
    expect(forged.status).toBe(403);
    expect(await factorCount(officer)).toBe(3);

    const done = await post(jars.kl_analyst, `${USERS}/${officer.id}/nulstil-mfa`);
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`${USERS}?besked=mfa-nulstillet`);
    expect(text((await get(jars.kl_analyst, done.headers.location).expect(200)).text)).toContain(
      'totrinsbekræftelse er nulstillet',
    );
    expect(await factorCount(officer)).toBe(0);
    expect((await get(officerJar, '/')).status).toBe(303);
    const audited = (await auditActions()).filter((a) => a.action === 'mfa.reset').map((a) => a.target_id);
    expect(audited).toEqual([officer.id]);
    // The administrator resets anyone's.
    expect((await post(jars.platform_admin, `${USERS}/${kl.id}/nulstil-mfa`)).status).toBe(303);
    expect(await factorCount(kl)).toBe(0);
  });

  it('sends an invitation again from the user list, showing the link when there is no e-mail', async () => {
    const invited = await createUser(t.db, 'municipality_officer', 101, { email: 'inviteret@test.local' });
    await t.db.query('UPDATE users SET password_hash = NULL WHERE id = $1', [invited.id]);
    const confirm = await get(jars.kl_analyst, `${USERS}/${invited.id}/send-invitation`).expect(200);
    expect(text(confirm.text)).toContain('Det gamle link holder op med at virke');
    expect(confirm.text).toContain(`action="/administration/invitationer/${invited.id}/gensend"`);
    const sent = await post(jars.kl_analyst, `/administration/invitationer/${invited.id}/gensend`);
    expect(sent.status).toBe(200);
    expect(sent.text).toContain('invitation-link');
    const tokens = await t.db.query(
      `SELECT 1 FROM password_tokens WHERE user_id = $1 AND purpose = 'invitation' AND revoked_at IS NULL`,
      [invited.id],
    );
    expect(tokens).toHaveLength(1);
    expect(
      (await auditActions()).some((a) => a.action === 'invitation.resent' && a.target_id === invited.id),
    ).toBe(true);
    // KL cannot resend the administrator's invitation.
    const pendingAdmin = await createUser(t.db, 'platform_admin', null, { email: 'ny.admin@test.local' });
    await t.db.query('UPDATE users SET password_hash = NULL WHERE id = $1', [pendingAdmin.id]);
    expect((await get(jars.kl_analyst, `${USERS}/${pendingAdmin.id}/send-invitation`)).status).toBe(403);
  });

  it("the REST route deactivates through the same service: sessions end, one's own account is refused", async () => {
    const token = (await apiSignIn(admin)).body.accessToken as string;
    const self = await request(t.http)
      .patch(`/api/v1/admin/users/${admin.id}`)
      .auth(token, { type: 'bearer' })
      .send({ active: false });
    expect(self.status).toBe(409);
    expect(self.body.code).toBe('USER_SELF_DEACTIVATION');
    const off = await request(t.http)
      .patch(`/api/v1/admin/users/${officer.id}`)
      .auth(token, { type: 'bearer' })
      .send({ active: false })
      .expect(200);
    expect(off.body).toMatchObject({ id: officer.id, active: false });
    expect(off.body.lastSignedInAt).not.toBeNull();
    await request(t.http)
      .patch(`/api/v1/admin/users/${officer.id}`)
      .auth(token, { type: 'bearer' })
      .send({ active: true })
      .expect(200);
    expect((await get(jars.municipality_officer, '/')).status).toBe(303);
  });

  it('refuses to let the administrator deactivate their own account, in Danish', async () => {
    const page = await get(jars.platform_admin, `${USERS}/${admin.id}/deaktiver`);
    expect(page.status).toBe(409);
    expect(text(page.text)).toContain('Du kan ikke deaktivere din egen konto');
    expect(page.text).not.toContain(`action="${USERS}/${admin.id}/deaktiver"`);
    const posted = await post(jars.platform_admin, `${USERS}/${admin.id}/deaktiver`);
    expect(posted.status).toBe(409);
    expect(await isActive(admin)).toBe(true);
    expect((await get(jars.platform_admin, `${USERS}/not-a-uuid/deaktiver`)).status).toBe(404);
    expect((await get(jars.platform_admin, `${USERS}/${officer.id}/slet`)).status).toBe(404);
  });

  it('creates an API key shown once, explains bad input in Danish, and revokes it after confirmation', async () => {
    const bad = await post(jars.platform_admin, KEYS, { municipalityCode: '999', name: ' ' });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Vælg en kommune.');
    expect(text(bad.text)).toContain('Skriv et navn');
    expect(await t.db.query('SELECT 1 FROM api_keys')).toHaveLength(0);

    const created = await post(jars.platform_admin, KEYS, {
      municipalityCode: '151',
      name: 'SIEM-indberetning',
    });
    expect(created.status).toBe(200);
    const key = /<code id="created-key">([^<]+)<\/code>/.exec(created.text)![1];
    expect(key).toMatch(/^bk_/);
    expect((await request(t.http).get('/api/v1/me').set('X-API-Key', key)).status).toBe(200);
    const listed = (await get(jars.platform_admin, KEYS).expect(200)).text;
    expect(listed).toContain('SIEM-indberetning');
    expect(listed).toContain('Ballerup');
    expect(listed).not.toContain(key);

    const [{ id }] = await t.db.query('SELECT id FROM api_keys');
    expect(text((await get(jars.platform_admin, `${KEYS}/${id}/tilbagekald`).expect(200)).text)).toContain(
      'holder op med at virke',
    );
    const revoked = await post(jars.platform_admin, `${KEYS}/${id}/tilbagekald`);
    expect(revoked.headers.location).toBe(`${KEYS}?besked=tilbagekaldt`);
    expect((await request(t.http).get('/api/v1/me').set('X-API-Key', key)).status).toBe(401);
    expect(text((await get(jars.platform_admin, KEYS).expect(200)).text)).toContain('Tilbagekaldt');
    const actions = (await auditActions()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['admin.api-key-created', 'admin.api-key-revoked']));
  });

  it('filters the audit log, explains a bad date, and verifies the chain: ok, then where it breaks', async () => {
    await post(jars.platform_admin, `${USERS}/${officer.id}/deaktiver`);
    const byAction = (await get(jars.platform_admin, `${AUDIT}?handling=admin.user-deactivated`).expect(200))
      .text;
    expect(text(byAction)).toContain('1 post passer til filtrene');
    expect(byAction).toContain(officer.id);
    const byActor = (
      await get(jars.platform_admin, `${AUDIT}?aktoer=${encodeURIComponent(kl.email)}`).expect(200)
    ).text;
    expect(text(byActor)).toContain('auth.signed-in');
    expect(byActor).not.toContain('admin.user-deactivated</th>');
    const today = new Date().toISOString().slice(0, 10);
    const future = (await get(jars.platform_admin, `${AUDIT}?fra=2999-01-01`).expect(200)).text;
    expect(text(future)).toContain('Ingen poster');
    expect(
      text((await get(jars.platform_admin, `${AUDIT}?fra=2020-01-01&til=${today}`).expect(200)).text),
    ).not.toContain('Ingen poster');
    const badDate = await get(jars.platform_admin, `${AUDIT}?fra=i%20g%C3%A5r`);
    expect(badDate.status).toBe(422);
    expect(text(badDate.text)).toContain('Skriv datoen som åååå-mm-dd');

    const audit = t.app.get(AuditService);
    await audit.seal();
    const ok = await post(jars.platform_admin, `${AUDIT}/verificer`);
    expect(ok.status).toBe(200);
    expect(text(ok.text)).toContain('Kæden er i orden');
    const [{ seq }] = await t.db.query(
      `SELECT seq::text AS seq FROM audit_log WHERE action = 'admin.user-deactivated'`,
    );
    await t.owner.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await m.query(`UPDATE audit_log SET details = '{"forged": true}' WHERE seq = $1`, [seq]);
    });
    const broken = await post(jars.platform_admin, `${AUDIT}/verificer`);
    expect(text(broken.text)).toContain('Kæden er brudt');
    expect(text(broken.text)).toContain(`Første brud ved post ${seq}`);
    expect((await auditActions()).filter((a) => a.action === 'admin.audit-verified')).toHaveLength(2);
  });

  it('lists the own sessions on /konto and signs out everywhere else', async () => {
    const elsewhere = (await signInWeb(t.http, officer)).jar;
    const account = await get(jars.municipality_officer, '/konto').expect(200);
    const page = text(account.text);
    expect(page).toContain(officer.email);
    expect(page).toContain('Informationssikkerhedskoordinator');
    expect(page).toContain('Ballerup Kommune');
    expect(account.text).toContain('href="/konto/adgangskode"');
    expect(account.text).toContain('href="/konto/mfa"');
    expect(account.text.match(/data-title="Denne browser"/g)).toHaveLength(2);
    // The MFA state, and each session's browser and last use in Danish.
    expect(account.text).toMatch(/id="mfa-state">\s*Ikke sat op\s*</);
    expect(account.text.match(/data-title="Senest brugt"/g)).toHaveLength(2);
    expect(account.text).toMatch(/data-title="Browser">[^<]*(Ukendt browser|på )/);
    await enrol(officer, true, 2);
    expect((await get(jars.municipality_officer, '/konto').expect(200)).text).toMatch(
      /id="mfa-state">\s*Godkendelsesapp og 2 passkeys\s*</,
    );
    const done = await post(jars.municipality_officer, '/konto/log-ud-andre-steder');
    expect(done.headers.location).toBe('/konto?besked=logget-ud&antal=1');
    expect(text((await get(jars.municipality_officer, done.headers.location).expect(200)).text)).toContain(
      'Du er logget ud 1 andet sted',
    );
    expect((await get(elsewhere, '/')).status).toBe(303);
    expect((await get(jars.municipality_officer, '/')).status).toBe(200);
    expect((await auditActions()).some((a) => a.action === 'auth.other-sessions-revoked')).toBe(true);
  });
});
