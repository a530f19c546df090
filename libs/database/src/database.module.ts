import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigService } from '@app/config';
import { dataSourceOptions, poolOptions } from './data-source-options';
import { runMigrationsLocked } from './migration-runner';
import { GuardedDataSource } from './transaction-guard';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) =>
        dataSourceOptions(config.databaseUrl, {
          migrationsRun: config.runMigrations,
          ...poolOptions(config.databaseLimits),
        }),
      // Migrate before any provider can query, and under the advisory lock rather than TypeORM's own run.
      dataSourceFactory: async (options) => {
        const dataSource = await new GuardedDataSource({ ...options!, migrationsRun: false }).initialize();
        if (options!.migrationsRun) await runMigrationsLocked(dataSource);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {}
