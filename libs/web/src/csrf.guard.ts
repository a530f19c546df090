import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfigService } from '@app/config';
import { CsrfService } from './csrf.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly csrf: CsrfService,
    private readonly config: AppConfigService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(req.method) || isOutsideWebUi(req.path)) return true;
    this.csrf.assertSameOrigin(req, this.allowedOrigins(req));
    this.csrf.assertValid(req);
    return true;
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
