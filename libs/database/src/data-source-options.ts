import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { ENTITIES } from './entities';

/** Migrations are compiled next to this file's build output, or loaded as .ts under ts-node/jest. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', 'migrations', '[0-9]*.{ts,js}');

/** How long the platform waits for PostgreSQL before giving up (libs/config reads them from the environment). */
export interface DatabaseLimits {
  poolMax: number;
  /** Waiting for a pooled connection, or for a new one to be established. */
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/**
 * The server's timeouts are sent with every new connection. The client-side query timeout is a
 * backstop for a server that no longer answers at all (frozen, or a network partition), where the
 * server's own statement_timeout cannot fire; it is later, so a live server always cancels first.
 */
export function poolOptions(limits: DatabaseLimits): Partial<DataSourceOptions> {
  return {
    extra: {
      application_name: 'baseline',
      max: limits.poolMax,
      connectionTimeoutMillis: limits.connectTimeoutMs,
      statement_timeout: limits.statementTimeoutMs,
      idle_in_transaction_session_timeout: limits.idleInTransactionTimeoutMs,
      query_timeout: limits.statementTimeoutMs + limits.connectTimeoutMs,
    },
  } as Partial<DataSourceOptions>;
}

export function dataSourceOptions(
  url: string,
  overrides: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'typeorm_migrations',
    // gen_random_uuid() is built into PostgreSQL 13+, so no extension has to be installed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    // The schema changes only through migrations.
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10, application_name: 'baseline' },
    ...overrides,
  } as DataSourceOptions;
}
