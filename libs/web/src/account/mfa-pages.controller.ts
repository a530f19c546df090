import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import type { RegistrationResponseJSON } from '@simplewebauthn/server';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  actorOf,
  ClientAddress,
  CurrentPrincipal,
  MfaService,
  UserPrincipal,
  WebauthnService,
  WebSessionGuard,
} from '@app/auth';
import { ErrorCode, isDomainError } from '@app/http';
import { danishError } from '../danish-errors';
import { CsrfFormDto } from '../dto/login-form.dto';
import { MfaCodeFormDto, MfaPasswordFormDto, PasskeyFormDto } from '../dto/mfa-form.dto';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { MfaSettingsModel, mfaSettingsView, recoveryCodesView } from '../views/mfa.view';

const NOTICES: Record<string, string> = {
  fjernet: 'Godkendelsesappen er fjernet.',
  noegle: 'Adgangsnøglen er tilføjet.',
  'noegle-fjernet': 'Adgangsnøglen er fjernet.',
};

/** /konto/mfa: set up, confirm and remove the authenticator app, and renew recovery codes. Works without JavaScript. */
@ApiExcludeController()
@Controller('konto/mfa')
@UseGuards(WebSessionGuard)
export class MfaPagesController {
  constructor(
    private readonly mfa: MfaService,
    private readonly webauthn: WebauthnService,
  ) {}

  @Get()
  @RendersPage()
  async settings(@CurrentPrincipal() me: UserPrincipal, @Query('besked') notice: unknown) {
    return this.settingsPage(me, {
      notice: typeof notice === 'string' ? NOTICES[notice] : undefined,
    });
  }

  @Post('totp')
  @RendersPage()
  async start(
    @Body() _form: CsrfFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const status = await this.mfa.status(me);
    // A second press while one is pending shows the same QR code rather than a new one.
    if (!status.totp && !status.totpPending) await this.mfa.startTotp(me, actorOf(me, address));
    return redirect('/konto/mfa');
  }

  @Post('totp/bekraeft')
  @RendersPage()
  async confirm(
    @Body() form: MfaCodeFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const code = form.code?.trim() ?? '';
    const codes = code ? await this.mfa.confirmTotp(me, code, actorOf(me, address)) : null;
    if (!codes) {
      const text = code
        ? danishError({ code: ErrorCode.MFA_CODE_INVALID, statusCode: 422, message: '' }).text
        : 'Skriv koden fra din godkendelsesapp.';
      return this.settingsPage(
        me,
        { error: { form: 'confirm', field: 'code', text } },
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    return page(({ user, csrfToken }) => recoveryCodesView(codes, '/konto/mfa', user, csrfToken));
  }

  @Post('totp/fjern')
  @RendersPage()
  async remove(
    @Body() form: MfaPasswordFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    try {
      await this.mfa.removeTotp(me, { password: form.password }, actorOf(me, address));
      return redirect('/konto/mfa?besked=fjernet');
    } catch (e) {
      return this.refused(e, me, 'remove');
    }
  }

  @Post('gendannelseskoder')
  @RendersPage()
  async regenerate(
    @Body() form: MfaPasswordFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    try {
      const codes = await this.mfa.regenerateRecoveryCodes(
        me,
        { password: form.password },
        actorOf(me, address),
      );
      return page(({ user, csrfToken }) => recoveryCodesView(codes, '/konto/mfa', user, csrfToken));
    } catch (e) {
      return this.refused(e, me, 'regenerate');
    }
  }

  /** passkeys.js: options for navigator.credentials.create(). */
  @Post('adgangsnoegler/muligheder.json')
  @HttpCode(HttpStatus.OK)
  passkeyOptions(@CurrentPrincipal() me: UserPrincipal) {
    return this.webauthn.registrationOptions(me);
  }

  /** passkeys.js: the new passkey; the first factor brings recovery codes, shown by the script once. */
  @Post('adgangsnoegler.json')
  @HttpCode(HttpStatus.OK)
  async registerPasskey(
    @Body() form: PasskeyFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const { recoveryCodes } = await this.webauthn.register(
      me,
      form.response as unknown as RegistrationResponseJSON,
      form.name,
      actorOf(me, address),
    );
    return recoveryCodes ? { recoveryCodes } : {};
  }

  @Post('adgangsnoegler/:id/fjern')
  @RendersPage()
  async removePasskey(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() form: MfaPasswordFormDto,
    @CurrentPrincipal() me: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    try {
      await this.webauthn.remove(me, id, { password: form.password }, actorOf(me, address));
      return redirect('/konto/mfa?besked=noegle-fjernet');
    } catch (e) {
      return this.refused(e, me, `passkey-${id}`);
    }
  }

  private refused(e: unknown, me: UserPrincipal, form: string) {
    if (!isDomainError(e, ErrorCode.MFA_REAUTH_FAILED, ErrorCode.MFA_STATE_CONFLICT)) throw e;
    const text =
      e.code === ErrorCode.MFA_REAUTH_FAILED
        ? 'Adgangskoden er forkert.'
        : danishError({ code: e.code, statusCode: 409, message: e.message }).text;
    return this.settingsPage(
      me,
      { error: { form, field: 'password', text } },
      e.code === ErrorCode.MFA_REAUTH_FAILED ? HttpStatus.FORBIDDEN : HttpStatus.CONFLICT,
    );
  }

  private async settingsPage(
    me: UserPrincipal,
    extra: Pick<MfaSettingsModel, 'error' | 'notice'>,
    status?: number,
  ) {
    const [state, pending] = await Promise.all([this.mfa.status(me), this.mfa.pendingTotp(me)]);
    return page(
      ({ user, csrfToken }) =>
        mfaSettingsView({
          user: user!,
          csrfToken,
          totp: state.totp,
          pending,
          recoveryCodesLeft: state.recoveryCodesLeft,
          passkeys: state.passkeys,
          required: state.required,
          ...extra,
        }),
      status,
    );
  }
}
