import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthService, ClientAddress, OidcSignInRefused, OidcSignInService, WebCookies } from '@app/auth';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { safeReturnPath } from '../return-path';
import { loginView } from '../views/login.view';
import { toSecondStep } from '../second-step';
import { ssoButton } from './sso-button';
import { ssoRefusalStatus, ssoRefusalText } from './sso-refusal-texts';

/**
 * Single sign-on through an OpenID Connect provider (OIDC_ISSUER). Without it both routes are
 * 404. A sign-in that the provider vouches for gets the same web session as one with a password.
 */
@ApiExcludeController()
@Controller('auth/oidc')
export class SsoSignInController {
  constructor(
    private readonly oidc: OidcSignInService,
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
  ) {}

  /** Sends the browser to the provider, and keeps what the callback checks in a cookie. */
  @Get('start')
  @RendersPage()
  async start(@Query('next') nextInput: unknown, @Res() res: Response) {
    const label = this.enabledLabel();
    const next = safeReturnPath(nextInput);
    try {
      const started = await this.oidc.start(next);
      this.cookies.set(res, 'baseline_oidc', started.pending, started.maxAgeMs);
      return redirect(started.authorizationUrl);
    } catch (e) {
      return this.refused(e, label);
    }
  }

  /** Where the provider sends the browser back, with a code or an error. */
  @Get('callback')
  @RendersPage()
  async callback(@ClientAddress() address: string, @Req() req: Request, @Res() res: Response) {
    const label = this.enabledLabel();
    const pending = this.cookies.read(req, 'baseline_oidc');
    // Used once: whatever the outcome, this browser's pending sign-in is over.
    if (pending) this.cookies.clear(res, 'baseline_oidc');
    const query = new URL(req.originalUrl, 'http://callback.invalid').searchParams;
    try {
      const found = await this.oidc.finish(query, pending, address);
      // The same rules as after a password (WebController.login): the local second step when the
      // user has a factor or must have one, unless the provider's `amr` showed MFA.
      const outcome = await this.auth.afterFederatedSignIn(
        found.user,
        address,
        found.mfaSatisfiedByIdp,
        found.details,
      );
      if (outcome.kind === 'second-factor') return toSecondStep(res, this.cookies, outcome, found.next);
      const session = await this.auth.startWebSession(
        outcome.principal,
        { userAgent: req.get('user-agent'), address },
        this.cookies.read(req, 'baseline_session'),
      );
      this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
      return redirect(found.next ?? '/');
    } catch (e) {
      return this.refused(e, label);
    }
  }

  private enabledLabel(): string {
    const label = this.oidc.label;
    if (label === null) throw new NotFoundException();
    return label;
  }

  /** The sign-in page with the reason in Danish; anything else is not a refusal and goes on up. */
  private refused(e: unknown, label: string) {
    if (!(e instanceof OidcSignInRefused)) throw e;
    const next = e.next;
    return page(
      ({ csrfToken }) =>
        loginView({ csrfToken, next, error: ssoRefusalText(e.reason, label), sso: ssoButton(label, next) }),
      ssoRefusalStatus(e.reason),
    );
  }
}
