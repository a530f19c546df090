import { ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { AUTH_RULE, AuthRule } from '../auth-rule';

/** Bearer JWT, or an API key on routes that accept one; anything else is 401. */
@Injectable()
export class ApiAuthGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override handleRequest<T>(err: unknown, user: T | false, _info: unknown, context: ExecutionContext): T {
    if (err) throw err;
    if (!user) {
      const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_RULE, [
        context.getHandler(),
        context.getClass(),
      ]);
      throw new UnauthorizedException(
        rule?.apiKeys
          ? 'Sign in (Bearer token) or present an API key (X-API-Key)'
          : 'Sign in required (Bearer token)',
      );
    }
    return user;
  }
}
