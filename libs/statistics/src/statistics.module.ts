import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { SurveysModule } from '@app/surveys';
import { StatisticsJobsService } from './statistics-jobs.service';
import { StatisticsRecomputeService } from './statistics-recompute.service';
import { StatisticsController } from './statistics.controller';
import { StatisticsRepository } from './statistics.repository';
import { StatisticsService } from './statistics.service';

/** Benchmark statistics: computed in SQL by worker jobs, read with small-group suppression. */
@Module({
  imports: [SurveysModule, AccessModule],
  controllers: [StatisticsController],
  providers: [StatisticsRepository, StatisticsService, StatisticsJobsService, StatisticsRecomputeService],
  exports: [StatisticsService, StatisticsJobsService, StatisticsRecomputeService],
})
export class StatisticsModule {}
