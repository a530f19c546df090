/** Why an SSO sign-in was refused; audited, and turned into a Danish message by the web UI. */
export type OidcRefusal =
  /** No pending sign-in in this browser: never started here, expired (10 min) or tampered with. */
  | 'not-pending'
  /** The `state` that came back is not the one this browser was sent with. */
  | 'state-mismatch'
  /** The provider answered with an error (e.g. the user cancelled). */
  | 'idp-error'
  /** The provider could not be reached, or its discovery document is unusable. */
  | 'idp-unavailable'
  /** The code exchange or the ID token failed a check (PKCE, nonce, signature, audience, …). */
  | 'token-rejected'
  | 'email-missing'
  | 'email-unverified'
  /** No Baseline account has the verified e-mail address: none is created. */
  | 'unknown-account'
  | 'inactive-account'
  /** The `sub` is linked to one user and the e-mail address is another's, or the account is linked to another `sub`. */
  | 'sso-link-conflict';

export class OidcSignInRefused extends Error {
  constructor(
    readonly reason: OidcRefusal,
    /** The same-site page the user was headed for, so that trying again keeps it. */
    readonly next: string | null = null,
  ) {
    super(`SSO sign-in refused: ${reason}`);
  }
}
