import { Injectable, type INestApplicationContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AuthService, type Principal, type UserPrincipal, WebCookies } from '@app/auth';
import type { ErrorBody, HtmlErrorResponder } from '@app/http';
import { CsrfService } from './csrf.service';
import { renderingAt } from './page-location';
import { signInPathFor } from './return-path';
import { errorView } from './views/error.view';
import type { PageUser } from './views/layout.view';
import { WebUserService } from './web-user.service';

/**
 * Browsers that are not signed in go to the sign-in page, which brings them back afterwards;
 * every other error gets a Danish page, with the signed-in header and menu when there is a
 * session (an unknown address runs no guard, so the session is looked up here).
 */
@Injectable()
export class WebErrorPages {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
    private readonly csrf: CsrfService,
    private readonly webUsers: WebUserService,
  ) {}

  async respond(req: Request, res: Response, error: ErrorBody): Promise<void> {
    if (error.statusCode === 401) {
      res.redirect(303, signInPathFor(req));
      return;
    }
    // After a server error the database may be what failed: the page then goes without the user.
    const user = error.statusCode < 500 ? await this.signedInUser(req).catch(() => null) : null;
    const csrfToken = user ? this.csrf.tokenFor(req, res) : undefined;
    const body = renderingAt(req.path, () => errorView(error, user, csrfToken));
    res.status(error.statusCode).type('html').send(body);
  }

  private async signedInUser(req: Request): Promise<PageUser | null> {
    // Set by the session guard when the error came after it (a 403 or a 404 of a known route).
    const guarded = (req as Request & { user?: Principal }).user;
    let principal: UserPrincipal | null = guarded?.kind === 'user' ? guarded : null;
    if (!principal) {
      const token = this.cookies.read(req, 'baseline_session');
      principal = token ? await this.auth.principalForSession(token) : null;
    }
    return principal ? this.webUsers.pageUser(principal) : null;
  }
}

/** The web UI's answer to errors of browser requests, for the global exception filter. */
export function webErrorResponder(app: INestApplicationContext): HtmlErrorResponder {
  const pages = app.get(WebErrorPages, { strict: false });
  return (req, res, error) => {
    pages.respond(req, res, error).catch(() => {
      if (!res.headersSent) res.status(error.statusCode).type('html').send(errorView(error));
    });
  };
}
