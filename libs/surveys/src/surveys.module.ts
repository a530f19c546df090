import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { EditionEvents } from './edition-events';
import { EditionsController } from './editions.controller';
import { EditionsRepository } from './editions.repository';
import { EditionsService } from './editions.service';

/** Survey editions and their questionnaires: authoring, lifecycle, reading. */
@Module({
  imports: [AccessModule],
  controllers: [EditionsController],
  providers: [EditionsRepository, EditionsService, EditionEvents],
  // The repository stays inside: other libs read editions through EditionsService.
  exports: [EditionsService, EditionEvents],
})
export class SurveysModule {}
