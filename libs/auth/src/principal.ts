import type { Actor } from '@app/audit';
import type { Role } from '@app/users';

/** A signed-in person (JWT or web session). */
export interface UserPrincipal {
  kind: 'user';
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCode: number | null;
  /** The user's credentials version when signed in; an access token carries it (see AuthService). */
  credentialsVersion?: number;
}

/** A municipal system calling with an API key; it acts for exactly one municipality. */
export interface ApiKeyPrincipal {
  kind: 'api_key';
  id: string;
  name: string;
  prefix: string;
  municipalityCode: number;
}

export type Principal = UserPrincipal | ApiKeyPrincipal;

export function actorOf(principal: Principal, address?: string | null): Actor {
  return principal.kind === 'user'
    ? { id: principal.id, label: principal.email, address }
    : { id: null, label: `api-key:${principal.prefix}`, address };
}
