import type { OidcRefusal } from './oidc-sign-in-refused';

/**
 * The Baseline e-mail address an ID token vouches for, or why it vouches for none. By default
 * that is `email`, and only when the provider marks it verified (`email_verified: true`, the
 * boolean, not the string some providers send): an unverified one could be typed in by anyone at
 * the provider. With another `accountClaim` (OIDC_ACCOUNT_CLAIM, e.g. `sub` or `upn`), that claim
 * is set by the provider's directory, and its value is the address.
 */
export function accountEmail(
  claims: Record<string, unknown>,
  accountClaim = 'email',
): { email: string } | { refusal: OidcRefusal } {
  const email = claims[accountClaim];
  if (typeof email !== 'string' || !email.includes('@')) return { refusal: 'email-missing' };
  if (accountClaim === 'email' && claims.email_verified !== true) return { refusal: 'email-unverified' };
  return { email: email.trim().toLowerCase() };
}
