import { Global, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AppConfigService } from './app-config.service';
import { Clock } from './clock';
import { validateEnvironment } from './environment-variables';

@Global()
@Module({
  imports: [ConfigModule.forRoot({ validate: validateEnvironment, cache: true, envFilePath: ['.env'] })],
  providers: [AppConfigService, Clock],
  exports: [AppConfigService, Clock],
})
export class AppConfigModule {}
