import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import { AuditService } from '@app/audit';
import { AppConfigService, Clock, type OidcSettings } from '@app/config';
import { User, UsersRepository } from '@app/users';
import { idpSatisfiesMfa } from './idp-mfa';
import { accountEmail } from './oidc-account';
import { OidcRefusal, OidcSignInRefused } from './oidc-sign-in-refused';
import { SsoLinks } from './sso-links';
import { openPendingSignIn, PENDING_SIGN_IN_TTL_MS, sealPendingSignIn } from './pending-sign-in';

/** Where the browser goes, and what it must bring back (to keep in the `baseline_oidc` cookie). */
export interface StartedOidcSignIn {
  authorizationUrl: string;
  pending: string;
  maxAgeMs: number;
}

/** A provider's answer mapped to an active account; AuthService.afterFederatedSignIn decides the rest. */
export interface OidcSignedIn {
  user: User;
  /** The ID token's `amr` shows MFA at the provider (see idpSatisfiesMfa); else MFA is still due. */
  mfaSatisfiedByIdp: boolean;
  next: string | null;
  /** What the sign-in's audit entry records. */
  details: {
    channel: 'web';
    method: 'oidc';
    issuer: string;
    sub: string;
    /** `email`: first sign-in, whose link to `sub` is now recorded; `sub`: found by that link. */
    mappedBy: 'sub' | 'email';
    mfaSatisfiedByIdp: boolean;
  };
}

/** A plain-HTTP issuer is accepted only on this machine (a test or a local provider). */
const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** Seconds the provider gets to answer discovery, token and key requests. */
const PROVIDER_TIMEOUT_SECONDS = 10;

