import { Injectable, Module } from '@nestjs/common';
import { JobHandler, JobPayloads } from '@app/queue';
import { IncidentMappingService } from './incident-mapping/incident-mapping.service';
import { ReportJobsService } from './report-jobs.service';
import { ReportsModule } from './reports.module';

@Injectable()
export class ReportsJobs {
  constructor(
    private readonly reports: ReportJobsService,
    private readonly incidentMapping: IncidentMappingService,
  ) {}

  @JobHandler('reports.render-edition')
  renderEdition({ editionId, statisticsVersion }: JobPayloads['reports.render-edition']) {
    return this.reports.enqueueEdition(editionId, statisticsVersion);
  }

  @JobHandler('reports.render')
  render({ editionId, kind, municipalityCode, statisticsVersion }: JobPayloads['reports.render']) {
    return this.reports.render(editionId, kind, municipalityCode, statisticsVersion);
  }

  @JobHandler('reports.render-incident-mapping')
  renderIncidentMapping({ year }: JobPayloads['reports.render-incident-mapping']) {
    return this.incidentMapping.render(year);
  }
}

/** The reports work of the worker: rendering the reports, and the incident mapping, after their statistics change. */
@Module({ imports: [ReportsModule], providers: [ReportsJobs] })
export class ReportsWorkerModule {}
