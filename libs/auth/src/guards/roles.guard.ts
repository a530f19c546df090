import { CanActivate, ExecutionContext, ForbiddenException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AUTH_RULE, AuthRule } from '../auth-rule';
import type { Principal } from '../principal';

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<AuthRule | undefined>(AUTH_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!rule || !principal) return false;
    if (principal.kind === 'api_key') {
      if (!rule.apiKeys) throw new ForbiddenException('API keys cannot use this route');
      return true;
    }
    if (rule.roles.length > 0 && !rule.roles.includes(principal.role)) {
      throw new ForbiddenException(`This route requires the role ${rule.roles.join(' or ')}`);
    }
    return true;
  }
}
