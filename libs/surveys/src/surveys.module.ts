import { Module } from '@nestjs/common';
import { EditionsController } from './editions.controller';
import { EditionsRepository } from './editions.repository';
import { EditionsService } from './editions.service';

/** Survey editions and their questionnaires: authoring, lifecycle, reading. */
@Module({
  controllers: [EditionsController],
  providers: [EditionsRepository, EditionsService],
  exports: [EditionsService, EditionsRepository],
})
export class SurveysModule {}
