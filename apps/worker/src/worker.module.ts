import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AppLoggerModule } from '@app/http';
import { QueueModule } from '@app/queue';
import { ResponsesModule } from '@app/responses';
import { MaintenanceProcessor } from './maintenance.processor';
import { SchedulesService } from './schedules.service';

@Module({
  imports: [AppConfigModule, AppLoggerModule, DatabaseModule, AuditModule, QueueModule, ResponsesModule],
  providers: [MaintenanceProcessor, SchedulesService],
})
export class WorkerModule {}
