import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiSecurity, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@app/users';
import { AUTH_RULE, AuthRule } from '../auth-rule';
import { ApiAuthGuard } from '../guards/api-auth.guard';
import { RolesGuard } from '../guards/roles.guard';

/** Requires a bearer token (or an API key where allowed), and one of the given roles if any. */
export function Auth(...roles: Role[]) {
  return withRule({ roles, apiKeys: false });
}

/** Like Auth, and municipal API keys are accepted too. */
export function AuthOrApiKey(...roles: Role[]) {
  return applyDecorators(withRule({ roles, apiKeys: true }), ApiSecurity('api-key'));
}

function withRule(rule: AuthRule) {
  return applyDecorators(
    SetMetadata(AUTH_RULE, rule),
    UseGuards(ApiAuthGuard, RolesGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: 'Signed in, but not allowed' }),
  );
}
