import type { Role } from '@app/users';

/** Metadata key under which @Auth and @AuthOrApiKey store their rule, on a handler or a controller. */
export const AUTH_RULE = 'baseline:auth-rule';

export interface AuthRule {
  /** Roles allowed; empty means any signed-in user. */
  roles: Role[];
  /** Whether a municipal system's API key may call the route. */
  apiKeys: boolean;
}
