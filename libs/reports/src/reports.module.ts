import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { StatisticsModule } from '@app/statistics';
import { SurveysModule } from '@app/surveys';
import { ReportDataService } from './report-data.service';
import { ReportJobsService } from './report-jobs.service';
import { ReportRendererService } from './report-renderer.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { UsageController } from './usage.controller';

/** Municipality and national reports (PDF, HTML, CSV, JSON), rendered in background jobs. */
@Module({
  imports: [SurveysModule, StatisticsModule, AccessModule],
  controllers: [ReportsController, UsageController],
  providers: [ReportsRepository, ReportDataService, ReportRendererService, ReportsService, ReportJobsService],
  exports: [ReportsService, ReportJobsService, ReportRendererService],
})
export class ReportsModule {}
