import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthService,
  ClientAddress,
  OidcSignInService,
  CurrentPrincipal,
  UserPrincipal,
  WebCookies,
  WebSessionGuard,
} from '@app/auth';
import { AppConfigService } from '@app/config';
import { ErrorCode, isDomainError } from '@app/http';
import { NotificationsService, UnlockLinkMailer } from '@app/notifications';
import { danishError } from './danish-errors';
import { formatWait } from '@app/ui';
import { EndsSession } from './csrf.guard';
import { CsrfFormDto, LoginFormDto, UnlockLinkFormDto } from './dto/login-form.dto';
import { page, redirect } from './page';
import { RendersPage } from './renders-page.decorator';
import { safeReturnPath } from './return-path';
import { IncidentPagesService } from './incidents/incident-pages.service';
import { ssoButton } from './oidc/sso-button';
import { homeView } from './views/home.view';
import { LoginField, loginView } from './views/login.view';
import { toSecondStep } from './second-step';

/** Sign-in errors the login form explains itself; the rest go to the error page. */
const SIGN_IN_REFUSALS = [
  ErrorCode.INVALID_CREDENTIALS,
  ErrorCode.SIGN_IN_THROTTLED,
  ErrorCode.UNLOCK_LINK_INVALID,
];

/** What each empty field of the sign-in form says. */
const MISSING: Record<LoginField, string> = {
  email: 'Skriv din e-mailadresse.',
  password: 'Skriv din adgangskode.',
};

/** What sign-out asks the browser to forget (cookies are also expired one by one above). */
const CLEAR_SITE_DATA = '"cache", "cookies", "storage"';

@ApiExcludeController()
@Controller()
export class WebController {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
    private readonly config: AppConfigService,
    private readonly notifications: NotificationsService,
    private readonly unlockLinks: UnlockLinkMailer,
    private readonly incidentPages: IncidentPagesService,
    private readonly oidc: OidcSignInService,
  ) {}

  @Get()
  @UseGuards(WebSessionGuard)
  @RendersPage()
  async home(@CurrentPrincipal() principal: UserPrincipal) {
    const [messages, incidents] = await Promise.all([
      this.notifications.forUser(principal.id),
      this.incidentPages.homeSection(principal),
    ]);
    return page(({ user, csrfToken }) => homeView(user!, csrfToken, messages, incidents));
  }

  /** `next`: the page that sent the user here (see signInPathFor), if it is on this site. */
  @Get('login')
  @RendersPage()
  loginPage(@Query('next') next: unknown) {
    const back = safeReturnPath(next);
    return page(({ csrfToken }) =>
      loginView({ csrfToken, next: back, sso: ssoButton(this.oidc.label, back) }),
    );
  }

  @Post('login')
  @RendersPage()
  async login(
    @Body() form: LoginFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const email = form.email?.trim() ?? '';
    const next = safeReturnPath(form.next);
    if (!email || !form.password) {
      const fieldErrors = {
        ...(email ? {} : { email: MISSING.email }),
        ...(form.password ? {} : { password: MISSING.password }),
      };
      return page(
        ({ csrfToken }) =>
          loginView({
            csrfToken,
            email,
            next,
            fieldErrors,
            error: 'Udfyld de markerede felter, og prøv igen.',
          }),
        HttpStatus.BAD_REQUEST,
      );
    }
    try {
      const outcome = await this.auth.signIn(email, form.password, address, 'web', form.unlock);
      if (outcome.kind === 'second-factor') return toSecondStep(res, this.cookies, outcome, next);
      const session = await this.auth.startWebSession(
        outcome.principal,
        { userAgent: req.get('user-agent'), address },
        this.cookies.read(req, 'baseline_session'),
      );
      this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
      return redirect(next ?? '/');
    } catch (e) {
      if (!isDomainError(e, ...SIGN_IN_REFUSALS)) throw e;
      const throttled = e.code === ErrorCode.SIGN_IN_THROTTLED;
      if (throttled) {
        res.setHeader('Retry-After', String((e.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
      const { text } = danishError({ code: e.code, details: e.details, statusCode: 400, message: e.message });
      const wrong = e.code === ErrorCode.INVALID_CREDENTIALS;
      const offerUnlockLink = !wrong && this.unlockLinks.enabled;
      // Which of the two was wrong is not told (it would reveal that the account exists).
      const fieldErrors = wrong ? { email: text, password: text } : {};
      const error = wrong ? 'Tjek e-mailadressen og adgangskoden, og prøv igen.' : text;
      return page(
        ({ csrfToken }) =>
          loginView({
            csrfToken,
            email,
            next,
            error,
            fieldErrors,
            offerUnlockLink,
            sso: ssoButton(this.oidc.label, next),
          }),
        throttled
          ? HttpStatus.TOO_MANY_REQUESTS
          : e.code === ErrorCode.INVALID_CREDENTIALS
            ? HttpStatus.UNAUTHORIZED
            : HttpStatus.BAD_REQUEST,
      );
    }
  }

  /** Asks for an unlock link; the answer is the same whatever happened, so it reveals nothing. */
  @Post('login/laas-op')
  @RendersPage()
  async requestUnlockLink(@Body() form: UnlockLinkFormDto, @ClientAddress() address: string) {
    const email = form.email?.trim() ?? '';
    if (email) await this.unlockLinks.send(email, address);
    return page(({ csrfToken }) =>
      loginView({
        csrfToken,
        email,
        notice: {
          heading: 'Tjek din e-mail',
          text: `Hvis kontoen findes og er spærret, har vi sendt et link til dens e-mailadresse. Linket virker én gang og udløber efter ${formatWait(this.config.signInThrottle.unlockLinkTtlSeconds)}.`,
        },
      }),
    );
  }

  /** Where the e-mailed link leads: the sign-in form, carrying the token until the owner signs in. */
  @Get('login/laas-op')
  @RendersPage()
  unlockPage(@Query('token') token: unknown) {
    return page(({ csrfToken }) =>
      loginView({
        csrfToken,
        unlockToken: typeof token === 'string' ? token.slice(0, 200) : '',
        notice: {
          heading: 'Lås kontoen op',
          text: 'Log ind med din e-mailadresse og adgangskode. Så låses kontoen op, og tidligere mislykkede forsøg glemmes.',
        },
      }),
    );
  }

  @Post('logout')
  @EndsSession()
  @RendersPage()
  async logout(
    @Body() _form: CsrfFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    const token = this.cookies.read(req, 'baseline_session');
    if (token) await this.auth.endWebSession(token, address);
    this.cookies.clear(res, 'baseline_session');
    // no-store keeps new pages out of the cache; this also empties what a browser kept before, so
    // Back after "Log af" shows nothing confidential on a shared computer.
    res.setHeader('Clear-Site-Data', CLEAR_SITE_DATA);
    return redirect('/login');
  }
}
