import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

const ADMIN_URL = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Drops and creates the bench's own database (never the app's or a test's), and points the
 * platform's configuration at it. The config lib validates the environment on import, so this runs
 * before any module loads.
 */
export async function freshBenchDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  process.env.AUDIT_KEY ??= randomBytes(32).toString('hex');
  process.env.LOG_LEVEL = 'error';
  return url.toString();
}

/** The API on a free local port, migrated, with the 98 municipalities loaded. */
export async function startBenchApi(): Promise<{ app: INestApplication; base: string; db: DataSource }> {
  const { NestFactory } = await import('@nestjs/core');
  const { getDataSourceToken } = await import('@nestjs/typeorm');
  const { ApiModule } = await import('../apps/api/src/api.module');
  const { configureApi } = await import('../apps/api/src/configure-api');
  const { MunicipalitiesService } = await import('@app/municipalities');
  const app = await NestFactory.create(ApiModule, { bodyParser: false, logger: ['error'] });
  configureApi(app as never);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  const db = app.get<DataSource>(getDataSourceToken());
  await app.get(MunicipalitiesService).loadReferenceData();
  return { app, base, db };
}
