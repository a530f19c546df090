import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { IncidentsModule } from '@app/incidents';
import { AdvisoriesController, IncidentAdvisoriesController } from './advisories.controller';
import { AdvisoriesRepository } from './advisories.repository';
import { AdvisoriesService } from './advisories.service';

/** KommuneCERT's advisories to municipalities (varsler): writing, targeting, answers, the matrix. */
@Module({
  imports: [AccessModule, IncidentsModule],
  controllers: [AdvisoriesController, IncidentAdvisoriesController],
  providers: [AdvisoriesRepository, AdvisoriesService],
  exports: [AdvisoriesService],
})
export class AdvisoriesModule {}
