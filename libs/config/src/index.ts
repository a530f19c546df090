export * from './app-config.module';
export * from './app-config.service';
export * from './environment-variables';
export * from './clock';
