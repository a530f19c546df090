export * from './job-handler.decorator';
export * from './job-queue.service';
export * from './jobs';
export * from './queue.module';
export * from './queue-connection';
export * from './postgres-backend';
export * from './queue-workers.module';
