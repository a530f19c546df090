import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hmac, newSecretToken, safeEqual } from '@app/auth';
import { AppConfigService } from '@app/config';

export const CSRF_COOKIE = 'baseline_csrf';
export const CSRF_FIELD = '_csrf';
/** Where scripts send the token; a cross-site page cannot set a custom header without CORS, which is off. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Signed double-submit tokens (OWASP): a random HTTP-only cookie, and in every form an HMAC of
 * it. A forged cross-site form cannot read the cookie, so it cannot produce the field. Stateless,
 * so it works across API instances.
 */
@Injectable()
export class CsrfService {
  constructor(private readonly config: AppConfigService) {}

  /** The token for forms on this page; sets the cookie on first use. */
  tokenFor(req: Request, res: Response): string {
    let seed = (req.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE];
    if (!seed || !/^[A-Za-z0-9_-]{32,64}$/.test(seed)) {
      seed = newSecretToken();
      res.cookie(CSRF_COOKIE, seed, {
        httpOnly: true,
        sameSite: 'lax',
        secure: this.config.session.secureCookie,
        path: '/',
      });
    }
    return hmac(this.config.jwt.secret, `csrf:${seed}`);
  }

  /** Checks the token from the form field or, for scripts posting JSON, the X-CSRF-Token header. */
  assertValid(req: Request): void {
    const seed = (req.cookies as Record<string, string> | undefined)?.[CSRF_COOKIE];
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? req.get(CSRF_HEADER);
    if (
      !seed ||
      typeof field !== 'string' ||
      !safeEqual(field, hmac(this.config.jwt.secret, `csrf:${seed}`))
    ) {
      throw new ForbiddenException(
        'The form has expired or did not come from this site. Reload the page and try again.',
      );
    }
  }
}
