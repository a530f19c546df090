import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnprocessableEntityResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { AuthService } from './auth.service';
import { AuthOrApiKey } from './decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from './decorators/current-principal.decorator';
import { LoginDto } from './dto/login.dto';
import { LoginResponseDto, MeDto } from './dto/me.dto';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import {
  LoginMfaDto,
  LoginPasskeyDto,
  MfaChallengeDto,
  MfaSecondStepDto,
  TotpEnrolmentDto,
  WebauthnOptionsDto,
} from './dto/mfa.dto';
import type { Principal, UserPrincipal } from './principal';

const THROTTLED =
  'Too many failed sign-ins (passwords and second-factor codes count alike) for the account from this address, the account or the address; Retry-After gives the wait in seconds';

@ApiTags('auth')
@ApiExtraModels(LoginResponseDto, MfaSecondStepDto)
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({
    description:
      'A JWT, or, for an account with a second factor (or one that must enrol one), a challenge for POST /auth/login/mfa and no token',
    schema: { oneOf: [{ $ref: getSchemaPath(LoginResponseDto) }, { $ref: getSchemaPath(MfaSecondStepDto) }] },
  })
  @ApiUnauthorizedResponse({ description: 'Wrong email or password' })
  @ApiTooManyRequestsResponse({ description: THROTTLED })
  async login(
    @Body() dto: LoginDto,
    @ClientAddress() address: string,
  ): Promise<LoginResponseDto | MfaSecondStepDto> {
    const outcome = await this.auth.signIn(dto.email, dto.password, address, 'api');
    if (outcome.kind === 'signed-in') return this.tokenFor(outcome.principal);
    return {
      mfaRequired: true,
      challengeToken: outcome.challengeToken,
      expiresAt: outcome.expiresAt.toISOString(),
      enrolmentRequired: outcome.enrolment,
      methods: outcome.methods,
    };
  }

  @Post('auth/login/mfa')
  @HttpCode(200)
  @ApiOkResponse({
    type: LoginResponseDto,
    description: 'The JWT; after an enrolment also `recoveryCodes`, shown this once',
  })
  @ApiUnauthorizedResponse({
    description:
      'MFA_CODE_INVALID, MFA_CODE_REPLAYED (the code was already used), MFA_CHALLENGE_INVALID (expired or used)',
  })
  @ApiTooManyRequestsResponse({ description: THROTTLED })
  async loginMfa(
    @Body() dto: LoginMfaDto,
    @ClientAddress() address: string,
  ): Promise<LoginResponseDto & { recoveryCodes?: string[] }> {
    const { principal, recoveryCodes } = await this.auth.completeSignIn(
      dto.challengeToken,
      dto.code,
      address,
      'api',
    );
    return { ...this.tokenFor(principal), ...(recoveryCodes ? { recoveryCodes } : {}) };
  }

  @Post('auth/login/mfa/totp')
  @HttpCode(200)
  @ApiOkResponse({
    type: TotpEnrolmentDto,
    description:
      'For an enrolment challenge: the authenticator app to set up; confirm with POST /auth/login/mfa',
  })
  @ApiUnauthorizedResponse({ description: 'MFA_CHALLENGE_INVALID' })
  loginEnrolTotp(@Body() dto: MfaChallengeDto, @ClientAddress() address: string): Promise<TotpEnrolmentDto> {
    return this.auth.startEnrolmentForChallenge(dto.challengeToken, address);
  }

  @Post('auth/login/mfa/webauthn/options')
  @HttpCode(200)
  @ApiOkResponse({
    type: WebauthnOptionsDto,
    description: 'PublicKeyCredentialRequestOptionsJSON for navigator.credentials.get(), for this sign-in',
  })
  @ApiUnauthorizedResponse({ description: 'MFA_CHALLENGE_INVALID' })
  async passkeyOptions(@Body() dto: MfaChallengeDto): Promise<WebauthnOptionsDto> {
    return (await this.auth.passkeyOptions(dto.challengeToken)) as unknown as WebauthnOptionsDto;
  }

  @Post('auth/login/mfa/webauthn')
  @HttpCode(200)
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiUnauthorizedResponse({ description: 'MFA_CHALLENGE_INVALID' })
  @ApiUnprocessableEntityResponse({ description: 'PASSKEY_REJECTED: the assertion did not verify' })
  @ApiTooManyRequestsResponse({ description: THROTTLED })
  async loginPasskey(
    @Body() dto: LoginPasskeyDto,
    @ClientAddress() address: string,
  ): Promise<LoginResponseDto> {
    const principal = await this.auth.completeSignInWithPasskey(
      dto.challengeToken,
      dto.response as unknown as AuthenticationResponseJSON,
      address,
      'api',
    );
    return this.tokenFor(principal);
  }

  @Get('me')
  @AuthOrApiKey()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() principal: Principal): MeDto {
    return MeDto.from(principal);
  }

  private tokenFor(principal: UserPrincipal): LoginResponseDto {
    const { accessToken, expiresIn } = this.auth.issueAccessToken(principal);
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn,
      user: {
        id: principal.id,
        email: principal.email,
        role: principal.role,
        municipalityCode: principal.municipalityCode,
      },
    };
  }
}
