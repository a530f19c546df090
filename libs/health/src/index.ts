export * from './health.module';
export * from './health.dto';
