import { Module } from '@nestjs/common';
import { SurveysModule } from '@app/surveys';
import { MyResponseController } from './my-response.controller';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';

/** Municipalities' answers: saving, submitting, and participation counts for KL. */
@Module({
  imports: [SurveysModule],
  controllers: [MyResponseController, ParticipationController],
  providers: [ResponsesRepository, ResponsesService, ParticipationService],
  exports: [ResponsesService, ParticipationService, ResponsesRepository],
})
export class ResponsesModule {}
