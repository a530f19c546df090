import { Body, Controller, Get, HttpException, HttpStatus, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import {
  AuthService,
  ClientAddress,
  CurrentPrincipal,
  UserPrincipal,
  WebCookies,
  WebSessionGuard,
} from '@app/auth';
import { NotificationsService } from '@app/notifications';
import { CsrfService } from './csrf.service';
import { CsrfFormDto, LoginFormDto } from './dto/login-form.dto';
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
    private readonly notifications: NotificationsService,
  ) {}

  @Get()
  @UseGuards(WebSessionGuard)
  async home(@CurrentPrincipal() principal: UserPrincipal, @Req() req: Request, @Res() res: Response) {
    const [user, messages] = await Promise.all([
      this.webUsers.pageUser(principal),
      this.notifications.forUser(principal.id),
    ]);
    res.type('html').send(homeView(user, this.csrf.tokenFor(req, res), messages));
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
    const rerender = (status: number, error: string) =>
      res
        .status(status)
        .type('html')
        .send(loginView({ csrfToken: this.csrf.tokenFor(req, res), email, error }));
    if (!email || !form.password) {
      return rerender(HttpStatus.BAD_REQUEST, 'Udfyld både e-mailadresse og adgangskode.');
    }
    try {
      const principal = await this.auth.signIn(email, form.password, address, 'web');
      const session = await this.auth.startWebSession(principal);
      this.cookies.set(res, 'baseline_session', session.token, session.maxAgeMs);
      return res.redirect(303, '/');
    } catch (e) {
      if (e instanceof HttpException && e.getStatus() === HttpStatus.UNAUTHORIZED) {
        return rerender(HttpStatus.UNAUTHORIZED, 'Forkert e-mailadresse eller adgangskode.');
      }
      if (e instanceof HttpException && e.getStatus() === HttpStatus.TOO_MANY_REQUESTS) {
        return rerender(
          HttpStatus.TOO_MANY_REQUESTS,
          'For mange mislykkede forsøg på at logge ind. Vent et kvarter, og prøv igen.',
        );
      }
      throw e;
    }
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
