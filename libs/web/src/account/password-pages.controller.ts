import { Body, Controller, Get, HttpStatus, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { isEmail } from 'class-validator';
import { PasswordsService } from '@app/accounts';
import {
  AuthService,
  ClientAddress,
  CurrentPrincipal,
  UserPrincipal,
  WebCookies,
  WebSessionGuard,
} from '@app/auth';
import { DomainError, ErrorCode, isDomainError } from '@app/http';
import { danishError } from '../danish-errors';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { ChangePasswordFormDto, ForgotPasswordFormDto, SetPasswordFormDto } from './password-forms.dto';
import {
  changePasswordView,
  FormErrors,
  forgotPasswordView,
  PasswordField,
  passwordLinkProblemView,
  passwordSetView,
  setPasswordView,
} from './views/password-forms.view';

const FIX = 'Ret det markerede, og prøv igen.';
const REQUIRED: Record<PasswordField, string> = {
  currentPassword: 'Skriv din nuværende adgangskode.',
  password: 'Skriv en ny adgangskode.',
  passwordRepeat: 'Gentag den nye adgangskode.',
  email: 'Skriv din e-mailadresse.',
};
const text = (e: DomainError) =>
  danishError({ code: e.code, details: e.details, statusCode: 400, message: e.message }).text;

/** Empty fields, then the two new passwords differing: the checks the page makes before the service's. */
function formProblems(
  form: Partial<Record<PasswordField, string>>,
  fields: PasswordField[],
): FormErrors | null {
  const errors: FormErrors = { summary: FIX, fields: {} };
  for (const f of fields) if (!form[f]) errors.fields[f] = REQUIRED[f];
  if (
    Object.keys(errors.fields).length === 0 &&
    fields.includes('passwordRepeat') &&
    form.password !== form.passwordRepeat
  ) {
    errors.fields.passwordRepeat = text(new DomainError(ErrorCode.PASSWORD_MISMATCH, 'mismatch'));
  }
  return Object.keys(errors.fields).length > 0 ? errors : null;
}

/** A refused password or current password, shown at its field. */
function fieldErrorOf(e: DomainError, newField: PasswordField = 'password'): FormErrors {
  const field = e.code === ErrorCode.CURRENT_PASSWORD_WRONG ? 'currentPassword' : newField;
  return { summary: FIX, fields: { [field]: text(e) } };
}

/** Setting a password from an e-mailed link, asking for a reset link, and changing the password. */
@ApiExcludeController()
@Controller()
export class PasswordPagesController {
  constructor(
    private readonly passwords: PasswordsService,
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
  ) {}

  @Get('adgangskode/ny')
  @RendersPage()
  async setPasswordPage(@Query('token') token: unknown) {
    const t = typeof token === 'string' ? token.slice(0, 200) : '';
    try {
      const link = await this.passwords.checkLink(t);
      return page(({ csrfToken }) => setPasswordView({ csrfToken, token: t, ...link }));
    } catch (e) {
      return this.linkProblem(e);
    }
  }

  @Post('adgangskode/ny')
  @RendersPage()
  async setPassword(@Body() form: SetPasswordFormDto, @ClientAddress() address: string) {
    const token = form.token ?? '';
    let link;
    try {
      link = await this.passwords.checkLink(token);
    } catch (e) {
      return this.linkProblem(e);
    }
    const problems = formProblems(form, ['password', 'passwordRepeat']);
    const again = (errors: FormErrors, status: number) =>
      page(({ csrfToken }) => setPasswordView({ csrfToken, token, ...link, errors }), status);
    if (problems) return again(problems, HttpStatus.UNPROCESSABLE_ENTITY);
    try {
      const { email } = await this.passwords.setWithLink(token, form.password!, address);
      return page(() => passwordSetView(email));
    } catch (e) {
      if (isDomainError(e, ErrorCode.PASSWORD_TOO_WEAK))
        return again(fieldErrorOf(e), HttpStatus.UNPROCESSABLE_ENTITY);
      return this.linkProblem(e);
    }
  }

  @Get('glemt-adgangskode')
  @RendersPage()
  forgotPage() {
    return page(({ csrfToken }) => forgotPasswordView({ csrfToken }));
  }

  /** The same notice whether or not the address has an account (see PasswordsService.requestReset). */
  @Post('glemt-adgangskode')
  @RendersPage()
  forgot(@Body() form: ForgotPasswordFormDto, @ClientAddress() address: string) {
    const email = form.email?.trim() ?? '';
    if (!isEmail(email)) {
      const errors = {
        summary: FIX,
        fields: { email: email ? 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.' : REQUIRED.email },
      };
      return page(
        ({ csrfToken }) => forgotPasswordView({ csrfToken, email, errors }),
        HttpStatus.BAD_REQUEST,
      );
    }
    this.passwords.requestReset(email, address);
    const sent = `Hvis ${email} hører til en konto i Baseline, har vi sendt et link dertil. Linket virker én gang og udløber efter 1 time. Kommer der ikke noget, så tjek uønsket post, eller kontakt din administrator.`;
    return page(({ csrfToken }) => forgotPasswordView({ csrfToken, sent }));
  }

  @Get('konto/adgangskode')
  @UseGuards(WebSessionGuard)
  @RendersPage()
  changePage(@Query('gemt') saved: unknown) {
    return page(({ user, csrfToken }) =>
      changePasswordView({ user: user!, csrfToken, saved: saved === '1' }),
    );
  }

  /** Every session of the user ends; this browser gets a new one, so it stays signed in. */
  @Post('konto/adgangskode')
  @UseGuards(WebSessionGuard)
  @RendersPage()
  async change(
    @Body() form: ChangePasswordFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Res() res: Response,
  ) {
    const again = (errors: FormErrors, status: number) =>
      page(({ user, csrfToken }) => changePasswordView({ user: user!, csrfToken, errors }), status);
    const problems = formProblems(form, ['currentPassword', 'password', 'passwordRepeat']);
    if (problems) return again(problems, HttpStatus.UNPROCESSABLE_ENTITY);
    try {
      await this.passwords.change(principal, form.currentPassword!, form.password!, address);
    } catch (e) {
      if (!isDomainError(e, ErrorCode.CURRENT_PASSWORD_WRONG, ErrorCode.PASSWORD_TOO_WEAK)) throw e;
      return again(
        fieldErrorOf(e),
        e.code === ErrorCode.CURRENT_PASSWORD_WRONG
          ? HttpStatus.BAD_REQUEST
          : HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    const session = await this.auth.startWebSession(principal);
    this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
    return redirect('/konto/adgangskode?gemt=1');
  }

  private linkProblem(e: unknown) {
    if (!isDomainError(e, ErrorCode.PASSWORD_LINK_INVALID)) throw e;
    const heading =
      { expired: 'Linket er udløbet', used: 'Linket er allerede brugt' }[
        (e.details as { reason: string }).reason
      ] ?? 'Linket er ugyldigt';
    return page(() => passwordLinkProblemView(heading, text(e)), HttpStatus.BAD_REQUEST);
  }
}
