import { Module } from '@nestjs/common';
import { AuditModule } from '@app/audit';
import { AppConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import { SeedModule } from './seed.module';

/** A headless context that migrates (under the advisory lock) and seeds; used by the launcher and `npm run seed:demo`. */
@Module({ imports: [AppConfigModule, DatabaseModule, AuditModule, SeedModule] })
export class SeedAppModule {}
