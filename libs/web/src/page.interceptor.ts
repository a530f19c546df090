import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { mergeMap, Observable } from 'rxjs';
import type { Principal } from '@app/auth';
import { CsrfService } from './csrf.service';
import { HtmlPage, Redirect } from './page';
import { renderingAt } from './page-location';
import { WebUserService } from './web-user.service';

/** Writes what a `@RendersPage()` handler returns: a page as HTML with its status, or a 303. */
@Injectable()
export class PageInterceptor implements NestInterceptor {
  constructor(
    private readonly csrf: CsrfService,
    private readonly webUsers: WebUserService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<void> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request & { user?: Principal }>();
    const res = http.getResponse<Response>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        if (result instanceof Redirect) return res.redirect(303, result.location);
        if (!(result instanceof HtmlPage)) {
          throw new Error(`${context.getClass().name}.${context.getHandler().name} returned no page`);
        }
        const principal = req.user?.kind === 'user' ? req.user : null;
        const user = principal ? await this.webUsers.pageUser(principal) : null;
        const csrfToken = this.csrf.tokenFor(req, res);
        res
          .status(result.status)
          .type('html')
          .send(renderingAt(req.path, () => result.view({ user, csrfToken })));
      }),
    );
  }
}
