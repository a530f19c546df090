import type { DataSource } from 'typeorm';

/** Arbitrary, fixed key: every Baseline instance takes the same lock before migrating. */
export const MIGRATION_LOCK_KEY = 7_311_845_021;

/**
 * Runs pending migrations while holding a session-level advisory lock, so that two instances
 * starting together migrate one after the other instead of racing on the same DDL.
 */
export async function runMigrationsLocked(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
