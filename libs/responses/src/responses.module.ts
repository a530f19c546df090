import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { NotificationsModule } from '@app/notifications';
import { SurveysModule } from '@app/surveys';
import { MyResponseController } from './my-response.controller';
import { ParticipationController } from './participation.controller';
import { ParticipationService } from './participation.service';
import { ResponsesRepository } from './responses.repository';
import { ResponsesService } from './responses.service';
import { SurveyRemindersService } from './survey-reminders.service';

/** Municipalities' answers: saving, submitting, and participation counts for KL. */
@Module({
  imports: [SurveysModule, NotificationsModule, AccessModule],
  controllers: [MyResponseController, ParticipationController],
  providers: [ResponsesRepository, ResponsesService, ParticipationService, SurveyRemindersService],
  exports: [ResponsesService, ParticipationService, SurveyRemindersService],
})
export class ResponsesModule {}
