/**
 * `amr` values (RFC 8176, and Entra ID's) that show the provider itself checked more than a
 * password: `mfa` says so outright; the others name a second factor the user proved (one-time
 * code, hardware key, smart card, FIDO key, Windows Hello). A password, knowledge questions,
 * Windows sign-in alone or an absent claim do not.
 */
const MULTI_FACTOR_AMR = new Set(['mfa', 'otp', 'hwk', 'sc', 'fido', 'ngcmfa']);

/**
 * Whether an ID token's `amr` claim shows multi-factor authentication at the provider. When it
 * does not, a role that requires MFA must still pass Baseline's own second factor. Anything other
 * than an array of strings (missing, malformed) counts as no.
 */
export function idpSatisfiesMfa(amr: unknown): boolean {
  if (!Array.isArray(amr)) return false;
  return amr.some((v) => typeof v === 'string' && MULTI_FACTOR_AMR.has(v.toLowerCase()));
}
