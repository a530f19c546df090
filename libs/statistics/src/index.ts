export * from './statistics-jobs.service';
export * from './statistics-recompute.service';
export * from './statistics.module';
export * from './statistics.repository';
export * from './statistics.service';
export * from './suppression';
export * from './statistics-worker.module';
export * from './dto/statistics.response';
