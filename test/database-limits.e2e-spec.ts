import { Client } from 'pg';
import request from 'supertest';
import { PoolCheckoutInTransactionError } from '@app/database';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser } from './support/factories';
import { TcpProxy } from './support/tcp-proxy';
import { TEST_REDIS_URL, testAppDatabaseUrl, testDatabaseUrl } from './support/test-database';

/** Short limits, so that each failure shows within a test's time. */
const LIMITS = {
  poolMax: 2,
  connectTimeoutMs: 1_000,
  statementTimeoutMs: 1_000,
  idleInTransactionTimeoutMs: 1_000,
};

/** Far below what a hang would take, and above the limits plus a busy machine. */
const FAIL_FAST_MS = 5_000;

const UNAVAILABLE = {
  statusCode: 503,
  error: 'Service Unavailable',
  message: 'The database is not available right now; please try again in a moment',
};

const signIn = (t: TestApp, user: TestUser) =>
  request(t.http).post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });

/** Sign-in needs the database; times it, so a test can tell failing fast from hanging. */
async function timedSignIn(t: TestApp, user: TestUser) {
  const started = Date.now();
  const res = await signIn(t, user);
  return { res, ms: Date.now() - started };
}

describe('When the database is slow, full or away (e2e)', () => {
  describe('against the e2e database directly', () => {
    let t: TestApp;
    let user: TestUser;

    beforeAll(async () => {
      t = await createTestApp({ databaseLimits: LIMITS });
      await resetData(t.db);
      user = await createUser(t.db, 'kl_analyst');
    });
    afterAll(() => t.close());

    it('refuses a query that asks the pool for a second connection inside a transaction', async () => {
      await expect(t.db.transaction(() => t.db.query('SELECT 1'))).rejects.toBeInstanceOf(
        PoolCheckoutInTransactionError,
      );
      await expect(t.db.transaction((m) => m.query('SELECT 1 AS one'))).resolves.toEqual([{ one: 1 }]);
      await expect(t.db.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
    });

    it('answers sign-in 503 when every pooled connection is taken, and 200 once one is free', async () => {
      const held = await Promise.all(
        Array.from({ length: LIMITS.poolMax }, async () => {
          const runner = t.db.createQueryRunner();
          await runner.connect();
          return runner;
        }),
      );
      try {
        const { res, ms } = await timedSignIn(t, user);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject(UNAVAILABLE);
        expect(ms).toBeLessThan(FAIL_FAST_MS);
      } finally {
        await Promise.all(held.map((r) => r.release()));
      }
      expect((await signIn(t, user)).status).toBe(200);
    });

    it('answers 503 when a statement waits longer than the statement timeout', async () => {
      // Another session takes a lock that sign-in's read of the users table must wait for.
      const blocker = new Client({ connectionString: testDatabaseUrl() });
      await blocker.connect();
      try {
        await blocker.query('BEGIN');
        await blocker.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
        const { res, ms } = await timedSignIn(t, user);
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject(UNAVAILABLE);
        expect(JSON.stringify(res.body)).not.toMatch(/SELECT|users/);
        expect(ms).toBeLessThan(FAIL_FAST_MS);
      } finally {
        await blocker.query('ROLLBACK');
        await blocker.end();
      }
      expect((await signIn(t, user)).status).toBe(200);
    });

    it('ends a session left idle inside a transaction', async () => {
      const runner = t.db.createQueryRunner();
      await runner.connect();
      try {
        await runner.startTransaction();
        const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
        await new Promise((r) => setTimeout(r, LIMITS.idleInTransactionTimeoutMs + 1_000));
        const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = $1', [
          pid,
        ]);
        expect(n).toBe(0);
      } finally {
        await runner.release();
      }
      expect((await signIn(t, user)).status).toBe(200);
    });
  });

  describe('through a relay that a test can freeze or cut', () => {
    let proxy: TcpProxy;
    let t: TestApp;
    let user: TestUser;

    beforeEach(async () => {
      // As the app's role, as every app in the tests: a superuser would create BullMQ's schema as its own.
      const target = new URL(testAppDatabaseUrl());
      proxy = await TcpProxy.start({ host: target.hostname, port: Number(target.port || 5432) });
      target.port = String(proxy.port);
      // Jobs on Redis: only the application's pool goes through the relay.
      t = await createTestApp({
        databaseUrl: target.toString(),
        databaseLimits: LIMITS,
        redisUrl: TEST_REDIS_URL,
      });
      await resetData(t.db);
      user = await createUser(t.db, 'kl_analyst');
      expect((await signIn(t, user)).status).toBe(200);
    });
    afterEach(async () => {
      await proxy.stop();
      await t.close();
    });

    it('answers sign-in 503, not 500, when the database has gone away', async () => {
      await proxy.stop();
      const { res, ms } = await timedSignIn(t, user);
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject(UNAVAILABLE);
      expect(ms).toBeLessThan(FAIL_FAST_MS);
      expect((await request(t.http).get('/health')).status).toBe(503);
    });

    it('answers sign-in 503 quickly when the database has frozen', async () => {
      proxy.freeze();
      const attempts = await Promise.all(
        Array.from({ length: LIMITS.poolMax + 2 }, () => timedSignIn(t, user)),
      );
      for (const { res, ms } of attempts) {
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject(UNAVAILABLE);
        expect(ms).toBeLessThan(FAIL_FAST_MS);
      }
    });
  });
});
