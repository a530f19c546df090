export * from './mailer';
export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.service';
export * from './unlock-link-mailer';
export * from './notification.dto';
