import { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor } from 'typeorm';
import { grantAppRole, loginRole } from './app-role';
import { dataSourceOptions } from './data-source-options';

/** Arbitrary, fixed key: every Baseline instance takes the same lock before migrating. */
export const MIGRATION_LOCK_KEY = 7_311_845_021;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that two instances
 * starting together migrate one after the other instead of racing on the same DDL. With `appRole`,
 * the app's grants are renewed under the same lock (concurrent GRANTs on one object can fail).
 * Waiting for the lock and migrating may take longer than the pool's statement timeout allows a
 * request, so this one session lifts it.
 */
export async function runMigrationsLocked(dataSource: DataSource, appRole?: string): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    if (appRole) await grantAppRole(dataSource, appRole);
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}

/**
 * Migrates as the schema owner (`ownerUrl`) and grants the app's role (`appUrl`) its privileges,
 * on a connection of its own that is closed before the app connects. When both URLs name the same
 * role (single-URL mode), there is nothing to grant: the app then owns the tables it writes.
 */
export async function migrateAsOwner(ownerUrl: string, appUrl: string): Promise<string[]> {
  const appRole = loginRole(appUrl);
  const separate = appRole !== loginRole(ownerUrl);
  const owner = await new DataSource(
    dataSourceOptions(ownerUrl, { extra: { max: 2, application_name: 'baseline-migrate' } }),
  ).initialize();
  try {
    return await runMigrationsLocked(owner, separate ? appRole : undefined);
  } finally {
    await owner.destroy();
  }
}

/** Single-URL mode works, but the app's role then owns audit_log and can rewrite it: say so. */
export function warnIfSingleUrl(ownerUrl: string, appUrl: string): void {
  if (loginRole(ownerUrl) === loginRole(appUrl)) {
    new Logger('Database').warn(
      'MIGRATION_DATABASE_URL is not set (or names the same role as DATABASE_URL): the app runs as ' +
        'the owner of audit_log, so only the keyed chain and its signed head protect the audit trail. ' +
        'Give the app a role of its own (see README, Configuration).',
    );
  }
}
