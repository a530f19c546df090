import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AppLoggerModule } from '@app/http';
import { QueueModule } from '@app/queue';
import { ResponsesModule } from '@app/responses';
import { StatisticsModule } from '@app/statistics';
import { MaintenanceProcessor } from './maintenance.processor';
import { SchedulesService } from './schedules.service';
import { StatisticsProcessor } from './statistics.processor';

@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    AuditModule,
    QueueModule,
    ResponsesModule,
    StatisticsModule,
  ],
  providers: [MaintenanceProcessor, StatisticsProcessor, SchedulesService],
})
export class WorkerModule {}
