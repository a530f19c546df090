import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { AdminApiKeysController } from './admin-api-keys.controller';
import { AdminAuditController } from './admin-audit.controller';
import { AdminUsersController } from './admin-users.controller';

/** Platform administration over HTTP: users, API keys and the audit log. */
@Module({
  imports: [AuthModule],
  controllers: [AdminUsersController, AdminApiKeysController, AdminAuditController],
})
export class AdminModule {}
