import { Module } from '@nestjs/common';
import { MunicipalitiesModule } from '@app/municipalities';
import { UsersModule } from '@app/users';
import { DemoSeedService } from './demo-seed.service';

@Module({
  imports: [MunicipalitiesModule, UsersModule],
  providers: [DemoSeedService],
  exports: [DemoSeedService],
})
export class SeedModule {}
