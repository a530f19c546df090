import { Module } from '@nestjs/common';
import { AccessModule, AuthModule } from '@app/auth';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminUsersController } from './admin-users.controller';
import { UserAdministrationService } from './user-administration.service';

/** Platform administration over HTTP: users, API keys and the audit log; the web pages use its service. */
@Module({
  imports: [AuthModule, AccessModule],
  controllers: [AdminUsersController, AdminApiKeysController, AdminAuditController],
  providers: [UserAdministrationService],
  exports: [UserAdministrationService],
})
export class AdminModule {}
