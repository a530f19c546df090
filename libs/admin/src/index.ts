export * from './admin.module';
export * from './user-administration.service';
