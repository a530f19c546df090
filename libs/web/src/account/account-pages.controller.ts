import { Body, Controller, Get, Post, Query, Req, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  actorOf,
  ClientAddress,
  CurrentPrincipal,
  MfaService,
  UserPrincipal,
  WebCookies,
  WebSessionGuard,
  WebSessionsService,
} from '@app/auth';
import { html } from '@app/ui';
import { ConfirmFormDto } from '../administration/dto/admin-forms.dto';
import { confirmPage } from '../confirm-page';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { AccountQueryDto } from './account-query.dto';
import { ACCOUNT_PATH, accountView, SIGN_OUT_ELSEWHERE_PATH } from './views/account.view';

/** `/konto`: every signed-in user's own page. */
@ApiExcludeController()
@Controller(ACCOUNT_PATH.slice(1))
@UseGuards(WebSessionGuard)
export class AccountPagesController {
  constructor(
    private readonly sessions: WebSessionsService,
    private readonly cookies: WebCookies,
    private readonly mfa: MfaService,
  ) {}

  @Get()
  @RendersPage()
  async account(
    @Query() query: AccountQueryDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @Req() req: Request,
  ) {
    const [sessions, mfa] = await Promise.all([
      this.sessions.listOwn(principal, this.cookies.read(req, 'baseline_session')),
      this.mfa.status(principal),
    ]);
    const ended = Number(query.antal);
    return page(({ user, csrfToken }) =>
      accountView({
        user: user!,
        csrfToken,
        email: principal.email,
        sessions,
        mfa,
        signedOutElsewhere:
          query.besked === 'logget-ud' && Number.isInteger(ended) && ended >= 0 ? ended : undefined,
      }),
    );
  }

  @Get('log-ud-andre-steder')
  @RendersPage()
  signOutElsewherePage() {
    return confirmPage({
      crumbs: [
        { text: 'Forside', href: '/' },
        { text: 'Min konto', href: ACCOUNT_PATH },
      ],
      heading: 'Log ud andre steder?',
      consequences: html`<p>
        Alle andre browsere, hvor du er logget ind, bliver logget ud med det samme. Du forbliver logget ind
        her.
      </p>`,
      action: SIGN_OUT_ELSEWHERE_PATH,
      submitLabel: 'Log ud andre steder',
      back: ACCOUNT_PATH,
    });
  }

  @Post('log-ud-andre-steder')
  @RendersPage()
  async signOutElsewhere(
    @Body() _form: ConfirmFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
    @Req() req: Request,
  ) {
    // The guard admitted this request on its session cookie, so it is there.
    const token = this.cookies.read(req, 'baseline_session')!;
    const revoked = await this.sessions.revokeOthers(principal, token, actorOf(principal, address));
    return redirect(`${ACCOUNT_PATH}?besked=logget-ud&antal=${revoked}`);
  }
}
