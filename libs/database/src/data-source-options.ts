import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from 'typeorm-naming-strategies';
import { ENTITIES } from './entities';

/** Migrations are compiled next to this file's build output, or loaded as .ts under ts-node/jest. */
export const MIGRATIONS_GLOB = join(__dirname, '..', '..', '..', 'migrations', '[0-9]*.{ts,js}');

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
