import 'tsconfig-paths/register';
import 'reflect-metadata';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
/* eslint-disable no-restricted-imports -- the global setup runs before setup-env.ts gives the config a
   valid environment, and the lib indexes load the config module, which validates it on import. */
import { dataSourceOptions } from '../libs/database/src/data-source-options';
import { migrateAsOwner } from '../libs/database/src/migration-runner';
import { readMunicipalities } from '../libs/municipalities/src/reference-data';
/* eslint-enable no-restricted-imports */
import {
  adminDatabaseUrl,
  TEST_APP_ROLE,
  testAppDatabaseUrl,
  testAuditHeadFile,
  testDatabaseUrl,
} from './support/test-database';

/**
 * Recreates the e2e database once per run and migrates it as its owner, then grants the app's
 * role (created here when the server lacks it) exactly as an app instance would.
 */
export default async function globalSetup(): Promise<void> {
  const url = new URL(testDatabaseUrl());
  const name = url.pathname.slice(1);
  const admin = new Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  // Roles are server-wide and other checkouts may create it at the same moment.
  await admin.query(
    `DO $$ BEGIN CREATE ROLE ${TEST_APP_ROLE} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$`,
  );
  await admin.end();
  rmSync(testAuditHeadFile(), { force: true });

  await migrateAsOwner(testDatabaseUrl(), testAppDatabaseUrl());
  const dataSource = await new DataSource(dataSourceOptions(testDatabaseUrl())).initialize();
  const rows = readMunicipalities();
  await dataSource.query(
    `INSERT INTO regions (code, name) SELECT DISTINCT * FROM unnest($1::smallint[], $2::text[])`,
    [rows.map((r) => r.regionCode), rows.map((r) => r.regionName)],
  );
  await dataSource.query(
    `INSERT INTO municipalities (code, name, region_code, population, population_year)
     SELECT * FROM unnest($1::smallint[], $2::text[], $3::smallint[], $4::int[], $5::smallint[])`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.regionCode),
      rows.map((r) => r.population),
      rows.map((r) => r.populationYear),
    ],
  );
  await dataSource.destroy();
}
