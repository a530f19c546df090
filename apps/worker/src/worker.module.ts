import { Module } from '@nestjs/common';
import { AdvisoriesWorkerModule } from '@app/advisories';
import { AuditWorkerModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { AppLoggerModule } from '@app/http';
import { IncidentsWorkerModule, IncidentStatisticsWorkerModule } from '@app/incidents';
import { QueueModule, QueueWorkersModule } from '@app/queue';
import { ReportsWorkerModule } from '@app/reports';
import { ResponsesWorkerModule } from '@app/responses';
import { StatisticsWorkerModule } from '@app/statistics';

/** The processors and schedules are declared by the domain libs' worker modules (see @app/queue). */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    QueueModule,
    QueueWorkersModule,
    AuditWorkerModule,
    ResponsesWorkerModule,
    StatisticsWorkerModule,
    ReportsWorkerModule,
    IncidentsWorkerModule,
    IncidentStatisticsWorkerModule,
    AdvisoriesWorkerModule,
  ],
})
export class WorkerModule {}
