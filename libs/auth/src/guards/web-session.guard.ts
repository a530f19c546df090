import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/** The web UI's guard: a live session cookie, else 401 (which the web error handler turns into a redirect). */
@Injectable()
export class WebSessionGuard extends AuthGuard('session') {
  override handleRequest<T>(err: unknown, user: T | false, _info: unknown, _context: ExecutionContext): T {
    if (err) throw err;
    if (!user) throw new UnauthorizedException('Sign in required');
    return user;
  }
}
