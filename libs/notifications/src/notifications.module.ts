import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { UnlockLinkMailer } from './unlock-link-mailer';

/** In-app notifications, and e-mail when SMTP is configured. */
@Module({
  imports: [AuthModule],
  controllers: [NotificationsController],
  providers: [NotificationsRepository, NotificationsService, Mailer, UnlockLinkMailer],
  exports: [NotificationsService, UnlockLinkMailer, Mailer],
})
export class NotificationsModule {}
