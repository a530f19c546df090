import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { IncidentsModule } from '../incidents.module';
import { IncidentStatisticsExportService } from './incident-statistics-export.service';
import { IncidentStatisticsJobsService } from './incident-statistics-jobs.service';
import { IncidentStatisticsController } from './incident-statistics.controller';
import { IncidentStatisticsRepository } from './incident-statistics.repository';
import { IncidentStatisticsService } from './incident-statistics.service';

/** Incident statistics: computed in SQL by a worker job, read K-suppressed (docs/incident-statistics.md). */
@Module({
  imports: [IncidentsModule, AccessModule],
  controllers: [IncidentStatisticsController],
  providers: [
    IncidentStatisticsRepository,
    IncidentStatisticsService,
    IncidentStatisticsJobsService,
    IncidentStatisticsExportService,
  ],
  exports: [IncidentStatisticsJobsService, IncidentStatisticsService, IncidentStatisticsExportService],
})
export class IncidentStatisticsModule {}
