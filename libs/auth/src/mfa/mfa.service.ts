import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { toString as qrToString } from 'qrcode';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { AppConfigService, Clock } from '@app/config';
import { PasswordHasher, User, UsersRepository } from '@app/users';
import { MfaReauthFailedException, MfaStateConflictException } from './mfa.exceptions';
import { MfaPolicy } from './mfa-policy';
import { MfaRecoveryCode } from './mfa-recovery-code.entity';
import { MfaTotp } from './mfa-totp.entity';
import { SignInThrottleService } from '../sign-in-throttle.service';
import { SecretBox } from './secret-box';
import { checkTotp, hashRecoveryCode, newRecoveryCodes, newTotpSecret, totpUri } from './totp';
import { WebauthnCredential } from './webauthn-credential.entity';

export interface MfaStatus {
  /** A confirmed authenticator app. */
  totp: boolean;
  /** An enrolment started and not yet confirmed. */
  totpPending: boolean;
  recoveryCodesLeft: number;
  passkeys: Array<{ id: string; name: string; createdAt: Date; lastUsedAt: Date | null }>;
  /** This user must sign in with a second factor (configuration or the municipality's rule). */
  required: boolean;
}

export interface TotpEnrolment {
  /** For typing into an app by hand. */
  secret: string;
  otpauthUri: string;
  /** The URI as a QR code, an SVG document. */
  qrSvg: string;
}

/** What the user offers to confirm a change to their own factors. */
export interface Reauth {
  password?: string;
  code?: string;
}

export type CodeCheck = 'ok' | 'wrong' | 'replayed';

/** A user's sign-in factors in short: a confirmed authenticator app, and how many passkeys. */
export interface MfaFactors {
  app: boolean;
  passkeys: number;
}

