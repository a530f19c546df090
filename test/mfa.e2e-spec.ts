import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, tokenFor } from './support/factories';
import { enrolTotp, passwordStep, secretOf, totpCode } from './support/mfa';

/** Audit actions recorded for a user, oldest first. */
const auditedActions = async (t: TestApp, userId: string) =>
  (
    await t.db.query<Array<{ action: string }>>(
      `SELECT action FROM audit_log WHERE actor_id = $1 OR target_id = $1::text ORDER BY seq`,
      [userId],
    )
  ).map((r) => r.action);

describe('MFA: TOTP, recovery codes, sign-in second step and throttling (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('enrols TOTP, then issues a JWT only after the second step, and refuses the same code twice', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { secret, recoveryCodes, confirmedWith } = await enrolTotp(t.http, await tokenFor(t.http, kl));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.db.query(`SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1`, [kl.id]);
    expect(stored).toHaveLength(10);
    expect(stored.map((r: { code_hash: string }) => r.code_hash)).not.toContain(recoveryCodes[0]);
    const [{ secret_sealed }] = await t.db.query(`SELECT secret_sealed FROM mfa_totp WHERE user_id = $1`, [
      kl.id,
    ]);
    expect(secret_sealed).not.toContain(secret);

    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ mfaRequired: true, enrolmentRequired: false });
    expect(login.body.methods).toEqual(['totp', 'recovery_code']);
    expect(login.body.accessToken).toBeUndefined();
    // The ticket is no access token.
    await request(t.http).get('/api/v1/me').auth(login.body.challengeToken, { type: 'bearer' }).expect(401);

    // The enrolment's confirming code was of this step: it is spent already.
    const replayed = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: login.body.challengeToken, code: confirmedWith })
      .expect(401);
    expect(replayed.body.code).toBe('MFA_CODE_REPLAYED');
    const wrong = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({
        challengeToken: login.body.challengeToken,
        code: '000000' === (await totpCode(secret, 1)) ? '111111' : '000000',
      })
      .expect(401);
    expect(wrong.body.code).toBe('MFA_CODE_INVALID');

    const next = await totpCode(secret, 1);
    const ok = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: login.body.challengeToken, code: next })
      .expect(200);
    expect(ok.body).toMatchObject({ tokenType: 'Bearer', user: { id: kl.id, role: 'kl_analyst' } });
    await request(t.http).get('/api/v1/me').auth(ok.body.accessToken, { type: 'bearer' }).expect(200);

    // The ticket is single-use, and the code of that step cannot be used again on a new one.
    const again = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: login.body.challengeToken, code: next })
      .expect(401);
    expect(again.body.code).toBe('MFA_CHALLENGE_INVALID');
    const second = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: await passwordStep(t.http, kl), code: next })
      .expect(401);
    expect(second.body.code).toBe('MFA_CODE_REPLAYED');

    const actions = await auditedActions(t, kl.id);
    expect(actions).toEqual(
      expect.arrayContaining([
        'mfa.totp-enrolment-started',
        'mfa.totp-enrolled',
        'auth.mfa-failed',
        'auth.signed-in',
      ]),
    );
    const reasons = await t.db.query(
      `SELECT details->>'reason' AS reason FROM audit_log WHERE action = 'auth.mfa-failed' AND actor_id = $1 ORDER BY seq`,
      [kl.id],
    );
    expect(reasons.map((r: { reason: string }) => r.reason)).toEqual(['replayed', 'wrong', 'replayed']);
  });

  it('accepts each recovery code once', async () => {
    const cert = await createUser(t.db, 'cert_analyst');
    const { recoveryCodes } = await enrolTotp(t.http, await tokenFor(t.http, cert));
    const code = recoveryCodes[3].toUpperCase().replace(/-/g, ' ');
    await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: await passwordStep(t.http, cert), code })
      .expect(200);
    const reused = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: await passwordStep(t.http, cert), code: recoveryCodes[3] })
      .expect(401);
    expect(reused.body.code).toBe('MFA_CODE_INVALID');
    const status = await request(t.http)
      .get('/api/v1/me/mfa')
      .auth(
        (
          await request(t.http)
            .post('/api/v1/auth/login/mfa')
            .send({ challengeToken: await passwordStep(t.http, cert), code: recoveryCodes[4] })
            .expect(200)
        ).body.accessToken,
        { type: 'bearer' },
      )
      .expect(200);
    expect(status.body).toMatchObject({ totp: true, recoveryCodesLeft: 8, required: false });
  });

  it('refuses an expired second-step ticket with MFA_CHALLENGE_INVALID', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { secret } = await enrolTotp(t.http, await tokenFor(t.http, kl));
    const challengeToken = await passwordStep(t.http, kl);
    await t.db.query(
      `UPDATE mfa_challenges SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [kl.id],
    );
    const res = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken, code: await totpCode(secret, 1) })
      .expect(401);
    expect(res.body.code).toBe('MFA_CHALLENGE_INVALID');
    const bad = await request(t.http).post('/api/v1/auth/login/mfa').send({ challengeToken }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('code');
  });

  it('throttles guessing the second factor on the same counters as passwords', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { secret } = await enrolTotp(t.http, await tokenFor(t.http, kl));
    const challengeToken = await passwordStep(t.http, kl);
    const right = await totpCode(secret, 1);
    const wrongCode = right === '123456' ? '654321' : '123456';
    // The password counts until the second step succeeds: 1 + 4 wrong codes reach the 5 free failures.
    for (let i = 0; i < 4; i++) {
      const res = await request(t.http)
        .post('/api/v1/auth/login/mfa')
        .send({ challengeToken, code: wrongCode });
      expect(res.body.code).toBe('MFA_CODE_INVALID');
    }
    const blocked = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken, code: right })
      .expect(429);
    expect(blocked.body.code).toBe('SIGN_IN_THROTTLED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // A new password attempt from there is held too.
    await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(429);
    const [pair] = await t.db.query(
      `SELECT failures FROM sign_in_failures WHERE scope = 'pair' AND email = $1`,
      [kl.email],
    );
    expect(pair.failures).toBe(5);
  });

  it('removes TOTP only with the password or a current code, and then signs in with the password alone', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const token = await tokenFor(t.http, officer);
    const { secret } = await enrolTotp(t.http, token);
    const refused = await request(t.http)
      .delete('/api/v1/me/mfa/totp')
      .auth(token, { type: 'bearer' })
      .send({ password: 'wrong' })
      .expect(403);
    expect(refused.body.code).toBe('MFA_REAUTH_FAILED');
    const again = await request(t.http)
      .post('/api/v1/me/mfa/totp')
      .auth(token, { type: 'bearer' })
      .expect(409);
    expect(again.body.code).toBe('MFA_STATE_CONFLICT');
    await request(t.http)
      .delete('/api/v1/me/mfa/totp')
      .auth(token, { type: 'bearer' })
      .send({ code: await totpCode(secret, 1) })
      .expect(204);
    expect(
      await t.db.query(`SELECT 1 FROM mfa_recovery_codes WHERE user_id = $1`, [officer.id]),
    ).toHaveLength(0);
    await tokenFor(t.http, officer);
    expect(await auditedActions(t, officer.id)).toContain('mfa.totp-removed');
  });

  it('regenerates recovery codes (the old ones stop working)', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const token = await tokenFor(t.http, kl);
    const { recoveryCodes: old } = await enrolTotp(t.http, token);
    const res = await request(t.http)
      .post('/api/v1/me/mfa/recovery-codes')
      .auth(token, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(200);
    expect(res.body.recoveryCodes).toHaveLength(10);
    await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: await passwordStep(t.http, kl), code: old[0] })
      .expect(401);
    await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: await passwordStep(t.http, kl), code: res.body.recoveryCodes[0] })
      .expect(200);
  });
});

describe('MFA required by role (MFA_REQUIRED_ROLES) and by municipality (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['platform_admin', 'kl_analyst', 'cert_analyst'] });
  });
  afterAll(async () => {
    await t.db.query('UPDATE municipalities SET officers_must_use_mfa = false');
    await t.close();
  });
  beforeEach(async () => {
    await resetData(t.db);
    await t.db.query('UPDATE municipalities SET officers_must_use_mfa = false');
  });

  it('gives a required role without a factor no token, only an enrolment, and a JWT after it', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ mfaRequired: true, enrolmentRequired: true, methods: ['totp'] });
    expect(login.body.accessToken).toBeUndefined();
    // The enrolment ticket is no way around the app: a recovery code or a guess does not pass.
    const enrol = await request(t.http)
      .post('/api/v1/auth/login/mfa/totp')
      .send({ challengeToken: login.body.challengeToken })
      .expect(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Baseline:/);
    expect(enrol.body.qrSvg).toContain('<svg');
    const secret = secretOf(enrol.body.otpauthUri);
    const done = await request(t.http)
      .post('/api/v1/auth/login/mfa')
      .send({ challengeToken: login.body.challengeToken, code: await totpCode(secret) })
      .expect(200);
    expect(done.body.recoveryCodes).toHaveLength(10);
    await request(t.http).get('/api/v1/me/mfa').auth(done.body.accessToken, { type: 'bearer' }).expect(200);
    // From now on it is the ordinary second step.
    const next = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: kl.email, password: TEST_PASSWORD })
      .expect(200);
    expect(next.body).toMatchObject({ mfaRequired: true, enrolmentRequired: false });
    // The last factor of a required account cannot be removed.
    const refused = await request(t.http)
      .delete('/api/v1/me/mfa/totp')
      .auth(done.body.accessToken, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(409);
    expect(refused.body.code).toBe('MFA_STATE_CONFLICT');
  });

  it('leaves officers to their municipality, which an admin or its own officer can make require MFA', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const other = await createUser(t.db, 'municipality_officer', 147);
    await tokenFor(t.http, officer); // not required by role
    const otherToken = await tokenFor(t.http, other);
    await request(t.http)
      .put('/api/v1/municipalities/151/mfa-policy')
      .auth(otherToken, { type: 'bearer' })
      .send({ officersMustUseMfa: true })
      .expect(403);
    const bad = await request(t.http)
      .put('/api/v1/municipalities/147/mfa-policy')
      .auth(otherToken, { type: 'bearer' })
      .send({ officersMustUseMfa: 'yes' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('officersMustUseMfa');
    await request(t.http)
      .put('/api/v1/municipalities/151/mfa-policy')
      .auth(await tokenFor(t.http, officer), { type: 'bearer' })
      .send({ officersMustUseMfa: true })
      .expect(200);
    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: officer.email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ mfaRequired: true, enrolmentRequired: true });
    await tokenFor(t.http, other); // Gentofte (147) does not require it
    expect(await auditedActions(t, officer.id)).toContain('mfa.municipality-policy-set');
  });
});
