import { Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/** In-app notifications, and e-mail when SMTP is configured. */
@Module({
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, Mailer],
  exports: [NotificationsService],
})
export class NotificationsModule {}
