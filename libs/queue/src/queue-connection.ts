import { setDefaultBackendFactory } from 'bullmq';
import type { ConnectionOptions } from 'bullmq';
import type { DatabaseLimits } from '@app/database';
import { createRecoveringPostgresBackend } from './postgres-backend';

export type QueueBackendKind = 'redis' | 'postgres';

/** ioredis options from a redis:// URL; workers need `maxRetriesPerRequest: null` for blocking calls. */
export function redisOptionsFromUrl(redisUrl: string) {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * Chooses BullMQ's backend for this process: Redis when a URL is given, otherwise BullMQ's own
 * PostgreSQL backend in the platform database. `@nestjs/bullmq` has no backend option, so the
 * choice is made process-wide before any queue or worker is constructed.
 */
export function configureQueueBackend(
  redisUrl: string | undefined,
  databaseUrl: string,
  limits: DatabaseLimits,
) {
  if (redisUrl) {
    setDefaultBackendFactory();
    return {
      kind: 'redis' as QueueBackendKind,
      connection: redisOptionsFromUrl(redisUrl) as ConnectionOptions,
    };
  }
  setDefaultBackendFactory(createRecoveringPostgresBackend as Parameters<typeof setDefaultBackendFactory>[0]);
  return {
    kind: 'postgres' as QueueBackendKind,
    // The platform's own limits, so a queue call fails with the driver's error instead of waiting
    // forever on a database that is away or frozen (see poolOptions in libs/database).
    connection: {
      connectionString: databaseUrl,
      migrate: true,
      max: 5,
      keepAlive: true,
      connectionTimeoutMillis: limits.connectTimeoutMs,
      statement_timeout: limits.statementTimeoutMs,
      query_timeout: limits.statementTimeoutMs + limits.connectTimeoutMs,
    } as unknown as ConnectionOptions,
  };
}
