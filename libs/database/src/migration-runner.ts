import { DataSource, MigrationExecutor } from 'typeorm';

/** Arbitrary, fixed key: every Baseline instance takes the same lock before migrating. */
export const MIGRATION_LOCK_KEY = 7_311_845_021;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that two instances
 * starting together migrate one after the other instead of racing on the same DDL. Waiting for the
 * lock and migrating may take longer than the pool's statement timeout allows a request, so this
 * one session lifts it.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SET statement_timeout = 0');
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, runner);
    executor.transaction = 'each';
    const applied = await executor.executePendingMigrations();
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.query('RESET statement_timeout').catch(() => undefined);
    await runner.release();
  }
}
