import { INestApplication, Type } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Test, TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { AppConfigService, type OidcSettings } from '@app/config';
import { dataSourceOptions, type DatabaseLimits } from '@app/database';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import { testAuditHeadFile, testDatabaseUrl } from './test-database';

export interface TestApp {
  app: INestApplication;
  http: ReturnType<INestApplication['getHttpServer']>;
  /** The app's own connection: its role may not change or empty the audit log. */
  db: DataSource;
  /** The schema owner's connection, for what only the owner (or an attacker as superuser) may do. */
  owner: DataSource;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Another address of the e2e database (e.g. through a proxy that a test can cut). */
  databaseUrl?: string;
  databaseLimits?: Partial<DatabaseLimits>;
  /** Jobs on this Redis instead of on PostgreSQL. */
  redisUrl?: string;
  /** As COOKIE_SECURE=true: Secure, `__Host-`-named cookies. */
  secureCookie?: boolean;
  /** SSO settings (null: off); read on each use, so a test may set them once the app listens. */
  oidc?: OidcSettings | null;
  /** As MFA_REQUIRED_ROLES (tests default to none, so password sign-ins keep working). */
  mfaRequiredRoles?: string[];
  /** As PUBLIC_URL (read on use: a test may set it once it knows its port); also the WebAuthn origin. */
  publicUrl?: string;
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
  override get session() {
    return { ...super.session, secureCookie: this.options.secureCookie ?? super.session.secureCookie };
  }
  override get oidc() {
    return this.options.oidc !== undefined ? this.options.oidc : super.oidc;
  }
  override get publicUrl() {
    return this.options.publicUrl ?? super.publicUrl;
  }
  override get mfaRequiredRoles() {
    return this.options.mfaRequiredRoles ?? super.mfaRequiredRoles;
  }
}

/** The owner connection of each app connection, so that `resetData(t.db)` can empty the audit log. */
const owners = new WeakMap<DataSource, DataSource>();

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
  const owner = await new DataSource(
    dataSourceOptions(testDatabaseUrl(), { extra: { max: 2, application_name: 'baseline-test-owner' } }),
  ).initialize();
  owners.set(db, owner);
  const close = async () => {
    await app.close();
    await owner.destroy();
  };
  return { app, http: app.getHttpServer(), db, owner, close };
}

/**
 * Empties what tests write. The app's role may not empty the audit log, so the schema owner does,
 * lifting the tables' TRUNCATE guards for the one statement, and the signed heads go with it.
 */
export async function resetData(db: DataSource): Promise<void> {
  const owner = owners.get(db);
  if (!owner) throw new Error('resetData needs the DataSource of a createTestApp() app');
  await owner.transaction(async (m) => {
    await m.query(
      'TRUNCATE users, api_keys, web_sessions, sign_in_failures, notifications, answers, responses, questions, areas, scale_levels, editions, surveys, advisories, password_reset_requests CASCADE',
    );
    // The municipalities stay (reference data), but not a test's MFA rule for their officers.
    await m.query('UPDATE municipalities SET officers_must_use_mfa = false WHERE officers_must_use_mfa');
    await m.query('ALTER TABLE audit_seals DISABLE TRIGGER audit_seals_no_truncate');
    await m.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate');
    await m.query('TRUNCATE audit_seals, audit_log');
    await m.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_truncate');
    await m.query('ALTER TABLE audit_seals ENABLE TRIGGER audit_seals_no_truncate');
  });
  rmSync(testAuditHeadFile(), { force: true });
}

/**
 * Listens on a free local port and returns the base URL: a browser, or requests sent at the same
 * instant, need a real socket (supertest would listen anew for each request).
 */
export async function listenLocally(t: TestApp): Promise<string> {
  await t.app.listen(0, '127.0.0.1');
  return `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
}
