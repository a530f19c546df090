export * from './statistics-jobs.service';
export * from './statistics-recompute.service';
export * from './statistics.module';
export type { StatisticsState } from './statistics.repository';
export * from './statistics.service';
export * from './statistics-worker.module';
export * from './dto/statistics.response';
export * from './dto/incident-quartiles.response';
