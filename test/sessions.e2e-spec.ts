import request from 'supertest';
import { hashSecretToken } from '@app/auth';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { cookieHeader, Jar } from './support/cookie-jar';
import { signInWeb } from './support/web-session';

/** Whether the browser with these cookies is still signed in (the home page, or a redirect to /login). */
const signedIn = async (t: TestApp, jar: Jar) => {
  const res = await request(t.http).get('/').set('Cookie', cookieHeader(jar));
  return res.status === 200;
};
const sessionToken = (jar: Jar) => jar.get('baseline_session')!;

describe('Web sessions: idle and absolute expiry, rotation, list and revoke (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('ends a session idle for more than 30 minutes, and keeps one in use alive', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const { jar } = await signInWeb(t.http, officer);
    const hash = hashSecretToken(sessionToken(jar));
    await t.db.query(
      `UPDATE web_sessions SET last_seen_at = now() - interval '29 minutes' WHERE token_hash = $1`,
      [hash],
    );
    expect(await signedIn(t, jar)).toBe(true);
    // That request counted as use: the session is fresh again.
    const [row] = await t.db.query(
      `SELECT now() - last_seen_at < interval '1 minute' AS fresh FROM web_sessions WHERE token_hash = $1`,
      [hash],
    );
    expect(row.fresh).toBe(true);
    await t.db.query(
      `UPDATE web_sessions SET last_seen_at = now() - interval '31 minutes' WHERE token_hash = $1`,
      [hash],
    );
    const res = await request(t.http).get('/').set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
    expect([res.status, res.headers.location]).toEqual([303, '/login']);
  });

  it('ends a session 8 hours after sign-in however busy it is', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { jar } = await signInWeb(t.http, kl);
    const [row] = await t.db.query(
      `SELECT round(extract(epoch FROM expires_at - created_at)) AS seconds FROM web_sessions WHERE user_id = $1`,
      [kl.id],
    );
    expect(Number(row.seconds)).toBe(8 * 3600);
    await t.db.query(
      `UPDATE web_sessions SET created_at = created_at - interval '8 hours 1 minute',
              expires_at = expires_at - interval '8 hours 1 minute', last_seen_at = now() WHERE user_id = $1`,
      [kl.id],
    );
    expect(await signedIn(t, jar)).toBe(false);
  });

  it('gives a new session id at every sign-in and ends the one the browser had', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const first = await signInWeb(t.http, kl);
    const second = await signInWeb(t.http, kl, first.jar);
    expect(sessionToken(second.jar)).not.toBe(sessionToken(first.jar));
    const [old] = await t.db.query(`SELECT revoked_at FROM web_sessions WHERE token_hash = $1`, [
      hashSecretToken(sessionToken(first.jar)),
    ]);
    expect(old.revoked_at).not.toBeNull();
    expect(await signedIn(t, new Map([['baseline_session', sessionToken(first.jar)]]))).toBe(false);
  });

  it('ends sessions and tokens at a role change', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const { jar } = await signInWeb(t.http, kl);
    const token = await tokenFor(t.http, kl);
    await t.db.query(`UPDATE users SET role = 'cert_analyst' WHERE id = $1`, [kl.id]);
    expect(await signedIn(t, jar)).toBe(false);
    await request(t.http).get('/api/v1/me').auth(token, { type: 'bearer' }).expect(401);
    const fresh = await tokenFor(t.http, kl);
    const me = await request(t.http).get('/api/v1/me').auth(fresh, { type: 'bearer' }).expect(200);
    expect(me.body.role).toBe('cert_analyst');
  });

  it('lists the own live sessions and revokes one, and logs out everywhere', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const other = await createUser(t.db, 'municipality_officer', 151);
    const a = await signInWeb(t.http, officer);
    const b = await signInWeb(t.http, officer);
    const c = await signInWeb(t.http, officer);
    const theirs = await signInWeb(t.http, other);
    const token = await tokenFor(t.http, officer);
    const list = await request(t.http).get('/api/v1/me/sessions').auth(token, { type: 'bearer' }).expect(200);
    expect(list.body).toHaveLength(3);
    expect(Object.keys(list.body[0]).sort()).toEqual(
      ['address', 'createdAt', 'current', 'expiresAt', 'id', 'lastSeenAt', 'userAgent'].sort(),
    );
    const [{ id: aId }] = await t.db.query(`SELECT id FROM web_sessions WHERE token_hash = $1`, [
      hashSecretToken(sessionToken(a.jar)),
    ]);
    await request(t.http).delete(`/api/v1/me/sessions/${aId}`).auth(token, { type: 'bearer' }).expect(204);
    expect(await signedIn(t, a.jar)).toBe(false);
    expect(await signedIn(t, b.jar)).toBe(true);
    const gone = await request(t.http)
      .delete(`/api/v1/me/sessions/${aId}`)
      .auth(token, { type: 'bearer' })
      .expect(404);
    expect(gone.body.code).toBe('SESSION_NOT_FOUND');
    // Another user's session is not found, not revoked.
    const [{ id: theirId }] = await t.db.query(`SELECT id FROM web_sessions WHERE user_id = $1`, [other.id]);
    await request(t.http)
      .delete(`/api/v1/me/sessions/${theirId}`)
      .auth(token, { type: 'bearer' })
      .expect(404);
    expect(await signedIn(t, theirs.jar)).toBe(true);
    const bad = await request(t.http)
      .delete('/api/v1/me/sessions/not-a-uuid')
      .auth(token, { type: 'bearer' })
      .expect(400);
    expect(bad.body.code).toBeDefined();

    const all = await request(t.http)
      .delete('/api/v1/me/sessions')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(all.body).toEqual({ revoked: 2 });
    expect(await signedIn(t, b.jar)).toBe(false);
    expect(await signedIn(t, c.jar)).toBe(false);
    expect(await signedIn(t, theirs.jar)).toBe(true);
    const actions = await t.db.query(`SELECT action FROM audit_log WHERE actor_id = $1 ORDER BY seq`, [
      officer.id,
    ]);
    expect(actions.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['auth.session-revoked', 'auth.other-sessions-revoked']),
    );
  });
});
