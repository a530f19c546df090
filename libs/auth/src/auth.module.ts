import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfigService } from '@app/config';
import { UsersModule } from '@app/users';
import { AccountLocksService } from './account-locks.service';
import { ApiKeysRepository } from './api-keys.repository';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { MfaController } from './mfa/mfa.controller';
import { MfaPolicy } from './mfa/mfa-policy';
import { MfaPolicyController } from './mfa/mfa-policy.controller';
import { MfaResetController } from './mfa/mfa-reset.controller';
import { MfaService } from './mfa/mfa.service';
import { SignInChallengesRepository } from './mfa/sign-in-challenges.repository';
import { WebauthnService } from './mfa/webauthn.service';
import { SessionsController } from './sessions.controller';
import { SignInCountersRepository } from './sign-in-counters.repository';
import { SignInUnlockTokensRepository } from './sign-in-unlock-tokens.repository';
import { ApiKeyStrategy } from './strategies/api-key.strategy';
import { OidcSignInService } from './oidc/oidc-sign-in.service';
import { SsoLinkController } from './oidc/sso-link.controller';
import { SsoLinks } from './oidc/sso-links';
import { JwtStrategy } from './strategies/jwt.strategy';
import { SessionStrategy } from './strategies/session.strategy';
import { WebCookies } from './web-cookies';
import { WebSessionsRepository } from './web-sessions.repository';
import { WebSessionsService } from './web-sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        secret: config.jwt.secret,
        signOptions: { expiresIn: config.jwt.ttlSeconds, algorithm: 'HS256' },
      }),
    }),
  ],
  controllers: [
    AuthController,
    MfaController,
    SessionsController,
    MfaPolicyController,
    MfaResetController,
    SsoLinkController,
  ],
  providers: [
    AuthService,
    ApiKeysService,
    ApiKeysRepository,
    SignInCountersRepository,
    SignInUnlockTokensRepository,
    WebSessionsRepository,
    JwtStrategy,
    ApiKeyStrategy,
    SessionStrategy,
    WebCookies,
    OidcSignInService,
    AccountLocksService,
    WebSessionsService,
    MfaService,
    MfaPolicy,
    SignInChallengesRepository,
    WebauthnService,
    SsoLinks,
    SignInThrottleService,
  ],
  exports: [
    AuthService,
    ApiKeysService,
    WebCookies,
    UsersModule,
    OidcSignInService,
    AccountLocksService,
    WebSessionsService,
    MfaService,
    WebauthnService,
  ],
})
export class AuthModule {}