/**
 * Sign-in through an OpenID Connect provider (authorization code flow with PKCE, state and
 * nonce). It only finds an existing, active account: by the recorded link to the provider's
 * `sub`, else by its verified e-mail address (or OIDC_ACCOUNT_CLAIM), which records the link; it
 * never creates one. Starting the web session is the caller's, exactly as after a password.
 */
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);
  /** Per issuer and client, so that changed settings are never served from an old discovery. */
  private discovered?: { key: string; configuration: Promise<oidc.Configuration> };

  constructor(
    private readonly config: AppConfigService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly links: SsoLinks,
  ) {}

  /** The SSO button's text, or null when SSO is not configured. */
  get label(): string | null {
    return this.config.oidc?.label ?? null;
  }

  /** `next` must already be a checked same-site path. Throws OidcSignInRefused('idp-unavailable'). */
  async start(next: string | null): Promise<StartedOidcSignIn> {
    const configuration = await this.discover(next);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings().redirectUri,
      scope: 'openid email',
      state,
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
    });
    const expiresAt = this.clock.now().getTime() + PENDING_SIGN_IN_TTL_MS;
    return {
      authorizationUrl: url.href,
      pending: sealPendingSignIn({ state, nonce, codeVerifier, next, expiresAt }, this.config.jwt.secret),
      maxAgeMs: PENDING_SIGN_IN_TTL_MS,
    };
  }

  /**
   * The provider's answer (`query` of the callback) checked against this browser's pending
   * sign-in, the code exchanged, the ID token verified, and its verified e-mail address matched
   * to an active account. Every outcome is audited; a refusal throws OidcSignInRefused.
   */
  async finish(
    query: URLSearchParams,
    pendingCookie: string | undefined,
    address: string,
  ): Promise<OidcSignedIn> {
    const settings = this.settings();
    const pending = openPendingSignIn(pendingCookie, this.config.jwt.secret, this.clock.now().getTime());
    const refuse = (reason: OidcRefusal, label: string | null, details: Record<string, unknown> = {}) =>
      this.refuse(reason, pending?.next ?? null, label, address, details);
    if (!pending) return refuse('not-pending', null);
    if (query.get('error')) {
      return refuse('idp-error', null, { error: query.get('error')!.slice(0, 100) });
    }
    if (query.get('state') !== pending.state) return refuse('state-mismatch', null);

    const configuration = await this.discover(pending.next);
    // The redirect URI as registered, with the provider's parameters: behind a proxy the
    // request's own host and scheme may differ from what the provider knows.
    const currentUrl = new URL(settings.redirectUri);
    currentUrl.search = query.toString();
    let claims: Record<string, unknown>;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      // Many providers put scope claims in the ID token; the rest (e.g. oidc-provider) answer
      // them at the UserInfo endpoint, whose answer must be for the same subject.
      if (claims[settings.accountClaim] === undefined && configuration.serverMetadata().userinfo_endpoint) {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, String(claims.sub));
        claims = { ...info, ...claims };
      }
    } catch (e) {
      this.logger.warn(`OIDC code exchange refused: ${(e as Error).message}`);
      return refuse('token-rejected', null, { error: String((e as Error).message).slice(0, 200) });
    }

    const sub = String(claims.sub);
    const found = accountEmail(claims, settings.accountClaim);
    const byEmail = 'email' in found ? await this.users.findForSignIn(found.email) : null;
    const linkedId = await this.links.userFor(settings.issuer, sub);
    let user: User | null;
    let mappedBy: 'sub' | 'email';
    if (linkedId) {
      // A recorded link wins over the e-mail address, which may change at the provider; but an
      // address that is another user's is refused rather than silently signing in as either.
      if (byEmail && byEmail.id !== linkedId) {
        return refuse('sso-link-conflict', sub, { sub, linkedUserId: linkedId, emailUserId: byEmail.id });
      }
      user = byEmail ?? (await this.users.findById(linkedId));
      mappedBy = 'sub';
    } else {
      if ('refusal' in found) return refuse(found.refusal, sub, { sub });
      user = byEmail;
      if (!user) return refuse('unknown-account', found.email, { sub });
      // The account is already linked to another subject at this provider: a new subject
      // claiming its address (e.g. a reused mailbox) does not take it over.
      const other = await this.links.subjectOf(user.id, settings.issuer);
      if (other !== null) return refuse('sso-link-conflict', found.email, { sub, emailUserId: user.id });
      mappedBy = 'email';
    }
    if (!user?.active) return refuse('inactive-account', user?.email ?? sub, { sub });
    if (mappedBy === 'email' && !(await this.links.link(settings.issuer, sub, user.id))) {
      return refuse('sso-link-conflict', user.email, { sub, emailUserId: user.id });
    }

    const mfaSatisfiedByIdp = idpSatisfiesMfa(claims.amr);
    return {
      user,
      mfaSatisfiedByIdp,
      next: pending.next,
      details: { channel: 'web', method: 'oidc', issuer: settings.issuer, sub, mappedBy, mfaSatisfiedByIdp },
    };
  }

  private async refuse(
    reason: OidcRefusal,
    next: string | null,
    label: string | null,
    address: string,
    details: Record<string, unknown>,
  ): Promise<never> {
    await this.audit.record(
      { id: null, label: label ?? 'sso', address },
      {
        action: 'auth.sign-in-failed',
        targetType: 'user',
        details: { channel: 'web', method: 'oidc', reason, ...details },
      },
    );
    throw new OidcSignInRefused(reason, next);
  }

  private settings(): OidcSettings {
    const settings = this.config.oidc;
    if (!settings) throw new Error('OIDC is not configured');
    return settings;
  }

  /** The provider's metadata, fetched once per process; a failure is retried on the next sign-in. */
  private async discover(next: string | null): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings();
    const url = new URL(issuer);
    const key = `${issuer} ${clientId}`;
    if (this.discovered?.key !== key) {
      const configuration = oidc
        .discovery(url, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
          timeout: PROVIDER_TIMEOUT_SECONDS,
          execute: url.protocol === 'http:' && isLoopback(url) ? [oidc.allowInsecureRequests] : [],
        })
        .then((c) => {
          c.timeout = PROVIDER_TIMEOUT_SECONDS;
          return c;
        });
      this.discovered = { key, configuration };
    }
    const discovered = this.discovered;
    try {
      return await discovered.configuration;
    } catch (e) {
      if (this.discovered === discovered) this.discovered = undefined;
      this.logger.warn(`OIDC discovery at ${issuer} failed: ${(e as Error).message}`);
      throw new OidcSignInRefused('idp-unavailable', next);
    }
  }
}
