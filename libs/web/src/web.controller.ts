import {
  Body,
  Controller,
  Get,
  HttpException,
  HttpStatus,
  Post,
  Query,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthService,
  ClientAddress,
  CurrentPrincipal,
  InvalidUnlockLinkException,
  TooManySignInAttemptsException,
  UserPrincipal,
  WebCookies,
  WebSessionGuard,
} from '@app/auth';
import { AppConfigService } from '@app/config';
import { NotificationsService, UnlockLinkMailer } from '@app/notifications';
import { CsrfService } from './csrf.service';
import { formatWait } from './danish-format';
import { CsrfFormDto, LoginFormDto, UnlockLinkFormDto } from './dto/login-form.dto';
import { IncidentPagesService } from './incidents/incident-pages.service';
import { WebUserService } from './web-user.service';
import { homeView } from './views/home.view';
import { loginView } from './views/login.view';

@ApiExcludeController()
@Controller()
export class WebController {
  constructor(
    private readonly auth: AuthService,
    private readonly csrf: CsrfService,
    private readonly webUsers: WebUserService,
    private readonly cookies: WebCookies,
    private readonly config: AppConfigService,
    private readonly notifications: NotificationsService,
    private readonly unlockLinks: UnlockLinkMailer,
    private readonly incidentPages: IncidentPagesService,
  ) {}

  @Get()
  @UseGuards(WebSessionGuard)
  async home(@CurrentPrincipal() principal: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const [user, messages, incidents] = await Promise.all([
      this.webUsers.pageUser(principal),
      this.notifications.forUser(principal.id),
      this.incidentPages.homeSection(principal),
    ]);
    res.type('html').send(homeView(user, this.csrf.tokenFor(req, res), messages, incidents));
  }

  @Get('login')
  loginPage(@Req() req: Request, @Res() res: Response) {
    res.type('html').send(loginView({ csrfToken: this.csrf.tokenFor(req, res) }));
  }

  @Post('login')
  async login(
    @Body() form: LoginFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const email = form.email?.trim() ?? '';
    const rerender = (status: number, error: string, offerUnlockLink = false) =>
      res
        .status(status)
        .type('html')
        .send(loginView({ csrfToken: this.csrf.tokenFor(req, res), email, error, offerUnlockLink }));
    if (!email || !form.password) {
      return rerender(HttpStatus.BAD_REQUEST, 'Udfyld både e-mailadresse og adgangskode.');
    }
    try {
      const principal = await this.auth.signIn(email, form.password, address, 'web', form.unlock);
      const session = await this.auth.startWebSession(principal);
      this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
      return res.redirect(303, '/');
    } catch (e) {
      if (e instanceof HttpException && e.getStatus() === HttpStatus.UNAUTHORIZED) {
        return rerender(HttpStatus.UNAUTHORIZED, 'Forkert e-mailadresse eller adgangskode.');
      }
      if (e instanceof TooManySignInAttemptsException) {
        res.setHeader('Retry-After', String(e.retryAfterSeconds));
        return rerender(
          HttpStatus.TOO_MANY_REQUESTS,
          `For mange mislykkede forsøg på at logge ind. Vent ${formatWait(e.retryAfterSeconds)}, og prøv igen.`,
          this.unlockLinks.enabled,
        );
      }
      if (e instanceof InvalidUnlockLinkException) {
        return rerender(
          HttpStatus.BAD_REQUEST,
          'Linket til at låse kontoen op er ugyldigt, udløbet eller allerede brugt. Bed om et nyt.',
          this.unlockLinks.enabled,
        );
      }
      throw e;
    }
  }

  /** Asks for an unlock link; the answer is the same whatever happened, so it reveals nothing. */
  @Post('login/laas-op')
  async requestUnlockLink(
    @Body() form: UnlockLinkFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const email = form.email?.trim() ?? '';
    if (email) await this.unlockLinks.send(email, address);
    res
      .status(HttpStatus.OK)
      .type('html')
      .send(
        loginView({
          csrfToken: this.csrf.tokenFor(req, res),
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
  unlockPage(@Query('token') token: unknown, @Req() req: Request, @Res() res: Response) {
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(
      loginView({
        csrfToken: this.csrf.tokenFor(req, res),
        unlockToken: typeof token === 'string' ? token.slice(0, 200) : '',
        notice: {
          heading: 'Lås kontoen op',
          text: 'Log ind med din e-mailadresse og adgangskode. Så låses kontoen op, og tidligere mislykkede forsøg glemmes.',
        },
      }),
    );
  }

  @Post('logout')
  async logout(
    @Body() _form: CsrfFormDto,
    @ClientAddress() address: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    this.csrf.assertValid(req);
    const token = this.cookies.read(req, 'baseline_session');
    if (token) await this.auth.endWebSession(token, address);
    this.cookies.clear(res, 'baseline_session');
    res.redirect(303, '/login');
  }
}
