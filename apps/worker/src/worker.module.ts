import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AppLoggerModule } from '@app/http';
import { QueueModule } from '@app/queue';
import { MaintenanceProcessor } from './maintenance.processor';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, AuditModule, QueueModule],
  providers: [MaintenanceProcessor, SchedulesService],
})
export class WorkerModule {}
