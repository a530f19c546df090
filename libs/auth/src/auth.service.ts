import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AuditService } from '@app/audit';
import { AppConfigService } from '@app/config';
import { PasswordHasher, User, UsersRepository } from '@app/users';
import { InvalidCredentialsException, TooManySignInAttemptsException } from './auth.exceptions';
import type { UserPrincipal } from './principal';
import { hashSecretToken, newSecretToken } from './secret-tokens';
import { SignInFailuresRepository } from './sign-in-failures.repository';
import { WebSessionsRepository } from './web-sessions.repository';

export interface AccessTokenPayload {
  sub: string;
  role: string;
  mun: number | null;
}

export function toUserPrincipal(user: User): UserPrincipal {
  return {
    kind: 'user',
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipalityCode: user.municipalityCode,
  };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly failures: SignInFailuresRepository,
    private readonly sessions: WebSessionsRepository,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
  ) {}

  /**
   * Checks email and password. Failures are counted in the database per account and per address,
   * so throttling holds across API instances; past the limit the answer is 429 before any
   * password is checked.
   */
  async signIn(
    emailInput: string,
    password: string,
    address: string,
    channel: 'api' | 'web',
  ): Promise<UserPrincipal> {
    const email = emailInput.trim().toLowerCase();
    const limits = this.config.signInThrottle;
    const recent = await this.failures.countRecent(email, address, limits.windowSeconds);
    const retryAfter = Math.max(1, recent.retryAfter ?? limits.windowSeconds);
    if (recent.byAccount >= limits.maxPerAccount) {
      await this.recordFailure(email, address, channel, 'throttled-account', false);
      throw new TooManySignInAttemptsException('account', retryAfter);
    }
    if (recent.byAddress >= limits.maxPerAddress) {
      await this.recordFailure(email, address, channel, 'throttled-address', false);
      throw new TooManySignInAttemptsException('address', retryAfter);
    }

    const user = await this.users.findForSignIn(email);
    const ok = await this.hasher.verify(user?.active ? user.passwordHash : null, password);
    if (!user || !ok) {
      await this.recordFailure(
        email,
        address,
        channel,
        user ? (user.active ? 'bad-password' : 'inactive') : 'unknown-account',
        true,
      );
      throw new InvalidCredentialsException();
    }
    await this.failures.clearAccount(email);
    await this.audit.record(
      { id: user.id, label: user.email, address },
      { action: 'auth.signed-in', targetType: 'user', targetId: user.id, details: { channel } },
    );
    return toUserPrincipal(user);
  }

  private async recordFailure(
    email: string,
    address: string,
    channel: string,
    reason: string,
    count: boolean,
  ) {
    if (count) await this.failures.record(email, address);
    await this.audit.record(
      { id: null, label: email, address },
      { action: 'auth.sign-in-failed', targetType: 'user', details: { channel, reason } },
    );
  }

  issueAccessToken(principal: UserPrincipal): { accessToken: string; expiresIn: number } {
    const payload: AccessTokenPayload = {
      sub: principal.id,
      role: principal.role,
      mun: principal.municipalityCode,
    };
    return { accessToken: this.jwt.sign(payload), expiresIn: this.config.jwt.ttlSeconds };
  }

  /** Resolves a JWT's subject to the current user; deactivated users lose access at once. */
  async principalForToken(payload: AccessTokenPayload): Promise<UserPrincipal | null> {
    const user = await this.users.findActiveById(payload.sub);
    return user ? toUserPrincipal(user) : null;
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
