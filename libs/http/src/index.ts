export * from './all-exceptions.filter';
export * from './error-body';
export * from './logger.module';
export * from './validation.pipe';
export * from './no-store.middleware';
