import type { OidcRefusal } from './oidc-sign-in-refused';

/**
 * The e-mail address an ID token vouches for, or why it vouches for none. Only an address the
 * provider marks verified (`email_verified: true`, the boolean, not the string some providers
 * send) may name a Baseline account: an unverified one could be typed in by anyone at the provider.
 */
export function verifiedEmail(claims: Record<string, unknown>): { email: string } | { refusal: OidcRefusal } {
  const email = claims.email;
  if (typeof email !== 'string' || !email.includes('@')) return { refusal: 'email-missing' };
  if (claims.email_verified !== true) return { refusal: 'email-unverified' };
  return { email: email.trim().toLowerCase() };
}
