import request from 'supertest';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, tokenFor } from './support/factories';
import { passwordStep } from './support/mfa';
import { SoftAuthenticator } from './support/soft-authenticator';

/** PUBLIC_URL's default: the relying party the server expects (origin and RP id). */
const ORIGIN = 'http://localhost:3000';
const RP_ID = 'localhost';

describe('WebAuthn passkeys: registration and sign-in with a software authenticator (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('registers a passkey, then signs in with it as the second factor, and refuses a replayed or foreign assertion', async () => {
    const cert = await createUser(t.db, 'cert_analyst');
    const token = await tokenFor(t.http, cert);
    const key = new SoftAuthenticator(ORIGIN, RP_ID);

    const options = await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration-options')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(options.body).toMatchObject({ rp: { id: RP_ID, name: 'Baseline' }, attestation: 'none' });
    const registered = await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration')
      .auth(token, { type: 'bearer' })
      .send({ response: key.register(options.body.challenge), name: 'Testnøgle' })
      .expect(201);
    expect(registered.body.recoveryCodes).toHaveLength(10);
    // The registration challenge is spent.
    const again = await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration')
      .auth(token, { type: 'bearer' })
      .send({ response: key.register(options.body.challenge) })
      .expect(409);
    expect(again.body.code).toBe('MFA_STATE_CONFLICT');

    const login = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: cert.email, password: TEST_PASSWORD })
      .expect(200);
    expect(login.body).toMatchObject({ mfaRequired: true, methods: ['recovery_code', 'webauthn'] });
    const challengeToken = login.body.challengeToken as string;

    const get = await request(t.http)
      .post('/api/v1/auth/login/mfa/webauthn/options')
      .send({ challengeToken })
      .expect(200);
    expect(get.body.allowCredentials).toEqual([{ id: key.id, type: 'public-key', transports: ['internal'] }]);
    // A phishing site's origin does not verify, and spends that challenge.
    const foreign = await request(t.http)
      .post('/api/v1/auth/login/mfa/webauthn')
      .send({ challengeToken, response: key.assert(get.body.challenge, 'https://baseline.example') })
      .expect(422);
    expect(foreign.body.code).toBe('PASSKEY_REJECTED');
    const stale = await request(t.http)
      .post('/api/v1/auth/login/mfa/webauthn')
      .send({ challengeToken, response: key.assert(get.body.challenge) })
      .expect(422);
    expect(stale.body.code).toBe('PASSKEY_REJECTED');

    const fresh = await request(t.http)
      .post('/api/v1/auth/login/mfa/webauthn/options')
      .send({ challengeToken })
      .expect(200);
    const ok = await request(t.http)
      .post('/api/v1/auth/login/mfa/webauthn')
      .send({ challengeToken, response: key.assert(fresh.body.challenge) })
      .expect(200);
    expect(ok.body.user).toMatchObject({ id: cert.id, role: 'cert_analyst' });
    await request(t.http).get('/api/v1/me/mfa').auth(ok.body.accessToken, { type: 'bearer' }).expect(200);
    const [cred] = await t.db.query(
      `SELECT counter, last_used_at FROM webauthn_credentials WHERE user_id = $1`,
      [cert.id],
    );
    expect(Number(cred.counter)).toBeGreaterThan(0);
    expect(cred.last_used_at).not.toBeNull();

    const audit = await t.db.query(`SELECT action, details FROM audit_log WHERE actor_id = $1 ORDER BY seq`, [
      cert.id,
    ]);
    const actions = audit.map((r: { action: string }) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['mfa.passkey-registered', 'auth.mfa-failed']));
    expect(audit.at(-1)).toMatchObject({ action: 'auth.signed-in', details: { mfa: 'webauthn' } });

    // Removing it needs the password; afterwards the password alone signs in again.
    await request(t.http)
      .delete(`/api/v1/me/mfa/webauthn/${registered.body.id}`)
      .auth(ok.body.accessToken, { type: 'bearer' })
      .send({ password: 'wrong' })
      .expect(403);
    await request(t.http)
      .delete(`/api/v1/me/mfa/webauthn/${registered.body.id}`)
      .auth(ok.body.accessToken, { type: 'bearer' })
      .send({ password: TEST_PASSWORD })
      .expect(204);
    await tokenFor(t.http, cert);
  });

  it('refuses a registration answering another challenge', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const token = await tokenFor(t.http, kl);
    await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration-options')
      .auth(token, { type: 'bearer' })
      .expect(200);
    const res = await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration')
      .auth(token, { type: 'bearer' })
      .send({ response: new SoftAuthenticator(ORIGIN, RP_ID).register('bm90LXRoZS1jaGFsbGVuZ2U') })
      .expect(422);
    expect(res.body.code).toBe('PASSKEY_REJECTED');
    const missing = await request(t.http)
      .post('/api/v1/me/mfa/webauthn/registration')
      .auth(token, { type: 'bearer' })
      .send({ name: 'x' })
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('response');
    await passwordStep(t.http, kl).then(
      () => {
        throw new Error('no factor was registered, so no second step');
      },
      () => undefined,
    );
  });
});
