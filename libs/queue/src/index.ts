export * from './job-queue.service';
export * from './jobs';
export * from './queue.module';
export * from './queue-connection';
export * from './typed-job.processor';
export * from './postgres-backend';
