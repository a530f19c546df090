import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { IncidentStatisticsModule } from '@app/incidents';
import { StatisticsModule } from '@app/statistics';
import { SurveysModule } from '@app/surveys';
import { IncidentMappingController } from './incident-mapping/incident-mapping.controller';
import { IncidentMappingRepository } from './incident-mapping/incident-mapping.repository';
import { IncidentMappingService } from './incident-mapping/incident-mapping.service';
import { ReportDataService } from './report-data.service';
import { ReportJobsService } from './report-jobs.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { UsageController } from './usage.controller';

/**
 * Municipality and national reports (PDF, HTML, CSV, JSON), rendered in background jobs, and
 * KommuneCERT's yearly incident mapping PDF, drawn by the same renderer.
 */
@Module({
  imports: [SurveysModule, StatisticsModule, AccessModule, IncidentStatisticsModule],
  controllers: [ReportsController, UsageController, IncidentMappingController],
  providers: [
    ReportsRepository,
    ReportDataService,
    ReportRendererService,
    ReportsService,
    ReportJobsService,
    IncidentMappingRepository,
    IncidentMappingService,
  ],
  exports: [ReportsService, ReportJobsService, ReportRendererService, IncidentMappingService],
})
export class ReportsModule {}
