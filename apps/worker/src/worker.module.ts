import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AppLoggerModule } from '@app/http';
import { QueueModule } from '@app/queue';
import { ReportsModule } from '@app/reports';
import { ResponsesModule } from '@app/responses';
import { StatisticsModule } from '@app/statistics';
import { AuditSealerService } from './audit-sealer.service';
import { MaintenanceProcessor } from './maintenance.processor';
import { ReportsProcessor } from './reports.processor';
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
    ReportsModule,
  ],
  providers: [
    MaintenanceProcessor,
    StatisticsProcessor,
    ReportsProcessor,
    SchedulesService,
    AuditSealerService,
  ],
})
export class WorkerModule {}
