import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** The DataSource of the TypeORM CLI (`npm run migration:run|revert|generate`), as the schema owner. */
export default new DataSource(
  dataSourceOptions(
    process.env.MIGRATION_DATABASE_URL ??
      process.env.DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/baseline',
  ),
);
