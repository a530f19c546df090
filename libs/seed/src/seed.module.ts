import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@app/municipalities';
import { SurveysModule } from '@app/surveys';
import { UsersModule } from '@app/users';
import { DemoAdvisoriesSeeder } from './demo-advisories.seeder';
import { DemoEditionsSeeder } from './demo-editions.seeder';
import { DemoIncidentsSeeder } from './demo-incidents.seeder';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [MunicipalitiesModule, UsersModule, SurveysModule],
  providers: [DemoSeedService, DemoEditionsSeeder, DemoIncidentsSeeder, DemoAdvisoriesSeeder],
  exports: [DemoSeedService],
})
export class SeedModule {}
