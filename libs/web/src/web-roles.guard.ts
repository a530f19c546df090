import { CanActivate, ExecutionContext, ForbiddenException, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Principal } from '@app/auth';
import type { Role } from '@app/users';

const WEB_ROLES = 'baseline:web-roles';

/** Restricts a web controller or page to the given roles; use after WebSessionGuard. */
export const WebRoles = (...roles: Role[]) => SetMetadata(WEB_ROLES, roles);

/** Signed in with another role: 403, which the error filter shows as the Danish "no access" page. */
@Injectable()
export class WebRolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(WEB_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (!roles || !principal || principal.kind !== 'user' || !roles.includes(principal.role)) {
      throw new ForbiddenException(`This page requires the role ${roles?.join(' or ') ?? '(none declared)'}`);
    }
    return true;
  }
}
