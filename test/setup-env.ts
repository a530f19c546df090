// Runs in every e2e worker before the modules load: the config lib validates the environment on import.
import { testAppDatabaseUrl, testAuditHeadFile, testDatabaseUrl } from './support/test-database';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = testAppDatabaseUrl();
process.env.MIGRATION_DATABASE_URL = testDatabaseUrl();
process.env.JWT_SECRET ??= 'test-secret-that-is-long-enough-for-hs256-signing';
process.env.AUDIT_KEY ??= 'test-audit-key-that-is-long-enough-for-hmac';
process.env.AUDIT_HEAD_FILE = testAuditHeadFile();
process.env.LOG_LEVEL ??= 'silent';
process.env.MIGRATIONS_RUN = 'false';
delete process.env.REDIS_URL;
