import request from 'supertest';
import { InvitationsService } from '@app/accounts';
import { hashSecretToken } from '@app/auth';
import { createUser, TestUser, tokenFor } from './support/factories';
import { SmtpInbox, startSmtpInbox } from './support/smtp-inbox';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { waitFor } from './support/wait-for';
import { cookieHeader } from './support/cookie-jar';
import { signInWeb } from './support/web-session';

const NEW_PASSWORD = 'violet-tugboat-ascends-7';

/** The token of the one set-password link in a mail or an API answer. */
function tokenIn(text: string): string {
  return /\/adgangskode\/ny\?token=([A-Za-z0-9_-]+)/.exec(text)![1];
}

async function userCount(t: TestApp): Promise<number> {
  const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM users');
  return n;
}

function post(t: TestApp, path: string, token: string, body: object = {}) {
  return request(t.http).post(`/api/v1${path}`).auth(token, { type: 'bearer' }).send(body);
}

function login(t: TestApp, email: string, password: string) {
  return request(t.http).post('/api/v1/auth/login').send({ email, password });
}

describe('Invitations and passwords, with SMTP (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let admin: TestUser;
  let adminToken: string;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    // Read when the app is built.
    process.env.SMTP_URL = smtp.url;
    t = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.SMTP_URL;
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    await resetData(t.db);
    admin = await createUser(t.db, 'platform_admin');
    adminToken = await tokenFor(t.http, admin);
  });

  it('invites by e-mail: only the hash is stored, the link sets the password once, and the invitee signs in', async () => {
    const res = await post(t, '/admin/invitations', adminToken, {
      email: 'Anne.Hansen@Ballerup.dk',
      role: 'municipality_officer',
      municipalityCode: 151,
      displayName: 'Anne Hansen',
    }).expect(201);
    expect(res.body).toMatchObject({
      emailed: true,
      link: null,
      invitation: { email: 'anne.hansen@ballerup.dk', role: 'municipality_officer', status: 'pending' },
    });
    const expiresIn = new Date(res.body.invitation.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(71.9 * 3600_000);
    expect(expiresIn).toBeLessThanOrEqual(72 * 3600_000);

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toBe('anne.hansen@ballerup.dk');
    const token = tokenIn(smtp.mails[0].text);
    const stored = await t.db.query(`SELECT token_hash FROM password_tokens WHERE purpose = 'invitation'`);
    expect(stored).toEqual([{ token_hash: hashSecretToken(token) }]);
    expect(JSON.stringify(stored)).not.toContain(token);

    // No password yet: no sign-in.
    await login(t, 'anne.hansen@ballerup.dk', NEW_PASSWORD).expect(401);
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: NEW_PASSWORD })
      .expect(200, { email: 'anne.hansen@ballerup.dk' });
    const signedIn = await login(t, 'anne.hansen@ballerup.dk', NEW_PASSWORD).expect(200);
    expect(signedIn.body.user).toMatchObject({ role: 'municipality_officer', municipalityCode: 151 });

    const reused = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: 'another-long-passphrase-9' })
      .expect(400);
    expect(reused.body).toMatchObject({ code: 'PASSWORD_LINK_INVALID', details: { reason: 'used' } });

    const actions = (await t.db.query(`SELECT action FROM audit_log ORDER BY seq`)).map(
      (r: { action: string }) => r.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['invitation.created', 'auth.invitation-accepted']));
    // Accepted: no longer listed as an invitation, and it cannot be resent.
    expect(
      (await request(t.http).get('/api/v1/admin/invitations').auth(adminToken, { type: 'bearer' })).body,
    ).toEqual([]);
    const resend = await post(t, `/admin/invitations/${res.body.invitation.id}/resend`, adminToken).expect(
      409,
    );
    expect(resend.body.code).toBe('INVITATION_ACCEPTED');
  });

  it('refuses a weak password without using the link up', async () => {
    await post(t, '/admin/invitations', adminToken, { email: 'kl2@kl.dk', role: 'kl_analyst' }).expect(201);
    const token = tokenIn(smtp.mails[0].text);
    for (const [password, reason] of [
      ['short-pw', 'too-short'],
      ['1q2w3e4r5t6y', 'common'],
      ['password2024!', 'common'],
    ]) {
      const res = await request(t.http)
        .post('/api/v1/auth/set-password')
        .send({ token, password })
        .expect(422);
      expect(res.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', details: { reason } });
    }
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: NEW_PASSWORD })
      .expect(200);
  });

  it('lets an expired link fail, and a resend make a new link that voids the old one', async () => {
    const res = await post(t, '/admin/invitations', adminToken, {
      email: 'cert@kl.dk',
      role: 'cert_analyst',
    });
    const first = tokenIn(smtp.mails[0].text);
    // The clock moves: the link is 72 h and a minute old.
    await t.db.query(
      `UPDATE password_tokens SET created_at = now() - interval '72 hours 1 minute', expires_at = now() - interval '1 minute'`,
    );
    const expired = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: first, password: NEW_PASSWORD })
      .expect(400);
    expect(expired.body).toMatchObject({ code: 'PASSWORD_LINK_INVALID', details: { reason: 'expired' } });
    const listed = await request(t.http)
      .get('/api/v1/admin/invitations')
      .auth(adminToken, { type: 'bearer' });
    expect(listed.body).toMatchObject([{ id: res.body.invitation.id, status: 'expired' }]);

    await post(t, `/admin/invitations/${res.body.invitation.id}/resend`, adminToken).expect(200);
    expect(smtp.mails).toHaveLength(2);
    const second = tokenIn(smtp.mails[1].text);
    expect(second).not.toBe(first);
    const old = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: first, password: NEW_PASSWORD });
    expect(old.status).toBe(400);
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: second, password: NEW_PASSWORD })
      .expect(200);
  });

  it('revokes an invitation: the link stops working and the account is inactive', async () => {
    const res = await post(t, '/admin/invitations', adminToken, { email: 'x@kl.dk', role: 'kl_analyst' });
    const token = tokenIn(smtp.mails[0].text);
    const revoked = await post(t, `/admin/invitations/${res.body.invitation.id}/revoke`, adminToken).expect(
      200,
    );
    expect(revoked.body.status).toBe('revoked');
    const used = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: NEW_PASSWORD });
    expect(used.status).toBe(400);
    expect(used.body.details.reason).toBe('unknown');
    const [row] = await t.db.query(`SELECT active FROM users WHERE email = 'x@kl.dk'`);
    expect(row.active).toBe(false);
    expect((await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'invitation.revoked'`)).length).toBe(1);
  });

  it('applies the role rules: KL invites officers only, officers invite nobody', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const klToken = await tokenFor(t.http, kl);
    const before = await userCount(t);
    const refused = await post(t, '/admin/invitations', klToken, {
      email: 'a@kl.dk',
      role: 'platform_admin',
    }).expect(403);
    expect(refused.body.code).toBe('INVITATION_ROLE_NOT_ALLOWED');
    await post(t, '/admin/invitations', klToken, { email: 'c@kl.dk', role: 'cert_analyst' }).expect(403);
    await post(t, '/admin/invitations', klToken, {
      email: 'o@ballerup.dk',
      role: 'municipality_officer',
      municipalityCode: 151,
    }).expect(201);
    expect(await userCount(t)).toBe(before + 1);

    // KL sees and manages officers' invitations only.
    const forAdmin = await post(t, '/admin/invitations', adminToken, {
      email: 'k2@kl.dk',
      role: 'kl_analyst',
    });
    const list = await request(t.http)
      .get('/api/v1/admin/invitations')
      .auth(klToken, { type: 'bearer' })
      .expect(200);
    expect(list.body.map((i: { email: string }) => i.email)).toEqual(['o@ballerup.dk']);
    await post(t, `/admin/invitations/${forAdmin.body.invitation.id}/revoke`, klToken).expect(404);

    const officer = await createUser(t.db, 'municipality_officer', 151);
    const officerToken = await tokenFor(t.http, officer);
    await post(t, '/admin/invitations', officerToken, {
      email: 'p@ballerup.dk',
      role: 'municipality_officer',
      municipalityCode: 151,
    }).expect(403);
    await request(t.http).get('/api/v1/admin/invitations').auth(officerToken, { type: 'bearer' }).expect(403);
  });

  it('answers bad input with a 4xx and a code, and creates nothing', async () => {
    const before = await userCount(t);
    const cases: Array<[object, number, string]> = [
      [{ email: 'not-an-address', role: 'kl_analyst' }, 400, 'VALIDATION_FAILED'],
      [{ email: 'a@kl.dk', role: 'superuser' }, 400, 'VALIDATION_FAILED'],
      [{ email: 'a@kl.dk', role: 'municipality_officer' }, 422, 'MUNICIPALITY_REQUIRED'],
      [
        { email: 'a@kl.dk', role: 'municipality_officer', municipalityCode: 998 },
        422,
        'MUNICIPALITY_UNKNOWN',
      ],
      [{ email: 'a@kl.dk', role: 'kl_analyst', municipalityCode: 151 }, 422, 'MUNICIPALITY_NOT_ALLOWED'],
      [{ email: admin.email.toUpperCase(), role: 'kl_analyst' }, 409, 'USER_EMAIL_TAKEN'],
    ];
    for (const [body, status, code] of cases) {
      const res = await post(t, '/admin/invitations', adminToken, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    expect(await userCount(t)).toBe(before);
    expect(smtp.mails).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM password_tokens')).toEqual([]);
  });

  it('resets a forgotten password by e-mail with the same answer for an unknown address, ending every session and token', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const oldJwt = await tokenFor(t.http, officer);
    const web = await signInWeb(t.http, officer);
    expect((await request(t.http).get('/').set('Cookie', cookieHeader(web.jar))).status).toBe(200);

    const unknown = await request(t.http)
      .post('/api/v1/auth/password-reset')
      .send({ email: 'nobody@ballerup.dk' })
      .expect(202);
    const known = await request(t.http)
      .post('/api/v1/auth/password-reset')
      .send({ email: officer.email })
      .expect(202);
    expect(known.body).toEqual(unknown.body);
    await waitFor(
      () => smtp.mails.length,
      (n) => n >= 1,
    );
    expect(smtp.mails.map((m) => m.to)).toEqual([officer.email]);
    // Asking again at once sends nothing more (no flooding the owner's inbox).
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: officer.email }).expect(202);

    const token = tokenIn(smtp.mails[0].text);
    const [{ expires_in }] = await t.db.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS expires_in FROM password_tokens WHERE purpose = 'reset'`,
    );
    expect(expires_in).toBe(3600);
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token, password: NEW_PASSWORD })
      .expect(200);
    expect(smtp.mails).toHaveLength(1);

    await request(t.http).get('/api/v1/me').auth(oldJwt, { type: 'bearer' }).expect(401);
    // The browser's session is over: the page asks it to sign in again.
    expect((await request(t.http).get('/').set('Cookie', cookieHeader(web.jar))).status).toBe(401);
    await login(t, officer.email, NEW_PASSWORD).expect(200);
    const audit = await t.db.query(
      `SELECT action, details FROM audit_log WHERE action LIKE 'auth.password-reset%' ORDER BY seq`,
    );
    expect(audit).toMatchObject([
      { action: 'auth.password-reset-requested' },
      { action: 'auth.password-reset', details: { sessionsEnded: 1 } },
    ]);
  });

  it('ignores reset requests from an address that made ten within 15 minutes, with the same answer', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    for (let i = 0; i < 10; i++) {
      await request(t.http)
        .post('/api/v1/auth/password-reset')
        .send({ email: `nobody${i}@x.dk` })
        .expect(202);
    }
    await waitFor(
      async () => (await t.db.query('SELECT count(*)::int AS n FROM password_reset_requests'))[0].n,
      (n) => n === 10,
    );
    const res = await request(t.http)
      .post('/api/v1/auth/password-reset')
      .send({ email: officer.email })
      .expect(202);
    expect(res.body.message).toContain('If the address has an account');
    await waitFor(
      async () => (await t.db.query('SELECT count(*)::int AS n FROM password_reset_requests'))[0].n,
      (n) => n === 11,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mails).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM password_tokens')).toEqual([]);
  });

  it('lets a reset link expire after an hour', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: officer.email }).expect(202);
    await waitFor(
      () => smtp.mails.length,
      (n) => n >= 1,
    );
    await t.db.query(`UPDATE password_tokens SET expires_at = now() - interval '1 second'`);
    const res = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: tokenIn(smtp.mails[0].text), password: NEW_PASSWORD })
      .expect(400);
    expect(res.body.details.reason).toBe('expired');
  });

  it('changes the password with the current one and revokes every session and token', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const jwt = await tokenFor(t.http, kl);
    const web = await signInWeb(t.http, kl);
    expect((await request(t.http).get('/').set('Cookie', cookieHeader(web.jar))).status).toBe(200);
    const wrong = await post(t, '/me/password', jwt, {
      currentPassword: 'not-it',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await post(t, '/me/password', jwt, {
      currentPassword: 'correct-horse-battery-staple',
      newPassword: 'qwertyqwerty',
    });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({
      code: 'PASSWORD_TOO_WEAK',
      details: { field: 'newPassword', reason: 'common' },
    });

    await post(t, '/me/password', jwt, {
      currentPassword: 'correct-horse-battery-staple',
      newPassword: NEW_PASSWORD,
    }).expect(204);
    await request(t.http).get('/api/v1/me').auth(jwt, { type: 'bearer' }).expect(401);
    expect((await request(t.http).get('/').set('Cookie', cookieHeader(web.jar))).status).toBe(401);
    await login(t, kl.email, 'correct-horse-battery-staple').expect(401);
    const fresh = await login(t, kl.email, NEW_PASSWORD).expect(200);
    await request(t.http).get('/api/v1/me').auth(fresh.body.accessToken, { type: 'bearer' }).expect(200);
  });
});

