import { Injectable } from '@nestjs/common';
import type { CookieOptions, Request, Response } from 'express';
import { AppConfigService } from '@app/config';

/** The web UI's cookies, by base name; their real names depend on COOKIE_SECURE. */
export type WebCookie = 'baseline_session' | 'baseline_csrf' | 'baseline_oidc' | 'baseline_mfa';

/**
 * Names, attributes and reading of the web UI's cookies, in one place. Behind HTTPS
 * (COOKIE_SECURE) every name gets the `__Host-` prefix: browsers then accept the cookie only
 * when it is Secure, has Path=/ and no Domain, so neither a sibling subdomain nor a plain-HTTP
 * response can plant or overwrite it (a planted CSRF or session cookie is how double-submit
 * CSRF protection and session fixation are defeated).
 */
@Injectable()
export class WebCookies {
  private readonly secure: boolean;

  constructor(config: AppConfigService) {
    this.secure = config.session.secureCookie;
  }

  name(cookie: WebCookie): string {
    return this.secure ? `__Host-${cookie}` : cookie;
  }

  read(req: Request, cookie: WebCookie): string | undefined {
    return (req.cookies as Record<string, string> | undefined)?.[this.name(cookie)];
  }

  set(res: Response, cookie: WebCookie, value: string, maxAgeMs?: number): void {
    res.cookie(this.name(cookie), value, { ...this.options(), ...(maxAgeMs ? { maxAge: maxAgeMs } : {}) });
  }

  /** Browsers drop a `__Host-` cookie only when the clearing header carries the same attributes. */
  clear(res: Response, cookie: WebCookie): void {
    res.clearCookie(this.name(cookie), this.options());
  }

  private options(): CookieOptions {
    return { httpOnly: true, sameSite: 'lax', secure: this.secure, path: '/' };
  }
}
