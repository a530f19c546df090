import { Client } from 'pg';
import { DataSource } from 'typeorm';
/* eslint-disable no-restricted-imports -- the benches run outside the app without its secrets, and the
   lib indexes load the config module, which validates the whole environment on import. */
import { dataSourceOptions } from '@app/database/data-source-options';
import { runMigrationsLocked } from '@app/database/migration-runner';
import { readMunicipalities } from '@app/municipalities/reference-data';
/* eslint-enable no-restricted-imports */

export const BENCH_ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database of the bench's own (dropped first), migrated, with the 98 municipalities and 5 regions. */
export async function createBenchDatabase(name: string): Promise<DataSource> {
  const admin = new Client({ connectionString: BENCH_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(BENCH_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await new DataSource(dataSourceOptions(url.toString())).initialize();
  await runMigrationsLocked(db);
  const rows = readMunicipalities();
  await db.query(
    `INSERT INTO regions (code, name) SELECT DISTINCT * FROM unnest($1::smallint[], $2::text[])`,
    [rows.map((r) => r.regionCode), rows.map((r) => r.regionName)],
  );
  await db.query(
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
  return db;
}

export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