describe('Invitations without SMTP, and the CSV import (e2e)', () => {
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

  it('returns the link to the admin when it cannot be e-mailed', async () => {
    const res = await post(t, '/admin/invitations', adminToken, {
      email: 'kl@kl.dk',
      role: 'kl_analyst',
    }).expect(201);
    expect(res.body.emailed).toBe(false);
    expect(res.body.link).toMatch(/^http:\/\/localhost:3000\/adgangskode\/ny\?token=/);
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: tokenIn(res.body.link), password: NEW_PASSWORD })
      .expect(200);
  });

  it('bootstraps the first admin with a link (npm run user:create), and a second only with force', async () => {
    await resetData(t.db);
    const invitations = t.app.get(InvitationsService);
    const first = await invitations.bootstrap(
      { email: 'First@KL.dk', role: 'platform_admin', displayName: 'IT' },
      false,
    );
    expect(first.invitation).toMatchObject({
      email: 'first@kl.dk',
      role: 'platform_admin',
      status: 'pending',
    });
    await expect(
      invitations.bootstrap({ email: 'second@kl.dk', role: 'platform_admin' }, false),
    ).rejects.toThrow('add --force');
    expect(await userCount(t)).toBe(1);
    await invitations.bootstrap({ email: 'second@kl.dk', role: 'platform_admin' }, true);
    // Run again before the link was used: a new link, and the old one is void.
    const again = await invitations.bootstrap({ email: 'first@kl.dk', role: 'platform_admin' }, false);
    const old = await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: tokenIn(first.link), password: NEW_PASSWORD });
    expect(old.body.details).toEqual({ reason: 'unknown' });
    await request(t.http)
      .post('/api/v1/auth/set-password')
      .send({ token: tokenIn(again.link), password: NEW_PASSWORD })
      .expect(200);
    await login(t, 'first@kl.dk', NEW_PASSWORD).expect(200);
    // Now that it has a password, the command refuses the address.
    await expect(
      invitations.bootstrap({ email: 'first@kl.dk', role: 'platform_admin' }, true),
    ).rejects.toThrow('already exists');
    const officer = await invitations.bootstrap(
      { email: 'o@ballerup.dk', role: 'municipality_officer', municipalityCode: 151 },
      false,
    );
    expect(officer.invitation.municipalityCode).toBe(151);
  });

  it('answers a reset request the same and makes no link without SMTP', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: kl.email }).expect(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(await t.db.query('SELECT 1 FROM password_tokens')).toEqual([]);
    await request(t.http).post('/api/v1/auth/password-reset').send({ email: 'bad' }).expect(400);
  });

  const CSV = [
    'kommunekode;e-mail;navn',
    '151;anne@ballerup.dk;Anne Hansen',
    '101;bo@kk.dk;Bo Jensen',
    '998;carl@x.dk;Carl',
    '147;not-an-address;Dorte',
    '151;ANNE@ballerup.dk;Anne igen',
  ].join('\r\n');

  it('dry-runs a CSV with the problems per row, and a real import with any problem invites nobody', async () => {
    const before = await userCount(t);
    const dry = await post(t, '/admin/invitations/import', adminToken, { csv: CSV, dryRun: true }).expect(
      200,
    );
    expect(dry.body).toMatchObject({ dryRun: true, valid: 2, invalid: 3, invited: [] });
    expect(
      dry.body.rows.map((r: { line: number; problems: Array<{ field: string; code: string }> }) => [
        r.line,
        r.problems.map((p) => `${p.field}:${p.code}`),
      ]),
    ).toEqual([
      [2, []],
      [3, []],
      [4, ['municipalityCode:MUNICIPALITY_UNKNOWN']],
      [5, ['email:VALIDATION_FAILED']],
      [6, ['email:USER_EMAIL_TAKEN']],
    ]);
    expect(await userCount(t)).toBe(before);

    const real = await post(t, '/admin/invitations/import', adminToken, { csv: CSV }).expect(422);
    expect(real.body.code).toBe('INVITATION_IMPORT_INVALID');
    expect(real.body.details.rows.map((r: { line: number }) => r.line)).toEqual([4, 5, 6]);
    expect(await userCount(t)).toBe(before);
    expect(await t.db.query('SELECT 1 FROM password_tokens')).toEqual([]);
  });

  it('imports every row of a clean CSV as officers in one go, with a link for each', async () => {
    const clean = 'kommunekode;e-mail;navn\n151;anne@ballerup.dk;Anne Hansen\n101;bo@kk.dk;Bo Jensen\n';
    const res = await post(t, '/admin/invitations/import', adminToken, { csv: clean }).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, valid: 2, invalid: 0 });
    expect(res.body.invited).toHaveLength(2);
    expect(res.body.invited[0]).toMatchObject({
      emailed: false,
      invitation: { email: 'anne@ballerup.dk', municipalityCode: 151, displayName: 'Anne Hansen' },
    });
    const users = await t.db.query(
      `SELECT email, role, municipality_code FROM users WHERE password_hash IS NULL ORDER BY email`,
    );
    expect(users).toEqual([
      { email: 'anne@ballerup.dk', role: 'municipality_officer', municipality_code: 151 },
      { email: 'bo@kk.dk', role: 'municipality_officer', municipality_code: 101 },
    ]);
    // The same file again: every row is taken now, nobody new.
    await post(t, '/admin/invitations/import', adminToken, { csv: clean }).expect(422);
  });
});
