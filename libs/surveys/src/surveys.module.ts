import { Module } from '@nestjs/common';
import { EditionEvents } from './edition-events';
import { EditionsController } from './editions.controller';
import { EditionsRepository } from './editions.repository';
import { EditionsService } from './editions.service';

/** Survey editions and their questionnaires: authoring, lifecycle, reading. */
@Module({
  controllers: [EditionsController],
  providers: [EditionsRepository, EditionsService, EditionEvents],
  exports: [EditionsService, EditionsRepository, EditionEvents],
})
export class SurveysModule {}
