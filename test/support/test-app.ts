import { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfigService } from '@app/config';
import type { DatabaseLimits } from '@app/database';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  db: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another address of the e2e database (e.g. through a proxy that a test can cut). */
  databaseUrl?: string;
  databaseLimits?: Partial<DatabaseLimits>;
  /** Jobs on this Redis instead of on PostgreSQL. */
  redisUrl?: string;
}

/** The environment is read once per test process; these settings differ per app instance. */
class TestConfig extends AppConfigService {
  constructor(
    config: ConstructorParameters<typeof AppConfigService>[0],
    private readonly options: TestAppOptions,
  ) {
    super(config);
  }
  override get databaseUrl() {
    return this.options.databaseUrl ?? super.databaseUrl;
  }
  override get redisUrl() {
    return this.options.redisUrl ?? super.redisUrl;
  }
  override get databaseLimits() {
    return { ...super.databaseLimits, ...this.options.databaseLimits };
  }
}

/** An app module (API or worker) compiled with this instance's settings. */
export function compileWithOptions(module: Type, options: TestAppOptions = {}): Promise<TestingModule> {
  return Test.createTestingModule({ imports: [module] })
    .overrideProvider(AppConfigService)
    .useFactory({
      factory: (config: ConstructorParameters<typeof AppConfigService>[0]) => new TestConfig(config, options),
      inject: [ConfigService],
    })
    .compile();
}

/** The real API module, configured exactly as main.ts does, against the e2e database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const moduleRef = await compileWithOptions(ApiModule, options);
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
