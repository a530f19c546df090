export * from './static-assets';
export * from './web.module';
export * from './web-error.responder';
