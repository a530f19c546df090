import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '@app/config';
import { dataSourceOptions, poolOptions } from './data-source-options';
import { migrateAsOwner, warnIfSingleUrl } from './migration-runner';
import { GuardedDataSource } from './transaction-guard';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      // Migrate (as the schema owner, under the advisory lock) before the app's DataSource exists,
      // so no provider can query an unmigrated schema.
      useFactory: async (config: AppConfigService) => {
        if (config.runMigrations) {
          warnIfSingleUrl(config.migrationDatabaseUrl, config.databaseUrl);
          await migrateAsOwner(config.migrationDatabaseUrl, config.databaseUrl);
        }
        return dataSourceOptions(config.databaseUrl, poolOptions(config.databaseLimits));
      },
      // The app's connection refuses a pooled read inside one of its own transactions (transaction-guard.ts).
      dataSourceFactory: async (options) => new GuardedDataSource(options!).initialize(),
    }),
  ],
})
export class DatabaseModule {}
