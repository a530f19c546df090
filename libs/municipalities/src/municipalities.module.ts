import { Module } from '@nestjs/common';
import { UsersModule } from '@app/users';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalitiesRepository } from './municipalities.repository';
import { MunicipalitiesService } from './municipalities.service';
import { ReferenceDataLoader } from './reference-data.loader';

@Module({
  imports: [UsersModule],
  controllers: [MunicipalitiesController],
  providers: [MunicipalitiesRepository, MunicipalitiesService, ReferenceDataLoader],
  exports: [MunicipalitiesService],
})
export class MunicipalitiesModule {}
