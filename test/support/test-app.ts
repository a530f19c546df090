import { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  db: DataSource;
  close(): Promise<void>;
}

/** The real API module, configured exactly as main.ts does, against the e2e database. */
export async function createTestApp(): Promise<TestApp> {
  const moduleRef = await Test.createTestingModule({ imports: [ApiModule] }).compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  configureApi(app);
  await app.init();
  const db = app.get<DataSource>(getDataSourceToken());
  return { app, http: app.getHttpServer(), db, close: () => app.close() };
}

/**
 * Empties what tests write. The audit log refuses TRUNCATE by design; the test owner lifts that
 * guard for the one statement, as only a database superuser could.
 */
export async function resetData(db: DataSource): Promise<void> {
  await db.transaction(async (m) => {
    await m.query(
      'TRUNCATE users, api_keys, web_sessions, sign_in_failures, notifications, answers, responses, questions, areas, scale_levels, editions, surveys CASCADE',
    );
    await m.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
    await m.query('TRUNCATE audit_log');
    await m.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
  });
}
