import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import type { AuthenticationResponseJSON } from '@simplewebauthn/server';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthService,
  ClientAddress,
  MfaChallengeInvalidException,
  MfaService,
  SecondStepResult,
  UserPrincipal,
  WebCookies,
} from '@app/auth';
import { ErrorCode, isDomainError } from '@app/http';
import { danishError } from '../danish-errors';
import { MfaCodeFormDto, PasskeyFormDto } from '../dto/mfa-form.dto';
import { HtmlPage, page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { safeReturnPath } from '../return-path';
import { loginView } from '../views/login.view';
import { loginEnrolView, loginMfaView, recoveryCodesView } from '../views/mfa.view';

/** Refusals the second step explains on its own page; a spent ticket sends the user back to /login. */
const CODE_REFUSALS = [ErrorCode.MFA_CODE_INVALID, ErrorCode.MFA_CODE_REPLAYED, ErrorCode.SIGN_IN_THROTTLED];
const EMPTY_CODE = 'Skriv koden fra din godkendelsesapp.';

/** The second step of signing in (/login/mfa), and enrolment when the account must have MFA and has none. */
@ApiExcludeController()
@Controller('login/mfa')
export class LoginMfaController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
    private readonly mfa: MfaService,
  ) {}

  @Get()
  @RendersPage()
  async codePage(@Query('next') next: unknown, @Req() req: Request) {
    if (!(await this.liveTicket(req, ['verify']))) return this.startAgain();
    const passkey = await this.hasPasskey(req);
    return page(({ csrfToken }) => loginMfaView(csrfToken, safeReturnPath(next), passkey));
  }

  /** passkeys.js: options for navigator.credentials.get() for this sign-in. */
  @Post('adgangsnoegle/muligheder.json')
  @HttpCode(HttpStatus.OK)
  passkeyOptions(@Req() req: Request) {
    const ticket = this.cookies.read(req, 'baseline_mfa');
    if (!ticket) throw new MfaChallengeInvalidException();
    return this.auth.passkeyOptions(ticket);
  }

  /** passkeys.js: the passkey's answer; on success the browser gets a fresh session and where to go. */
  @Post('adgangsnoegle.json')
  @HttpCode(HttpStatus.OK)
  async passkeySignIn(
    @Body() form: PasskeyFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const ticket = this.cookies.read(req, 'baseline_mfa');
    if (!ticket) throw new MfaChallengeInvalidException();
    const principal = await this.auth.completeSignInWithPasskey(
      ticket,
      form.response as unknown as AuthenticationResponseJSON,
      address,
      'web',
    );
    await this.startSession(principal, address, req, res);
    return { location: safeReturnPath(form.next) ?? '/' };
  }

  @Post()
  @RendersPage()
  async submitCode(
    @Body() form: MfaCodeFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const next = safeReturnPath(form.next);
    return this.complete(form, address, req, res, async (error, status) => {
      const passkey = await this.hasPasskey(req);
      return page(({ csrfToken }) => loginMfaView(csrfToken, next, passkey, error), status);
    });
  }

  @Get('tilmeld')
  @RendersPage()
  async enrolPage(@Query('next') next: unknown, @ClientAddress() address: string, @Req() req: Request) {
    const ticket = this.cookies.read(req, 'baseline_mfa');
    if (!ticket || !(await this.liveTicket(req, ['enrol']))) return this.startAgain();
    const setup = await this.auth.startEnrolmentForChallenge(ticket, address);
    return page(({ csrfToken }) => loginEnrolView(csrfToken, safeReturnPath(next), setup));
  }

  @Post('tilmeld')
  @RendersPage()
  async submitEnrolment(
    @Body() form: MfaCodeFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const next = safeReturnPath(form.next);
    const ticket = this.cookies.read(req, 'baseline_mfa');
    return this.complete(form, address, req, res, async (error, status) => {
      const setup = ticket ? await this.auth.startEnrolmentForChallenge(ticket, address) : null;
      return setup
        ? page(({ csrfToken }) => loginEnrolView(csrfToken, next, setup, error), status)
        : this.startAgain();
    });
  }

  /** Checks the code; on success the ticket becomes a fresh session, else `again` re-shows the form. */
  private async complete(
    form: MfaCodeFormDto,
    address: string,
    req: Request,
    res: Response,
    again: (error: string, status: number) => HtmlPage | Promise<HtmlPage>,
  ) {
    const next = safeReturnPath(form.next) ?? '/';
    const ticket = this.cookies.read(req, 'baseline_mfa');
    if (!ticket) return this.startAgain();
    const code = form.code?.trim() ?? '';
    if (!code) return again(EMPTY_CODE, HttpStatus.BAD_REQUEST);
    let result: SecondStepResult;
    try {
      result = await this.auth.completeSignIn(ticket, code, address, 'web');
    } catch (e) {
      if (isDomainError(e, ErrorCode.MFA_CHALLENGE_INVALID)) return this.startAgain();
      if (!isDomainError(e, ...CODE_REFUSALS)) throw e;
      if (e.code === ErrorCode.SIGN_IN_THROTTLED) {
        res.setHeader('Retry-After', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
      const { text } = danishError({ code: e.code, details: e.details, statusCode: 401, message: e.message });
      return again(
        text,
        e.code === ErrorCode.SIGN_IN_THROTTLED ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.UNAUTHORIZED,
      );
    }
    await this.startSession(result.principal, address, req, res);
    if (!result.recoveryCodes) return redirect(next);
    const codes = result.recoveryCodes;
    // Shown before the new session's first request; the header shows no user yet, the link goes on.
    return page(() => recoveryCodesView(codes, next, null, ''));
  }

  /** The ticket becomes a new session (a new id, whatever the browser held before). */
  private async startSession(principal: UserPrincipal, address: string, req: Request, res: Response) {
    this.cookies.clear(res, 'baseline_mfa');
    const session = await this.auth.startWebSession(
      principal,
      { userAgent: req.get('user-agent'), address },
      this.cookies.read(req, 'baseline_session'),
    );
    this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
  }

  /** Whether the user signing in has a passkey, so the page offers it. */
  private async hasPasskey(req: Request): Promise<boolean> {
    const owner = await this.liveTicket(req, ['verify']);
    return owner ? (await this.mfa.status(owner)).passkeys.length > 0 : false;
  }

  /** The user of the browser's live ticket, or null. */
  private async liveTicket(req: Request, purposes: Array<'verify' | 'enrol'>) {
    const ticket = this.cookies.read(req, 'baseline_mfa');
    if (!ticket) return null;
    return this.auth.challengeOwner(ticket, purposes).then(
      ({ user }) => user,
      () => null,
    );
  }

  private startAgain() {
    return page(
      ({ csrfToken }) =>
        loginView({
          csrfToken,
          error: danishError({ code: ErrorCode.MFA_CHALLENGE_INVALID, statusCode: 401, message: '' }).text,
        }),
      HttpStatus.UNAUTHORIZED,
    );
  }
}
