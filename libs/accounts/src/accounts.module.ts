import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { NotificationsModule } from '@app/notifications';
import { AccountMailer } from './account-mailer';
import { InvitationsController } from './invitations.controller';
import { InvitationsService } from './invitations.service';
import { PasswordTokensRepository } from './password-tokens.repository';
import { PasswordsController } from './passwords.controller';
import { PasswordsService } from './passwords.service';

/** Getting and keeping an account: invitations, one-time password links, password changes. */
@Module({
  imports: [AuthModule, NotificationsModule],
  controllers: [InvitationsController, PasswordsController],
  providers: [PasswordTokensRepository, InvitationsService, PasswordsService, AccountMailer],
  exports: [InvitationsService, PasswordsService],
})
export class AccountsModule {}
