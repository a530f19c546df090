export * from './all-exceptions.filter';
export * from './error-body';
export * from './field-error';
export * from './logger.module';
export * from './validation.pipe';
export * from './non-empty-body.pipe';
export * from './request-input.middleware';
export * from './unsafe-input';
