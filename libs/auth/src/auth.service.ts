import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { AppConfigService, Clock } from '@app/config';
import { PasswordHasher, User, UsersRepository } from '@app/users';
import {
  InvalidCredentialsException,
  InvalidUnlockLinkException,
  SessionNotFoundException,
} from './auth.exceptions';
import { MfaChallenge } from './mfa/mfa-challenge.entity';
import {
  MfaChallengeInvalidException,
  MfaCodeInvalidException,
  MfaCodeReplayedException,
  PasskeyRejectedException,
} from './mfa/mfa.exceptions';
import { WebauthnService } from './mfa/webauthn.service';
import { MfaPolicy } from './mfa/mfa-policy';
import { MfaService, TotpEnrolment } from './mfa/mfa.service';
import { SignInChallengesRepository } from './mfa/sign-in-challenges.repository';
import type { UserPrincipal } from './principal';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SignInCountersRepository } from './sign-in-counters.repository';
import { SignInThrottleService } from './sign-in-throttle.service';
import { SignInUnlockTokensRepository } from './sign-in-unlock-tokens.repository';
import { SessionRow, WebSessionsRepository } from './web-sessions.repository';

/** How long the second step of a sign-in may take. */
const SECOND_STEP_SECONDS = 300;
/** Enrolling an app while signing in takes longer (install, scan, type). */
const ENROL_STEP_SECONDS = 900;

export type SecondFactorMethod = 'totp' | 'recovery_code' | 'webauthn';

/** What a correct password leads to: a signed-in user, or the second step first. */
export type SignInOutcome =
  | { kind: 'signed-in'; principal: UserPrincipal }
  | {
      kind: 'second-factor';
      /** Single-use ticket to the second step; not a session and not an access token. */
      challengeToken: string;
      expiresAt: Date;
      /** No factor is set up yet and one is required: the step enrols an authenticator app. */
      enrolment: boolean;
      methods: SecondFactorMethod[];
    };

/** A completed second step; `recoveryCodes` only when it enrolled an authenticator app. */
export interface SecondStepResult {
  principal: UserPrincipal;
  recoveryCodes?: string[];
}

export interface SessionMeta {
  userAgent?: string | null;
  address?: string | null;
}

export interface AccessTokenPayload {
  sub: string;
  role: string;
  mun: number | null;
  /** The user's credentials version at issue; a password change raises it and so revokes the token. */
  ver?: number;
}

function normaliseEmail(input: string): string {
  return input.trim().toLowerCase();
}

export function toUserPrincipal(user: User): UserPrincipal {
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipalityCode: user.municipalityCode,
    credentialsVersion: user.credentialsVersion,
  };
}

/** How long after one unlock link another may be sent, so nobody can flood the owner's inbox. */
const UNLOCK_LINK_MIN_GAP_SECONDS = 300;

