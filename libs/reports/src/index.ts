export * from './report-data.service';
export * from './report-jobs.service';
export * from './report-model';
export * from './report-renderer.service';
export * from './reports.module';
export * from './reports.repository';
export * from './reports.service';
export * from './report-page';
