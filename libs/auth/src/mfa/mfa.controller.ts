import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiNoContentResponse,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { actorOf, UserPrincipal } from '../principal';
import { Auth } from '../decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from '../decorators/current-principal.decorator';
import {
  MfaCodeDto,
  MfaReauthDto,
  MfaStatusDto,
  PasskeyRegisteredDto,
  PasskeyRegistrationDto,
  RecoveryCodesDto,
  TotpEnrolmentDto,
  WebauthnOptionsDto,
} from '../dto/mfa.dto';
import { WebauthnService } from './webauthn.service';
import { MfaCodeInvalidException } from './mfa.exceptions';
import { MfaService } from './mfa.service';
import { CURRENT_SECRET_THROTTLED } from '../sign-in-throttle.service';

/** The signed-in user's own second factors (not API keys). */
@ApiTags('mfa')
@Controller('me/mfa')
@Auth()
export class MfaController {
  constructor(
    private readonly mfa: MfaService,
    private readonly webauthn: WebauthnService,
  ) {}

  @Get()
  @ApiOkResponse({ type: MfaStatusDto })
  status(@CurrentPrincipal() me: UserPrincipal): Promise<MfaStatusDto> {
    return this.mfa.status(me);
  }

  @Post('totp')
  @HttpCode(200)
  @ApiOkResponse({
    type: TotpEnrolmentDto,
    description: 'Starts enrolment; confirm with POST /me/mfa/totp/confirm',
  })
  @ApiConflictResponse({ description: 'MFA_STATE_CONFLICT: an app is already set up' })
  startTotp(
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ): Promise<TotpEnrolmentDto> {
    return this.mfa.startTotp(me, actorOf(me, address));
  }

  @Post('totp/confirm')
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'Enrolled; ten recovery codes, shown this once' })
  @ApiUnauthorizedResponse({ description: 'MFA_CODE_INVALID' })
  @ApiConflictResponse({ description: 'MFA_STATE_CONFLICT: no enrolment pending' })
  async confirmTotp(
    @CurrentPrincipal() me: UserPrincipal,
    @Body() dto: MfaCodeDto,
    @ClientAddress() address: string,
  ): Promise<RecoveryCodesDto> {
    const recoveryCodes = await this.mfa.confirmTotp(me, dto.code, actorOf(me, address));
    if (!recoveryCodes) throw new MfaCodeInvalidException();
    return { recoveryCodes };
  }

  @Delete('totp')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse({ description: 'MFA_REAUTH_FAILED: neither the password nor a current code' })
  @ApiTooManyRequestsResponse({ description: CURRENT_SECRET_THROTTLED })
  @ApiConflictResponse({
    description: 'MFA_STATE_CONFLICT: none set up, or it is the last factor of an account that must use one',
  })
  removeTotp(
    @CurrentPrincipal() me: UserPrincipal,
    @Body() dto: MfaReauthDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    return this.mfa.removeTotp(me, dto, actorOf(me, address));
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'Ten new codes; the old ones stop working' })
  @ApiForbiddenResponse({ description: 'MFA_REAUTH_FAILED' })
  @ApiTooManyRequestsResponse({ description: CURRENT_SECRET_THROTTLED })
  async regenerate(
    @CurrentPrincipal() me: UserPrincipal,
    @Body() dto: MfaReauthDto,
    @ClientAddress() address: string,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.mfa.regenerateRecoveryCodes(me, dto, actorOf(me, address)) };
  }

  @Post('webauthn/registration-options')
  @HttpCode(200)
  @ApiOkResponse({
    type: WebauthnOptionsDto,
    description: 'PublicKeyCredentialCreationOptionsJSON for navigator.credentials.create(); valid 5 minutes',
  })
  async registrationOptions(@CurrentPrincipal() me: UserPrincipal): Promise<WebauthnOptionsDto> {
    return (await this.webauthn.registrationOptions(me)) as unknown as WebauthnOptionsDto;
  }

  @Post('webauthn/registration')
  @HttpCode(201)
  @ApiOkResponse({ type: PasskeyRegisteredDto })
  @ApiConflictResponse({ description: 'MFA_STATE_CONFLICT: no registration pending (ask for options first)' })
  register(
    @CurrentPrincipal() me: UserPrincipal,
    @Body() dto: PasskeyRegistrationDto,
    @ClientAddress() address: string,
  ): Promise<PasskeyRegisteredDto> {
    return this.webauthn
      .register(me, dto.response as unknown as RegistrationResponseJSON, dto.name, actorOf(me, address))
      .then(({ id, recoveryCodes }) => ({ id, ...(recoveryCodes ? { recoveryCodes } : {}) }));
  }

  @Delete('webauthn/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiForbiddenResponse({ description: 'MFA_REAUTH_FAILED' })
  @ApiTooManyRequestsResponse({ description: CURRENT_SECRET_THROTTLED })
  @ApiConflictResponse({
    description: 'MFA_STATE_CONFLICT: not yours, or the last factor of an account that must use one',
  })
  removePasskey(
    @CurrentPrincipal() me: UserPrincipal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: MfaReauthDto,
    @ClientAddress() address: string,
  ): Promise<void> {
    return this.webauthn.remove(me, id, dto, actorOf(me, address));
  }
}
