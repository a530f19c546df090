import { Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { AccountsModule } from '@app/accounts';
import { AdvisoriesModule } from '@app/advisories';
import { AdminModule } from '@app/admin';
import { AuditModule } from '@app/audit';
import { AuthModule } from '@app/auth';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { HealthModule } from '@app/health';
import { AppLoggerModule } from '@app/http';
import { IncidentsModule, IncidentStatisticsModule } from '@app/incidents';
import { MunicipalitiesModule } from '@app/municipalities';
import { NotificationsModule } from '@app/notifications';
import { QueueModule } from '@app/queue';
import { ReportsModule } from '@app/reports';
import { ResponsesModule } from '@app/responses';
import { StatisticsModule } from '@app/statistics';
import { SurveysModule } from '@app/surveys';
import { WebModule } from '@app/web';

/** The JSON API lives under /api/v1; health and the web UI at the root. */
@Module({
  imports: [
    AppConfigModule,
    AppLoggerModule,
    DatabaseModule,
    AuditModule,
    QueueModule,
    AuthModule,
    MunicipalitiesModule,
    AdminModule,
    SurveysModule,
    ResponsesModule,
    NotificationsModule,
    StatisticsModule,
    ReportsModule,
    IncidentsModule,
    IncidentStatisticsModule,
    AdvisoriesModule,
    AccountsModule,
    HealthModule,
    WebModule,
    RouterModule.register([
      {
        path: 'api/v1',
        children: [
          AuthModule,
          MunicipalitiesModule,
          AdminModule,
          SurveysModule,
          ResponsesModule,
          NotificationsModule,
          StatisticsModule,
          ReportsModule,
          IncidentsModule,
          IncidentStatisticsModule,
          AdvisoriesModule,
          AccountsModule,
        ],
      },
    ]),
  ],
})
export class ApiModule {}
