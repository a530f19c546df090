import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { AuthService } from '../auth.service';
import { WebCookies } from '../web-cookies';

/** The HTTP-only session cookie of the web UI. */
@Injectable()
export class SessionStrategy extends PassportStrategy(Strategy, 'session') {
  constructor(
    private readonly auth: AuthService,
    private readonly cookies: WebCookies,
  ) {
    super();
  }

  async validate(req: Request) {
    const token = this.cookies.read(req, 'baseline_session');
    return token ? this.auth.principalForSession(token) : null;
  }
}
