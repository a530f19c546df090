import { Body, Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { actorOf, UserPrincipal } from '../principal';
import { Auth } from '../decorators/auth.decorator';
import { ClientAddress, CurrentPrincipal } from '../decorators/current-principal.decorator';
import { MfaCodeDto, MfaReauthDto, MfaStatusDto, RecoveryCodesDto, TotpEnrolmentDto } from '../dto/mfa.dto';
import { MfaCodeInvalidException } from './mfa.exceptions';
import { MfaService } from './mfa.service';

/** The signed-in user's own second factors (not API keys). */
@ApiTags('mfa')
@Controller('me/mfa')
@Auth()
export class MfaController {
  constructor(private readonly mfa: MfaService) {}

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
  @ApiForbiddenResponse({ description: 'MFA_REAUTH_FAILED: neither the password nor a current code' })
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
  async regenerate(
    @CurrentPrincipal() me: UserPrincipal,
    @Body() dto: MfaReauthDto,
    @ClientAddress() address: string,
  ): Promise<RecoveryCodesDto> {
    return { recoveryCodes: await this.mfa.regenerateRecoveryCodes(me, dto, actorOf(me, address)) };
  }
}
