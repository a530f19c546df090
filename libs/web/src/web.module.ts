import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { MunicipalitiesModule } from '@app/municipalities';
import { CsrfService } from './csrf.service';
import { WebController } from './web.controller';
import { WebUserService } from './web-user.service';

/** The server-rendered Danish web UI. */
@Module({
  imports: [AuthModule, MunicipalitiesModule],
  controllers: [WebController],
  providers: [CsrfService, WebUserService],
})
export class WebModule {}
