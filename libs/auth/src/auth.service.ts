import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { AppConfigService, Clock } from '@app/config';
import { PasswordHasher, User, UsersRepository } from '@app/users';
import {
  InvalidCredentialsException,
  InvalidUnlockLinkException,
  TooManySignInAttemptsException,
} from './auth.exceptions';
import type { UserPrincipal } from './principal';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SignInCountersRepository } from './sign-in-counters.repository';
import { reserveAttempt } from './sign-in-throttle';
import { SignInUnlockTokensRepository } from './sign-in-unlock-tokens.repository';
import { WebSessionsRepository } from './web-sessions.repository';

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
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
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
  ): Promise<UserPrincipal> {
    const email = normaliseEmail(emailInput);
    const limits = this.config.signInThrottle;
    const now = this.clock.now();
    await this.auditClosedThrottleWindows(now);
    if (unlockToken !== undefined) {
      return this.signInWithUnlockLink(email, password, address, channel, unlockToken, now);
    }

    const reservation = await this.counters.withLockedCounters(email, address, now, async (counters, m) => {
      const outcome = reserveAttempt(counters, limits, now);
      if (outcome.allowed) await this.counters.writeCounts(m, email, address, outcome.next);
      else await this.counters.countRefusal(m, outcome.scope, email, address, now);
      return outcome;
    });
    if (!reservation.allowed) {
      throw new TooManySignInAttemptsException(reservation.scope, reservation.retryAfterSeconds);
    }
    const user = await this.checkPassword(
      await this.users.findForSignIn(email),
      email,
      password,
      address,
      channel,
    );
    await this.counters.release(email, address, limits, false);
    return this.signedIn(user, address, { channel });
  }

  private async signInWithUnlockLink(
    email: string,
    password: string,
    address: string,
    channel: 'api' | 'web',
    token: string,
    now: Date,
  ): Promise<UserPrincipal> {
    const owner = await this.users.findForSignIn(email);
    if (!owner?.active || !(await this.unlockTokens.consume(owner.id, hashSecretToken(token), now))) {
      throw new InvalidUnlockLinkException();
    }
    const user = await this.checkPassword(owner, email, password, address, channel);
    await this.counters.release(email, address, this.config.signInThrottle, true);
    return this.signedIn(user, address, { channel, unlockLink: true });
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
   * does every token issued before the user's last password change.
   */
  async principalForToken(payload: AccessTokenPayload): Promise<UserPrincipal | null> {
    const user = await this.users.findActiveById(payload.sub);
    return user && (payload.ver ?? 0) === user.credentialsVersion ? toUserPrincipal(user) : null;
  }

  /** Ends every web session of the user (a password change or reset), inside the caller's transaction. */
  endAllWebSessions(userId: string, manager: EntityManager): Promise<number> {
    return this.sessions.revokeAllOf(userId, manager);
  }

  async startWebSession(principal: UserPrincipal): Promise<{ token: string; maxAgeMs: number }> {
    const token = newSecretToken();
    const ttl = this.config.session.ttlSeconds;
    await this.sessions.create(principal.id, hashSecretToken(token), new Date(Date.now() + ttl * 1000));
    return { token, maxAgeMs: ttl * 1000 };
  }

  async principalForSession(token: string): Promise<UserPrincipal | null> {
    const user = await this.sessions.findUserByTokenHash(hashSecretToken(token));
    return user ? toUserPrincipal(user) : null;
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
