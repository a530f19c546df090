import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The dedicated e2e database on the machine's PostgreSQL (override with TEST_DATABASE_URL). */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/baseline_test';
}

/** The app's login role in the tests: not a superuser, not the owner (global setup creates it). */
export const TEST_APP_ROLE = 'baseline_app';

/**
 * The e2e database as the app connects to it. TEST_DATABASE_URL's role owns the schema and runs
 * migrations; the app gets a role of its own, as in production. The server trusts local roles.
 */
export function testAppDatabaseUrl(): string {
  const url = new URL(testDatabaseUrl());
  url.username = TEST_APP_ROLE;
  url.password = '';
  return url.toString();
}

/** One signed-head file per test database, so that checkouts testing side by side keep apart. */
export function testAuditHeadFile(): string {
  return join(tmpdir(), `baseline-audit-head-${new URL(testDatabaseUrl()).pathname.slice(1)}.jsonl`);
}

/** The server's maintenance database, for CREATE/DROP DATABASE. */
export function adminDatabaseUrl(): string {
  const url = new URL(testDatabaseUrl());
  url.pathname = '/postgres';
  return url.toString();
}

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/0';
