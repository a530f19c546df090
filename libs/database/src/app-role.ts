import type { DataSource } from 'typeorm';

/** Tables the app may read and append to, never change: the audit trail and its seals. */
export const APPEND_ONLY_TABLES = ['audit_log', 'audit_seals'] as const;

/**
 * Views the app may only read. `ALL TABLES` includes views, and simple views are updatable, so
 * their write privileges are taken back. Owned by libs/responses (responses-read-views.ts) and
 * libs/incidents (incident-read-views.ts).
 */
export const READ_ONLY_VIEWS = [
  'submitted_responses',
  'submitted_answer_values',
  'counted_incidents',
] as const;

/** The login role named in a PostgreSQL URL ('' when the URL leaves it to the driver's default). */
export function loginRole(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Gives the app's login role what it needs and no more, run by the schema owner after migrating:
 * data access to every table (and, by default privileges, every future table of the owner), only
 * SELECT and INSERT on the append-only tables, only SELECT on the read-only views, nothing on the
 * migrations ledger, and CREATE on the database so that BullMQ's PostgreSQL backend can keep its
 * own schema. The role itself is made by whoever provisions the server (the launcher, the test setup, docker/postgres-init).
 */
export async function grantAppRole(dataSource: DataSource, role: string): Promise<void> {
  const app = dataSource.driver.escape(role);
  const [{ database }] = (await dataSource.query('SELECT current_database() AS database')) as Array<{
    database: string;
  }>;
  const appendOnly = APPEND_ONLY_TABLES.join(', ');
  for (const sql of [
    `GRANT CONNECT, CREATE ON DATABASE ${dataSource.driver.escape(database)} TO ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `REVOKE UPDATE, DELETE, TRUNCATE ON ${appendOnly} FROM ${app}`,
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ${READ_ONLY_VIEWS.join(', ')} FROM ${app}`,
    `REVOKE ALL ON typeorm_migrations FROM ${app}`,
  ]) {
    await dataSource.query(sql);
  }
}
