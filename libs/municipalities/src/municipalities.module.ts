import { Module } from '@nestjs/common';
import { AccessModule } from '@app/auth';
import { UsersModule } from '@app/users';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesRepository } from './municipalities.repository';
import { MunicipalitiesService } from './municipalities.service';
import { ReferenceDataLoader } from './reference-data.loader';

@Module({
  imports: [UsersModule, AccessModule],
  controllers: [MunicipalitiesController],
  providers: [MunicipalitiesRepository, MunicipalitiesService, ReferenceDataLoader],
  exports: [MunicipalitiesService],
})
export class MunicipalitiesModule {}
