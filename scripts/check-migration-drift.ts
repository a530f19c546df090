import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
/* eslint-disable no-restricted-imports -- this runs outside the app without its secrets, and the lib
   indexes load the config module, which validates the whole environment on import. */
import { dataSourceOptions } from '@app/database/data-source-options';
/* eslint-enable no-restricted-imports */

/**
 * Fails when the entities describe a schema the migrations do not build: migrates a scratch
 * database, then asks TypeORM which statements it would still need. Any statement is drift.
 */
async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `baseline_drift_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataSource = new DataSource(dataSourceOptions(url.toString()));
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const pending = await dataSource.driver.createSchemaBuilder().log();
    if (pending.upQueries.length > 0) {
      process.stderr.write('Entities and migrations drift. Missing statements:\n');
      for (const q of pending.upQueries) process.stderr.write(`  ${q.query}\n`);
      process.stderr.write('Generate a migration: npm run migration:generate migrations/<Name>\n');
      process.exitCode = 1;
    } else {
      process.stdout.write('Migrations match the entities: no drift.\n');
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