export interface IssuedUnlockLink {
  email: string;
  token: string;
  expiresAt: Date;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly counters: SignInCountersRepository,
    private readonly unlockTokens: SignInUnlockTokensRepository,
    private readonly sessions: WebSessionsRepository,
    private readonly challenges: SignInChallengesRepository,
    private readonly mfa: MfaService,
    private readonly mfaPolicy: MfaPolicy,
    private readonly webauthn: WebauthnService,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottleService,
  ) {}

  /**
   * Checks email and password. Each attempt first reserves a count on its account-and-address
   * pair, its account and its address, under row locks in the database, so throttling holds
   * across API instances and concurrent guesses: a blocked counter answers 429 before any password
   * is checked. With a fresh unlock link the owner signs in past the throttle and clears the
   * account's lock.
   */
  async signIn(
    emailInput: string,
    password: string,
    address: string,
    channel: 'api' | 'web',
    unlockToken?: string,
  ): Promise<SignInOutcome> {
    const email = normaliseEmail(emailInput);
    const now = this.clock.now();
    await this.auditClosedThrottleWindows(now);
    if (unlockToken !== undefined) {
      return this.signInWithUnlockLink(email, password, address, channel, unlockToken, now);
    }

    await this.reserveAttempt(email, address, now);
    const user = await this.checkPassword(
      await this.users.findForSignIn(email),
      email,
      password,
      address,
      channel,
    );
    return this.afterPassword(user, address, channel, { channel }, false);
  }

  /**
   * After a single sign-on provider vouched for the account: signed in when the provider showed
   * MFA (its `amr`), else the same second step as after a password, if the user has a factor or
   * must have one. No password was tried, so there is no throttle reservation to give back.
   */
  afterFederatedSignIn(
    user: User,
    address: string,
    mfaSatisfiedByIdp: boolean,
    details: Record<string, unknown>,
  ): Promise<SignInOutcome> {
    if (mfaSatisfiedByIdp) {
      return this.signedIn(user, address, details).then((principal) => ({ kind: 'signed-in', principal }));
    }
    return this.afterPassword(user, address, 'web', details, true);
  }

  private reserveAttempt(email: string, address: string, now: Date): Promise<void> {
    return this.throttle.reserve(email, address, now);
  }

  /**
   * Checks the signed-in user's current password (`check`) on the sign-in throttle's counters, so
   * a stolen session cannot guess it without limit: 429 while blocked, counted when wrong.
   */
  guardOwnPassword(email: string, address: string, check: () => Promise<boolean>): Promise<boolean> {
    return this.throttle.guard(email, address, this.clock.now(), check);
  }

  /**
   * After a correct password: signed in, or a ticket to the second step. While a second step is
   * owed, the password's reservation on the throttle stays counted, so guessing codes after a
   * known password is throttled like guessing passwords; success gives both back.
   */
  private async afterPassword(
    user: User,
    address: string,
    channel: 'api' | 'web',
    details: Record<string, unknown>,
    released: boolean,
  ): Promise<SignInOutcome> {
    const now = this.clock.now();
    const enrolled = await this.mfa.enrolled(user.id);
    const enrolment = !enrolled && (await this.mfaPolicy.requiredFor(user));
    if (!enrolled && !enrolment) {
      if (!released) await this.counters.release(user.email, address, this.config.signInThrottle, false);
      return { kind: 'signed-in', principal: await this.signedIn(user, address, details) };
    }
    await this.challenges.sweep(user.id, now);
    const seconds = enrolment ? ENROL_STEP_SECONDS : SECOND_STEP_SECONDS;
    const expiresAt = new Date(now.getTime() + seconds * 1000);
    const { token } = await this.challenges.create(
      user.id,
      enrolment ? 'enrol' : 'verify',
      address,
      expiresAt,
    );
    await this.audit.record(
      { id: user.id, label: user.email, address },
      {
        action: 'auth.password-accepted',
        targetType: 'user',
        targetId: user.id,
        details: { ...details, next: enrolment ? 'mfa-enrolment' : 'mfa' },
      },
    );
    const status = enrolment ? null : await this.mfa.status(user);
    const methods: SecondFactorMethod[] = enrolment
      ? ['totp']
      : [
          ...(status!.totp ? (['totp'] as const) : []),
          ...(status!.recoveryCodesLeft > 0 ? (['recovery_code'] as const) : []),
          ...(status!.passkeys.length > 0 ? (['webauthn'] as const) : []),
        ];
    return { kind: 'second-factor', challengeToken: token, expiresAt, enrolment, methods };
  }

  /** The user a live second-step ticket belongs to, or 401 MFA_CHALLENGE_INVALID. */
  async challengeOwner(
    challengeToken: string,
    purposes: Array<MfaChallenge['purpose']> = ['verify', 'enrol'],
  ): Promise<{ challenge: MfaChallenge; user: User }> {
    const challenge = await this.challenges.findLive(challengeToken, purposes, this.clock.now());
    const user = challenge ? await this.users.findActiveById(challenge.userId) : null;
    if (!challenge || !user) throw new MfaChallengeInvalidException();
    return { challenge, user };
  }

  /** Starts enrolling an authenticator app during a sign-in that requires one. */
  async startEnrolmentForChallenge(challengeToken: string, address: string): Promise<TotpEnrolment> {
    const { user } = await this.challengeOwner(challengeToken, ['enrol']);
    return (
      (await this.mfa.pendingTotp(user)) ??
      this.mfa.startTotp(user, { id: user.id, label: user.email, address })
    );
  }

  /**
   * The second step: a TOTP code or a recovery code (or, on an enrolment ticket, the first code
   * from the new app). Each try reserves an attempt on the same throttle as passwords; a wrong or
   * replayed code is audited and counted against the ticket too.
   */
  async completeSignIn(
    challengeToken: string,
    code: string,
    address: string,
    channel: 'api' | 'web',
  ): Promise<SecondStepResult> {
    const now = this.clock.now();
    const { challenge, user } = await this.challengeOwner(challengeToken);
    await this.reserveAttempt(user.email, address, now);
    const actor = { id: user.id, label: user.email, address };
    let recoveryCodes: string[] | undefined;
    let outcome: 'ok' | 'wrong' | 'replayed';
    if (challenge.purpose === 'enrol') {
      const codes = await this.mfa.confirmTotp(user, code, actor);
      outcome = codes ? 'ok' : 'wrong';
      recoveryCodes = codes ?? undefined;
    } else {
      outcome = await this.mfa.useCode(user.id, code);
    }
    if (outcome !== 'ok') {
      await this.challenges.countFailure(challenge.id);
      await this.audit.record(actor, {
        action: 'auth.mfa-failed',
        targetType: 'user',
        targetId: user.id,
        details: { channel, reason: outcome, method: /^\d{6}$/.test(code.trim()) ? 'totp' : 'recovery_code' },
      });
      throw outcome === 'replayed' ? new MfaCodeReplayedException() : new MfaCodeInvalidException();
    }
    return {
      principal: await this.finishSecondStep(challenge, user, address, channel, 'totp'),
      recoveryCodes,
    };
  }

  /** WebAuthn options for the second step of a sign-in with a passkey. */
  async passkeyOptions(challengeToken: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const { challenge } = await this.challengeOwner(challengeToken, ['verify']);
    return this.webauthn.authenticationOptions(challenge);
  }

  /** The second step with a passkey; throttled and audited like a code. */
  async completeSignInWithPasskey(
    challengeToken: string,
    response: AuthenticationResponseJSON,
    address: string,
    channel: 'api' | 'web',
  ): Promise<UserPrincipal> {
    const { challenge, user } = await this.challengeOwner(challengeToken, ['verify']);
    await this.reserveAttempt(user.email, address, this.clock.now());
    if (!(await this.webauthn.verifyAssertion(challenge, response))) {
      await this.challenges.countFailure(challenge.id);
      await this.audit.record(
        { id: user.id, label: user.email, address },
        {
          action: 'auth.mfa-failed',
          targetType: 'user',
          targetId: user.id,
          details: { channel, reason: 'wrong', method: 'webauthn' },
        },
      );
      throw new PasskeyRejectedException('the assertion did not verify');
    }
    return this.finishSecondStep(challenge, user, address, channel, 'webauthn');
  }

  /** Spends the ticket, gives back the password's and this step's throttle reservations, and signs in. */
  async finishSecondStep(
    challenge: MfaChallenge,
    user: User,
    address: string,
    channel: 'api' | 'web',
    method: SecondFactorMethod,
  ): Promise<UserPrincipal> {
    if (!(await this.challenges.consume(challenge.id))) throw new MfaChallengeInvalidException();
    await this.counters.release(user.email, address, this.config.signInThrottle, false, 2);
    return this.signedIn(user, address, { channel, mfa: method });
  }

  private async signInWithUnlockLink(
    email: string,
    password: string,
    address: string,
    channel: 'api' | 'web',
    token: string,
    now: Date,
  ): Promise<SignInOutcome> {
    const owner = await this.users.findForSignIn(email);
    if (!owner?.active || !(await this.unlockTokens.consume(owner.id, hashSecretToken(token), now))) {
      throw new InvalidUnlockLinkException();
    }
    const user = await this.checkPassword(owner, email, password, address, channel);
    await this.counters.release(email, address, this.config.signInThrottle, true);
    // The link proves the mailbox, not the second factor: that is still asked for.
    return this.afterPassword(user, address, channel, { channel, unlockLink: true }, true);
  }

  /** `user` is the account found for `email`, or null; a failure is audited without the password. */
  private async checkPassword(
    user: User | null,
    email: string,
    password: string,
    address: string,
    channel: string,
  ): Promise<User> {
    const ok = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) {
      const reason = user ? (user.active ? 'bad-password' : 'inactive') : 'unknown-account';
      await this.audit.record(
        { id: null, label: email, address },
        { action: 'auth.sign-in-failed', targetType: 'user', details: { channel, reason } },
      );
      throw new InvalidCredentialsException();
    }
    return user;
  }

  private async signedIn(user: User, address: string, details: Record<string, unknown>) {
    await this.users.recordSignIn(user.id, this.clock.now());
    await this.audit.record(
      { id: user.id, label: user.email, address },
      { action: 'auth.signed-in', targetType: 'user', targetId: user.id, details },
    );
    return toUserPrincipal(user);
  }

  /**
   * Refused attempts are counted, not logged one by one; when a counter's window is over, its
   * count becomes one audit entry, so a flood of guesses costs one row per window.
   */
  private async auditClosedThrottleWindows(now: Date): Promise<void> {
    await this.counters.sweepClosed(now, this.config.signInThrottle.windowSeconds, async (closed, m) => {
      for (const w of closed) {
        await this.audit.record(
          { id: null, label: w.email || w.address, address: w.address || null },
          {
            action: 'auth.sign-in-throttled',
            targetType: 'user',
            details: {
              scope: w.scope,
              refused: w.refused,
              windowStart: w.windowStart.toISOString(),
              lastRefusedAt: w.lastRefusedAt?.toISOString() ?? null,
            },
          },
          m,
        );
      }
    });
  }

  /**
   * A one-time unlock link for the owner of a locked or throttled account, or null (unknown,
   * inactive or unthrottled account, or a link sent moments ago). Only its hash is stored; the
   * caller must send the token to `email` and show it to nobody.
   */
  async issueUnlockLink(emailInput: string, address: string): Promise<IssuedUnlockLink | null> {
    const email = normaliseEmail(emailInput);
    const now = this.clock.now();
    const user = await this.users.findForSignIn(email);
    if (!user?.active || !(await this.counters.isAccountThrottled(email, now))) return null;
    const token = newSecretToken();
    const expiresAt = new Date(now.getTime() + this.config.signInThrottle.unlockLinkTtlSeconds * 1000);
    const stored = await this.unlockTokens.createUnlessRecent(
      user.id,
      hashSecretToken(token),
      now,
      expiresAt,
      UNLOCK_LINK_MIN_GAP_SECONDS,
    );
    if (!stored) return null;
    await this.audit.record(
      { id: null, label: email, address },
      { action: 'auth.unlock-link-issued', targetType: 'user', targetId: user.id },
    );
    return { email: user.email, token, expiresAt };
  }

  issueAccessToken(principal: UserPrincipal): { accessToken: string; expiresIn: number } {
    const payload: AccessTokenPayload = {
      sub: principal.id,
      role: principal.role,
      mun: principal.municipalityCode,
      ver: principal.credentialsVersion ?? 0,
    };
    return { accessToken: this.jwt.sign(payload), expiresIn: this.config.jwt.ttlSeconds };
  }

  /**
   * Resolves a JWT's subject to the current user; deactivated users lose access at once, and so
   * does a token issued before a role change or before the user's last password change (its
   * holder signs in again).
   */
  async principalForToken(payload: AccessTokenPayload): Promise<UserPrincipal | null> {
    const user = await this.users.findActiveById(payload.sub);
    return user && user.role === payload.role && (payload.ver ?? 0) === user.credentialsVersion
      ? toUserPrincipal(user)
      : null;
  }

  /** Ends every web session of the user (a password change or reset), inside the caller's transaction. */
  endAllWebSessions(userId: string, manager: EntityManager): Promise<number> {
    return this.sessions.revokeAllOf(userId, manager);
  }

  /**
   * A new session with a new random id, always: a sign-in never reuses an id the browser had
   * before (no fixation). `previousToken`, a session cookie the browser still sent, is ended.
   */
  async startWebSession(
    principal: UserPrincipal,
    meta: SessionMeta = {},
    previousToken?: string,
  ): Promise<{ token: string; maxAgeMs: number }> {
    if (previousToken) await this.sessions.revoke(hashSecretToken(previousToken));
    const token = newSecretToken();
    const ttl = this.config.session.ttlSeconds;
    await this.sessions.create({
      userId: principal.id,
      tokenHash: hashSecretToken(token),
      expiresAt: new Date(this.clock.now().getTime() + ttl * 1000),
      role: principal.role,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      address: meta.address ?? null,
    });
    return { token, maxAgeMs: ttl * 1000 };
  }

  /** The user of a live session: not revoked, within its absolute lifetime and idle limit, same role. */
  async principalForSession(token: string): Promise<UserPrincipal | null> {
    const user = await this.sessions.touch(hashSecretToken(token), this.config.session.idleSeconds);
    return user ? toUserPrincipal(user) : null;
  }

  /** The user's live web sessions; `currentToken` (the caller's own cookie, if any) is marked. */
  listSessions(userId: string, currentToken?: string): Promise<SessionRow[]> {
    return this.sessions.listLive(
      userId,
      this.config.session.idleSeconds,
      currentToken ? hashSecretToken(currentToken) : undefined,
    );
  }

  /** Ends one of the user's own sessions (404 SESSION_NOT_FOUND when it is not theirs or over). */
  async revokeSession(userId: string, sessionId: string, actor: Actor): Promise<void> {
    if (!(await this.sessions.revokeOwn(userId, sessionId))) throw new SessionNotFoundException();
    await this.audit.record(actor, {
      action: 'auth.session-revoked',
      targetType: 'user',
      targetId: userId,
      details: { sessionId },
    });
  }

  /** "Log out everywhere else": every web session of the user but `currentToken`'s. */
  async revokeOtherSessions(userId: string, actor: Actor, currentToken?: string): Promise<number> {
    const revoked = await this.sessions.revokeAllBut(
      userId,
      currentToken ? hashSecretToken(currentToken) : undefined,
    );
    await this.audit.record(actor, {
      action: 'auth.other-sessions-revoked',
      targetType: 'user',
      targetId: userId,
      details: { revoked },
    });
    return revoked;
  }

  async endWebSession(token: string, address: string): Promise<void> {
    const userId = await this.sessions.revoke(hashSecretToken(token));
    if (userId) {
      const user = await this.users.findById(userId);
      await this.audit.record(
        { id: userId, label: user?.email ?? userId, address },
        { action: 'auth.signed-out', targetType: 'user', targetId: userId },
      );
    }
  }
}