/** The second factors of one user: TOTP, recovery codes and passkeys (their registration is in webauthn.service). */
@Injectable()
export class MfaService {
  private readonly box: SecretBox;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly policy: MfaPolicy,
    private readonly clock: Clock,
    private readonly throttle: SignInThrottleService,
    config: AppConfigService,
  ) {
    this.box = new SecretBox(config.jwt.secret);
  }

  /** Whether the user has a factor they can sign in with. */
  async enrolled(userId: string): Promise<boolean> {
    const [row]: Array<{ enrolled: boolean }> = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM mfa_totp WHERE user_id = $1 AND confirmed_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM webauthn_credentials WHERE user_id = $1) AS enrolled`,
      [userId],
    );
    return row.enrolled;
  }

  /**
   * The sign-in factors of many users in one query (the user list's MFA column): whether each has a
   * confirmed app and how many passkeys. Users with neither are absent from the map.
   */
  async factorsOf(userIds: readonly string[]): Promise<Map<string, MfaFactors>> {
    if (userIds.length === 0) return new Map();
    const rows: Array<{ user_id: string; app: boolean; passkeys: number }> = await this.dataSource.query(
      `SELECT u.id AS user_id,
              EXISTS (SELECT 1 FROM mfa_totp t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS app,
              (SELECT count(*)::int FROM webauthn_credentials w WHERE w.user_id = u.id) AS passkeys
       FROM unnest($1::uuid[]) AS u(id)`,
      [userIds],
    );
    return new Map(
      rows
        .filter((r) => r.app || r.passkeys > 0)
        .map((r) => [r.user_id, { app: r.app, passkeys: r.passkeys }]),
    );
  }

  async status(user: Pick<User, 'id' | 'role' | 'municipalityCode'>): Promise<MfaStatus> {
    const [totp, recoveryCodesLeft, passkeys, required] = await Promise.all([
      this.dataSource.getRepository(MfaTotp).findOne({ where: { userId: user.id } }),
      this.dataSource.getRepository(MfaRecoveryCode).count({ where: { userId: user.id, usedAt: IsNull() } }),
      this.dataSource.getRepository(WebauthnCredential).find({
        where: { userId: user.id },
        order: { createdAt: 'ASC' },
      }),
      this.policy.requiredFor(user),
    ]);
    return {
      totp: !!totp?.confirmedAt,
      totpPending: !!totp && !totp.confirmedAt,
      recoveryCodesLeft,
      passkeys: passkeys.map(({ id, name, createdAt, lastUsedAt }) => ({ id, name, createdAt, lastUsedAt })),
      required,
    };
  }

  /**
   * Starts (or restarts) enrolling an authenticator app: a new secret, kept unconfirmed until a
   * code from the app proves it was set up. Refused while a confirmed one exists.
   */
  async startTotp(user: Pick<User, 'id' | 'email'>, actor: Actor): Promise<TotpEnrolment> {
    const repo = this.dataSource.getRepository(MfaTotp);
    const existing = await repo.findOne({ where: { userId: user.id } });
    if (existing?.confirmedAt) {
      throw new MfaStateConflictException('An authenticator app is already set up; remove it first');
    }
    const secret = newTotpSecret();
    await repo.upsert(
      { userId: user.id, secretSealed: this.box.seal(secret), confirmedAt: null, lastUsedStep: null },
      ['userId'],
    );
    await this.audit.record(actor, {
      action: 'mfa.totp-enrolment-started',
      targetType: 'user',
      targetId: user.id,
    });
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrSvg: await qrToString(otpauthUri, { type: 'svg', margin: 2 }) };
  }

  /** The pending enrolment's QR code again (e.g. the page is reloaded), or null when there is none. */
  async pendingTotp(user: Pick<User, 'id' | 'email'>): Promise<TotpEnrolment | null> {
    const row = await this.dataSource.getRepository(MfaTotp).findOne({ where: { userId: user.id } });
    if (!row || row.confirmedAt) return null;
    const secret = this.box.open(row.secretSealed);
    const otpauthUri = totpUri(secret, user.email);
    return { secret, otpauthUri, qrSvg: await qrToString(otpauthUri, { type: 'svg', margin: 2 }) };
  }

  /**
   * Confirms the pending enrolment with a code from the app, and issues ten new recovery codes,
   * returned this once. Returns null when the code is wrong (the caller counts the failure).
   */
  async confirmTotp(user: Pick<User, 'id'>, code: string, actor: Actor): Promise<string[] | null> {
    return this.dataSource.transaction(async (m) => {
      const row = await m
        .getRepository(MfaTotp)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.user_id = :id', { id: user.id })
        .getOne();
      if (!row || row.confirmedAt) {
        throw new MfaStateConflictException('No authenticator app enrolment is pending; start one first');
      }
      const checked = await checkTotp(this.box.open(row.secretSealed), code.trim(), this.clock.now(), null);
      if (!checked || !('step' in checked)) return null;
      await m.update(
        MfaTotp,
        { userId: user.id },
        { confirmedAt: this.clock.now(), lastUsedStep: String(checked.step) },
      );
      const codes = await this.replaceRecoveryCodes(m, user.id);
      await this.audit.record(
        actor,
        { action: 'mfa.totp-enrolled', targetType: 'user', targetId: user.id },
        m,
      );
      return codes;
    });
  }

  /**
   * Checks a TOTP code or a recovery code and uses it up: a TOTP time step is stored so the same
   * code (or an older one) is refused next time, a recovery code is marked used. Both are
   * conditional updates, so two requests racing with one code cannot both pass.
   */
  async useCode(userId: string, input: string): Promise<CodeCheck> {
    const code = input.trim().replace(/\s/g, '');
    if (/^\d{6}$/.test(code)) {
      const row = await this.dataSource.getRepository(MfaTotp).findOne({ where: { userId } });
      if (!row?.confirmedAt) return 'wrong';
      const last = row.lastUsedStep === null ? null : Number(row.lastUsedStep);
      const checked = await checkTotp(this.box.open(row.secretSealed), code, this.clock.now(), last);
      if (!checked) return 'wrong';
      if (!('step' in checked)) return 'replayed';
      const [, affected]: [unknown, number] = await this.dataSource.query(
        `UPDATE mfa_totp SET last_used_step = $2
          WHERE user_id = $1 AND (last_used_step IS NULL OR last_used_step < $2)`,
        [userId, checked.step],
      );
      return affected === 1 ? 'ok' : 'replayed';
    }
    const [, affected]: [unknown, number] = await this.dataSource.query(
      `UPDATE mfa_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL`,
      [userId, hashRecoveryCode(userId, code)],
    );
    return affected === 1 ? 'ok' : 'wrong';
  }

  /** Removes the authenticator app; with no passkey left, the recovery codes go too. */
  async removeTotp(
    user: Pick<User, 'id' | 'email' | 'role' | 'municipalityCode'>,
    proof: Reauth,
    actor: Actor,
  ) {
    await this.assertReauth(user, proof, actor.address);
    const status = await this.status(user);
    if (!status.totp && !status.totpPending)
      throw new MfaStateConflictException('No authenticator app is set up');
    if (status.required && status.totp && status.passkeys.length === 0) {
      throw new MfaStateConflictException(
        'Your account must use a second factor; add a passkey before removing the authenticator app',
      );
    }
    await this.dataSource.transaction(async (m) => {
      await m.delete(MfaTotp, { userId: user.id });
      if (status.passkeys.length === 0) await m.delete(MfaRecoveryCode, { userId: user.id });
      await this.audit.record(
        actor,
        { action: 'mfa.totp-removed', targetType: 'user', targetId: user.id },
        m,
      );
    });
  }

  /** Ten new recovery codes (the old ones stop working), returned this once. */
  async regenerateRecoveryCodes(
    user: Pick<User, 'id' | 'email'>,
    proof: Reauth,
    actor: Actor,
  ): Promise<string[]> {
    await this.assertReauth(user, proof, actor.address);
    if (!(await this.enrolled(user.id))) {
      throw new MfaStateConflictException('Recovery codes need a second factor; set one up first');
    }
    return this.dataSource.transaction(async (m) => {
      const codes = await this.replaceRecoveryCodes(m, user.id);
      await this.audit.record(
        actor,
        { action: 'mfa.recovery-codes-regenerated', targetType: 'user', targetId: user.id },
        m,
      );
      return codes;
    });
  }

  /**
   * An administrator's reset for a user who lost every factor: all of them go, and so do the
   * user's sessions. If MFA is required, the next sign-in enrols anew. False for an unknown user.
   */
  async resetForUser(userId: string, actor: Actor): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      const [user] = await m.query('SELECT id FROM users WHERE id = $1 FOR UPDATE', [userId]);
      if (!user) return false;
      await m.delete(MfaTotp, { userId });
      await m.delete(MfaRecoveryCode, { userId });
      await m.delete(WebauthnCredential, { userId });
      await m.query('UPDATE web_sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [
        userId,
      ]);
      await this.audit.record(actor, { action: 'mfa.reset', targetType: 'user', targetId: userId }, m);
      return true;
    });
  }

  /** A passkey-less, app-less account keeps no recovery codes (see removeTotp). */
  async afterPasskeyRemoved(m: EntityManager, userId: string): Promise<void> {
    const totp = await m.getRepository(MfaTotp).findOne({ where: { userId } });
    const left = await m.getRepository(WebauthnCredential).count({ where: { userId } });
    if (!totp?.confirmedAt && left === 0) await m.delete(MfaRecoveryCode, { userId });
  }

  async ensureRecoveryCodes(m: EntityManager, userId: string): Promise<string[] | null> {
    const left = await m.getRepository(MfaRecoveryCode).count({ where: { userId, usedAt: IsNull() } });
    return left > 0 ? null : this.replaceRecoveryCodes(m, userId);
  }

  /**
   * A change to one's factors needs the password or a current code, not just a session someone
   * may have left open. Either is checked on the sign-in throttle's counters, like a sign-in.
   */
  async assertReauth(
    user: Pick<User, 'id' | 'email'>,
    proof: Reauth,
    address?: string | null,
  ): Promise<void> {
    const check = async () => {
      if (proof.password) {
        const owner = await this.users.findForSignIn(user.email);
        return this.hasher.verify(owner?.active ? owner.passwordHash : null, proof.password);
      }
      return !!proof.code && (await this.useCode(user.id, proof.code)) === 'ok';
    };
    if (!proof.password && !proof.code) throw new MfaReauthFailedException();
    if (await this.throttle.guard(user.email, address ?? '', this.clock.now(), check)) return;
    throw new MfaReauthFailedException();
  }

  private async replaceRecoveryCodes(m: EntityManager, userId: string): Promise<string[]> {
    const codes = newRecoveryCodes();
    await m.delete(MfaRecoveryCode, { userId });
    await m.insert(
      MfaRecoveryCode,
      codes.map((c) => ({ userId, codeHash: hashRecoveryCode(userId, c) })),
    );
    return codes;
  }
}
