export * from './database.module';
export * from './data-source-options';
export * from './migration-runner';
export * from './transaction-guard';
export * from './app-role';
export * from './like-pattern';
