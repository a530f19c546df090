import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { hmac, newSecretToken, safeEqual, WebCookies } from '@app/auth';
import { AppConfigService } from '@app/config';
import { DomainError, ErrorCode } from '@app/http';

export const CSRF_FIELD = '_csrf';
/** Where scripts send the token; a cross-site page cannot set a custom header without CORS, which is off. */
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Signed double-submit tokens bound to the session (OWASP): a random HTTP-only cookie, and in
 * every form an HMAC of it together with the session cookie. A forged cross-site form cannot read
 * either cookie, so it cannot produce the field; and a token taken from another session (the
 * attacker's own, with its CSRF cookie planted in the victim's browser) does not match the
 * victim's session. Before sign-in the session part is empty, which protects the login form.
 * Stateless, so it works across API instances.
 */
@Injectable()
export class CsrfService {
  constructor(
    private readonly config: AppConfigService,
    private readonly cookies: WebCookies,
  ) {}

  /** The token for forms on this page; sets the cookie on first use. */
  tokenFor(req: Request, res: Response): string {
    let seed = this.seed(req);
    if (!seed) {
      seed = newSecretToken();
      this.cookies.set(res, 'baseline_csrf', seed);
    }
    return this.sign(seed, req);
  }

  /** Checks the token from the form field or, for scripts posting JSON, the X-CSRF-Token header. */
  assertValid(req: Request): void {
    const seed = this.seed(req);
    const field = (req.body as Record<string, unknown> | undefined)?.[CSRF_FIELD] ?? req.get(CSRF_HEADER);
    if (!seed || typeof field !== 'string' || !safeEqual(field, this.sign(seed, req))) {
      throw refused();
    }
  }

  /** Refuses a request that a browser says came from another site (see CsrfGuard for the rules). */
  assertSameOrigin(req: Request, allowed: string[]): void {
    const origin = req.get('origin');
    const referer = req.get('referer');
    const from = origin ?? (referer ? originOfUrl(referer) : undefined);
    if (from !== undefined && !allowed.includes(from)) throw refused();
  }

  private seed(req: Request): string | undefined {
    const seed = this.cookies.read(req, 'baseline_csrf');
    return seed && /^[A-Za-z0-9_-]{32,64}$/.test(seed) ? seed : undefined;
  }

  /** The session token is secret and HTTP-only; the HMAC binds to it without revealing it. */
  private sign(seed: string, req: Request): string {
    const session = this.cookies.read(req, 'baseline_session') ?? '';
    return hmac(this.config.jwt.secret, `csrf:${seed}:${session}`);
  }
}

const refused = () =>
  new DomainError(
    ErrorCode.CSRF_REJECTED,
    'The form has expired or did not come from this site. Reload the page and try again.',
  );

/** The origin of a URL, or "null" (never allowed) when it is none. */
function originOfUrl(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'null';
  }
}
