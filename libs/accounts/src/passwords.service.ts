import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { AuthService, hashSecretToken, newSecretToken, UserPrincipal } from '@app/auth';
import { Clock } from '@app/config';
import { PasswordHasher, passwordProblem, User, UsersRepository } from '@app/users';
import { AccountMailer } from './account-mailer';
import {
  CurrentPasswordWrongException,
  PasswordLinkInvalidException,
  PasswordTooWeakException,
} from './accounts.exceptions';
import type { PasswordToken, PasswordTokenPurpose } from './password-token.entity';
import { PasswordTokensRepository } from './password-tokens.repository';

/** A reset link lives 1 hour (issue 13); an invitation 72 hours (see InvitationsService). */
export const RESET_LINK_TTL_SECONDS = 3600;
/** How long after one reset link another may be sent to the same account. */
const RESET_LINK_MIN_GAP_SECONDS = 120;
/** Reset requests one client address may make per window before further ones are ignored. */
export const RESET_REQUESTS_PER_ADDRESS = 10;
const RESET_REQUEST_WINDOW_SECONDS = 900;

function linkProblem(token: PasswordToken | null, now: Date) {
  if (!token || token.revokedAt) return 'unknown' as const;
  if (token.usedAt) return 'used' as const;
  if (token.expiresAt <= now) return 'expired' as const;
  return null;
}

/** What the set-password page shows for a valid link. */
export interface PasswordLinkInfo {
  email: string;
  purpose: PasswordTokenPurpose;
}

/**
 * Setting a password through a one-time link (invitation or reset), changing it with the current
 * one, and asking for a reset link. Every change raises the user's credentials version and ends
 * all the user's web sessions in the same transaction, so no session or token outlives it.
 */
@Injectable()
export class PasswordsService {
  private readonly logger = new Logger(PasswordsService.name);

  constructor(
    private readonly tokens: PasswordTokensRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly mailer: AccountMailer,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The account a link is for, or PASSWORD_LINK_INVALID naming why; the link is not used. */
  async checkLink(token: string): Promise<PasswordLinkInfo> {
    const row = await this.tokens.findByHash(hashSecretToken(token));
    const problem = linkProblem(row, this.clock.now());
    const user = row && !problem ? await this.users.findActiveById(row.userId) : null;
    if (!row || !user) throw new PasswordLinkInvalidException(problem ?? 'unknown');
    return { email: user.email, purpose: row.purpose };
  }

  /**
   * Sets the password of the link's user and uses the link up. A refused password leaves the link
   * as it was, so the user can try another.
   */
  async setWithLink(token: string, password: string, address: string): Promise<PasswordLinkInfo> {
    const { email } = await this.checkLink(token);
    const problem = passwordProblem(password, email);
    if (problem) throw new PasswordTooWeakException('password', problem);
    const passwordHash = await this.hasher.hash(password);
    return this.dataSource.transaction(async (m) => {
      const now = this.clock.now();
      const row = await this.tokens.findByHashForUpdate(hashSecretToken(token), m);
      const stillBad = linkProblem(row, now);
      const user = row && !stillBad ? await this.users.findForPasswordChange(row.userId, m) : null;
      if (!row || !user?.active) throw new PasswordLinkInvalidException(stillBad ?? 'unknown');
      await this.users.setPassword(user.id, passwordHash, m);
      await this.tokens.markUsed(row.id, now, m);
      await this.tokens.revokeOpen(user.id, ['invitation', 'reset'], now, m);
      const sessionsEnded = await this.auth.endAllWebSessions(user.id, m);
      await this.audit.record(
        { id: user.id, label: user.email, address },
        {
          action: row.purpose === 'invitation' ? 'auth.invitation-accepted' : 'auth.password-reset',
          targetType: 'user',
          targetId: user.id,
          details: { sessionsEnded },
        },
        m,
      );
      return { email: user.email, purpose: row.purpose };
    });
  }

  /**
   * Changes the signed-in user's password; the caller starts a new session for this browser. The
   * current password is checked on the sign-in throttle, so wrong guesses end in 429.
   */
  async change(principal: UserPrincipal, current: string, next: string, address: string): Promise<void> {
    const problem = passwordProblem(next, principal.email);
    const stored = await this.dataSource.transaction((m) =>
      this.users.findForPasswordChange(principal.id, m),
    );
    const verified = await this.auth.guardOwnPassword(principal.email, address, () =>
      this.hasher.verify(stored?.active ? stored.passwordHash : null, current),
    );
    if (!verified) {
      await this.audit.record(
        { id: principal.id, label: principal.email, address },
        { action: 'auth.password-change-failed', targetType: 'user', targetId: principal.id },
      );
      throw new CurrentPasswordWrongException();
    }
    if (problem) throw new PasswordTooWeakException('newPassword', problem);
    const passwordHash = await this.hasher.hash(next);
    await this.dataSource.transaction(async (m) => {
      await this.users.setPassword(principal.id, passwordHash, m);
      await this.tokens.revokeOpen(principal.id, ['reset'], this.clock.now(), m);
      const sessionsEnded = await this.auth.endAllWebSessions(principal.id, m);
      await this.audit.record(
        { id: principal.id, label: principal.email, address },
        {
          action: 'auth.password-changed',
          targetType: 'user',
          targetId: principal.id,
          details: { sessionsEnded },
        },
        m,
      );
    });
  }

  /**
   * E-mails a reset link to the owner of an active account. The caller answers the same whatever
   * happens here, and the mail goes out after the answer, so neither the answer nor its timing
   * tells whether the address has an account. Without SMTP no link is made: it could reach
   * nobody but the person asking.
   */
  requestReset(emailInput: string, address: string): void {
    void this.issueReset(emailInput, address).catch((e: unknown) =>
      this.logger.warn(`Reset link not issued: ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  private async issueReset(emailInput: string, address: string): Promise<void> {
    if (!this.mailer.enabled) return;
    const now = this.clock.now();
    const earlier = await this.tokens.recordResetRequest(address, now, RESET_REQUEST_WINDOW_SECONDS);
    if (earlier >= RESET_REQUESTS_PER_ADDRESS) {
      this.logger.warn(
        `Reset request from ${address} ignored: ${earlier} within ${RESET_REQUEST_WINDOW_SECONDS} s`,
      );
      return;
    }
    const email = emailInput.trim().toLowerCase();
    const user: User | null = await this.users.findForSignIn(email);
    if (!user?.active) return;
    const token = newSecretToken();
    const stored = await this.tokens.issueUnlessRecent(
      {
        userId: user.id,
        purpose: 'reset',
        tokenHash: hashSecretToken(token),
        createdBy: null,
        now,
        expiresAt: new Date(now.getTime() + RESET_LINK_TTL_SECONDS * 1000),
      },
      RESET_LINK_MIN_GAP_SECONDS,
    );
    if (!stored) return;
    await this.audit.record(
      { id: null, label: email, address },
      { action: 'auth.password-reset-requested', targetType: 'user', targetId: user.id },
    );
    await this.mailer.sendReset(user.email, token);
  }
}
