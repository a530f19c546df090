import {
  applyDecorators,
  CallHandler,
  CanActivate,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
  UnauthorizedException,
  UseInterceptors,
} from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { FileInterceptor } from '@nestjs/platform-express';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { WebCookies, WebSessionGuard } from '@app/auth';
import { AppConfigService } from '@app/config';
import { CsrfService } from './csrf.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const MULTIPART_FORM = 'baseline:multipart-form';
const ENDS_SESSION = 'baseline:ends-session';

/**
 * Marks sign-out: posted without a session (it expired while the page was open) there is
 * nothing to end and nothing to forge, so it goes through to the sign-in page instead of 403.
 */
export const EndsSession = () => SetMetadata(ENDS_SESSION, true);

const isMultipart = (req: Request) => req.is('multipart/form-data') === 'multipart/form-data';

/**
 * Guards every state-changing request to the web UI, for all controllers at once, so that no
 * form can forget it: the CSRF token (see CsrfService), and the request's origin.
 *
 * The API (`/api/…`, bearer tokens and API keys, never cookies) and `/health` are out of scope.
 *
 * Origin: browsers send `Origin` with every POST, also same-origin; it must be this site, as
 * the request's own Host says or as PUBLIC_URL says (behind a proxy that rewrites Host). When
 * `Origin` is absent, a `Referer` must then be from this site. When both are absent (a script
 * or a privacy setting that strips them; no browser omits Origin on a cross-site POST), the
 * token alone decides: refusing would lock out such users and stop no attack. `Origin: null`
 * (a sandboxed frame, a redirect across sites) is refused.
 *
 * A route that needs a session, posted from this site without a session cookie (the browser
 * dropped it when the session expired), is answered 401 before the token is checked: the token on
 * the officer's page was bound to the old session and would fail, and a 403 "no access" would hide
 * that signing in again is all it takes. Without a session the route refuses anyway, so nothing
 * is let through.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly csrf: CsrfService,
    private readonly config: AppConfigService,
    private readonly reflector: Reflector,
    private readonly cookies: WebCookies,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method) || isOutsideWebUi(req.path)) return true;
    this.csrf.assertSameOrigin(req, this.allowedOrigins(req));
    if (!this.cookies.read(req, 'baseline_session')) {
      if (this.needsSession(context)) throw new UnauthorizedException('Sign in required');
      if (this.reflector.get<boolean>(ENDS_SESSION, context.getHandler())) return true;
    }
    // A multipart body is read by multer, after the guards: its token is checked then, by the
    // route's MultipartForm. Any other route gets multipart with no token it can read: refused.
    if (isMultipart(req) && this.reflector.get<boolean>(MULTIPART_FORM, context.getHandler())) return true;
    this.csrf.assertValid(req);
    return true;
  }

  private needsSession(context: ExecutionContext): boolean {
    const guards = this.reflector.getAllAndMerge<unknown[]>(GUARDS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    return guards.includes(WebSessionGuard);
  }

  private allowedOrigins(req: Request): string[] {
    const own = `${req.protocol}://${req.get('host') ?? ''}`;
    return [own, originOf(this.config.publicUrl)].filter((o): o is string => !!o);
  }
}

function isOutsideWebUi(path: string): boolean {
  return path.startsWith('/api/') || path === '/health';
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Checks the CSRF token of a multipart form, once multer has read its fields into the body. */
@Injectable()
export class MultipartCsrfInterceptor implements NestInterceptor {
  constructor(private readonly csrf: CsrfService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    this.csrf.assertValid(context.switchToHttp().getRequest<Request>());
    return next.handle();
  }
}

/**
 * A web form that uploads one file (`enctype="multipart/form-data"`): multer reads the file and
 * the fields, then its `_csrf` field is checked before the handler runs. The guard has checked
 * the origin already, so a cross-site form is refused before its file is read.
 */
export function MultipartForm(field: string, limits: { fileSize: number; files: number }): MethodDecorator {
  return applyDecorators(
    SetMetadata(MULTIPART_FORM, true),
    // A browser sends the file name in UTF-8, not in busboy's default Latin-1.
    UseInterceptors(FileInterceptor(field, { limits, defParamCharset: 'utf8' }), MultipartCsrfInterceptor),
  );
}
