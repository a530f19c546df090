import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { actorOf, hashSecretToken, newSecretToken, UserPrincipal } from '@app/auth';
import { Clock } from '@app/config';
import { DomainError, ErrorCode } from '@app/http';
import { parseMunicipalityCode } from '@app/municipalities';
import { Role, ROLE_LABELS_DA, ROLES, User, UsersRepository } from '@app/users';
import { AccountMailer } from './account-mailer';
import {
  InvitationAcceptedException,
  InvitationNotFoundException,
  InvitationRoleNotAllowedException,
  isUniqueViolation,
  MunicipalityNotAllowedException,
  MunicipalityRequiredException,
  MunicipalityUnknownException,
  PlatformAdminExistsException,
  UserEmailTakenException,
} from './accounts.exceptions';
import { INVITATION_CSV_MAX_ROWS, parseInvitationCsv } from './invitation-csv';
import { PasswordTokensRepository, PendingInvitationRow } from './password-tokens.repository';

/** An invitation link lives 72 hours (issue 13). */
export const INVITATION_TTL_SECONDS = 72 * 3600;

/** Who may invite whom: the admin anyone, KL municipal officers only. */
const MAY_INVITE: Partial<Record<Role, readonly Role[]>> = {
  platform_admin: ROLES,
  kl_analyst: ['municipality_officer'],
};

export interface InvitationInput {
  email: string;
  role: Role;
  municipalityCode?: number | null;
  displayName?: string | null;
}

export type InvitationStatus = 'pending' | 'expired' | 'revoked';

export interface InvitationView {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCode: number | null;
  status: InvitationStatus;
  invitedAt: Date;
  expiresAt: Date | null;
}

/** What an invitation or a resend gives back: the link itself only when it could not be e-mailed. */
export interface IssuedInvitation {
  invitation: InvitationView;
  emailed: boolean;
  link: string | null;
}

export interface ImportRowProblem {
  field: 'municipalityCode' | 'email' | 'name';
  code: ErrorCode;
  message: string;
}

export interface ImportRowResult {
  line: number;
  municipalityCode: string;
  email: string;
  name: string;
  problems: ImportRowProblem[];
}

export interface ImportResult {
  dryRun: boolean;
  rows: ImportRowResult[];
  /** Rows without problems (what a real import invites when there are no problems at all). */
  valid: number;
  invalid: number;
  /** Filled by a real import only. */
  invited: IssuedInvitation[];
}

const row = (r: ImportRowResult, field: ImportRowProblem['field'], code: ErrorCode, message: string) =>
  r.problems.push({ field, code, message });

/**
 * Invitations: an invited user is a user without a password and a one-time link (72 h, only its
 * hash stored) that sets it. Resending makes a new link and voids the old; revoking voids the link
 * and deactivates the account. All of it is audited, and each invitation or import is written in
 * one transaction: nothing is half-created.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: PasswordTokensRepository,
    private readonly audit: AuditService,
    private readonly mailer: AccountMailer,
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** The roles `principal` may invite, for forms and lists. */
  invitableRoles(principal: UserPrincipal): readonly Role[] {
    return MAY_INVITE[principal.role] ?? [];
  }

  async invite(principal: UserPrincipal, input: InvitationInput, address: string): Promise<IssuedInvitation> {
    this.assertMayInvite(principal, input.role);
    const isOfficer = input.role === 'municipality_officer';
    if (isOfficer && input.municipalityCode == null) throw new MunicipalityRequiredException();
    if (!isOfficer && input.municipalityCode != null) throw new MunicipalityNotAllowedException();
    const email = input.email.trim().toLowerCase();
    const [issued] = await this.inTransaction(async (m) => {
      if (isOfficer && !(await this.municipalityCodes(m)).has(input.municipalityCode!)) {
        throw new MunicipalityUnknownException(input.municipalityCode!);
      }
      if (await m.getRepository(User).exists({ where: { email } })) throw new UserEmailTakenException(email);
      return [await this.create(actorOf(principal, address), principal.id, { ...input, email }, m)];
    });
    return this.deliver(issued);
  }

  /**
   * Checks every row (municipality, e-mail, name; duplicates in the file and existing accounts)
   * and, unless `dryRun`, invites all rows as municipal officers in one transaction, or none when
   * any row has a problem (422 with the rows).
   */
  async importCsv(
    principal: UserPrincipal,
    csv: string,
    dryRun: boolean,
    address: string,
  ): Promise<ImportResult> {
    this.assertMayInvite(principal, 'municipality_officer');
    const rows: ImportRowResult[] = parseInvitationCsv(csv).map((r) => ({ ...r, problems: [] }));
    if (rows.length === 0 || rows.length > INVITATION_CSV_MAX_ROWS) {
      throw new DomainError(
        ErrorCode.INVITATION_IMPORT_INVALID,
        rows.length === 0 ? 'csv has no rows' : `csv has more than ${INVITATION_CSV_MAX_ROWS} rows`,
        { rows: [], tooMany: rows.length > 0, maxRows: INVITATION_CSV_MAX_ROWS },
      );
    }
    const codes = await this.municipalityCodes(this.dataSource.manager);
    const emails = rows.map((r) => r.email.toLowerCase());
    const existing = await this.users.findExistingEmails(emails.filter((e) => isEmail(e)));
    const seen = new Map<string, number>();
    for (const r of rows) {
      const code = parseMunicipalityCode(r.municipalityCode);
      if (code === null || !codes.has(code)) {
        row(
          r,
          'municipalityCode',
          ErrorCode.MUNICIPALITY_UNKNOWN,
          `"${r.municipalityCode}" is not a municipality code`,
        );
      }
      const email = r.email.toLowerCase();
      if (!isEmail(email) || email.length > 254) {
        row(r, 'email', ErrorCode.VALIDATION_FAILED, `"${r.email}" is not an e-mail address`);
      } else if (existing.has(email)) {
        row(r, 'email', ErrorCode.USER_EMAIL_TAKEN, `${email} already has an account`);
      } else if (seen.has(email)) {
        row(r, 'email', ErrorCode.USER_EMAIL_TAKEN, `${email} is also on line ${seen.get(email)}`);
      }
      if (!seen.has(email)) seen.set(email, r.line);
      if (r.name.length > 200)
        row(r, 'name', ErrorCode.VALIDATION_FAILED, 'name is longer than 200 characters');
    }
    const invalid = rows.filter((r) => r.problems.length > 0).length;
    const result: ImportResult = { dryRun, rows, valid: rows.length - invalid, invalid, invited: [] };
    if (dryRun) return result;
    if (invalid > 0) {
      throw new DomainError(
        ErrorCode.INVITATION_IMPORT_INVALID,
        `${invalid} of ${rows.length} rows have problems; nobody was invited`,
        { rows: rows.filter((r) => r.problems.length > 0) },
      );
    }
    const created = await this.inTransaction(async (m) => {
      const out: Array<{ invitation: InvitationView; token: string }> = [];
      for (const r of rows) {
        out.push(
          await this.create(
            actorOf(principal, address),
            principal.id,
            {
              email: r.email.toLowerCase(),
              role: 'municipality_officer',
              municipalityCode: parseMunicipalityCode(r.municipalityCode),
              displayName: r.name,
            },
            m,
          ),
        );
      }
      await this.audit.record(
        actorOf(principal, address),
        { action: 'invitation.imported', targetType: 'user', details: { rows: rows.length } },
        m,
      );
      return out;
    });
    for (const c of created) result.invited.push(await this.deliver(c));
    return result;
  }

  /**
   * `npm run user:create`: a user without a password and its one-time link, for the operator to
   * pass on (never e-mailed, never a password). A second platform admin needs `force`. Run again
   * for a user who has not set a password yet, it makes a new link (the old one stops working).
   */
  async bootstrap(
    input: InvitationInput,
    force: boolean,
  ): Promise<{ invitation: InvitationView; link: string }> {
    const isOfficer = input.role === 'municipality_officer';
    if (isOfficer && input.municipalityCode == null) throw new MunicipalityRequiredException();
    if (!isOfficer && input.municipalityCode != null) throw new MunicipalityNotAllowedException();
    const email = input.email.trim().toLowerCase();
    const [created] = await this.inTransaction(async (m) => {
      // Serialises two runs of the command, so both cannot see "no admin yet".
      await m.query('LOCK TABLE users IN SHARE ROW EXCLUSIVE MODE');
      if (isOfficer && !(await this.municipalityCodes(m)).has(input.municipalityCode!)) {
        throw new MunicipalityUnknownException(input.municipalityCode!);
      }
      const existing = await m
        .getRepository(User)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.email = :email', { email })
        .getOne();
      if (existing) {
        // A lost link before first use: a new one, the old one void. An account with a password is refused.
        if (existing.passwordHash !== null || existing.role !== input.role)
          throw new UserEmailTakenException(email);
        const token = newSecretToken();
        const expiresAt = await this.issueToken(null, existing.id, token, m);
        await this.users.setActive(existing.id, true, m);
        await this.audit.record(
          { id: null, label: 'cli:user:create' },
          { action: 'invitation.resent', targetType: 'user', targetId: existing.id, details: { email } },
          m,
        );
        const invitation: InvitationView = {
          id: existing.id,
          email: existing.email,
          displayName: existing.displayName,
          role: existing.role,
          municipalityCode: existing.municipalityCode,
          status: 'pending',
          invitedAt: this.clock.now(),
          expiresAt,
        };
        return [{ token, invitation }];
      }
      if (input.role === 'platform_admin' && !force) {
        const [{ count }] = await m.query(
          `SELECT count(*)::int AS count FROM users WHERE role = 'platform_admin'`,
        );
        if (count > 0) throw new PlatformAdminExistsException(count);
      }
      return [await this.create({ id: null, label: 'cli:user:create' }, null, { ...input, email }, m)];
    });
    return { invitation: created.invitation, link: this.mailer.link(created.token) };
  }

  /** Pending, expired and revoked invitations the principal may see (KL: officers only). */
  async list(principal: UserPrincipal): Promise<InvitationView[]> {
    const rows = await this.tokens.pendingInvitations([...this.invitableRoles(principal)]);
    return rows.map((r) => this.view(r));
  }

  /** A new link (the old one stops working), e-mailed; also brings a revoked invitation back. */
  async resend(principal: UserPrincipal, userId: string, address: string): Promise<IssuedInvitation> {
    const target = await this.pendingFor(principal, userId);
    const token = newSecretToken();
    await this.dataSource.transaction(async (m) => {
      await this.users.setActive(userId, true, m);
      await this.issueToken(principal.id, userId, token, m);
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'invitation.resent',
          targetType: 'user',
          targetId: userId,
          details: { email: target.email },
        },
        m,
      );
    });
    const [fresh] = await this.tokens.pendingInvitations([target.role], userId);
    return this.deliver({ invitation: this.view(fresh), token });
  }

  /** Voids the link and deactivates the account, which has no password yet. */
  async revoke(principal: UserPrincipal, userId: string, address: string): Promise<InvitationView> {
    const target = await this.pendingFor(principal, userId);
    await this.dataSource.transaction(async (m) => {
      await this.tokens.revokeOpen(userId, ['invitation'], this.clock.now(), m);
      await this.users.setActive(userId, false, m);
      await this.audit.record(
        actorOf(principal, address),
        {
          action: 'invitation.revoked',
          targetType: 'user',
          targetId: userId,
          details: { email: target.email },
        },
        m,
      );
    });
    const [fresh] = await this.tokens.pendingInvitations([target.role], userId);
    return this.view(fresh);
  }

  private assertMayInvite(principal: UserPrincipal, role: Role): void {
    if (!this.invitableRoles(principal).includes(role)) throw new InvitationRoleNotAllowedException(role);
  }

  /** The pending invitation `userId`, if the principal may manage it; 404 for others' (KL: non-officers). */
  private async pendingFor(principal: UserPrincipal, userId: string): Promise<PendingInvitationRow> {
    const [pending] = await this.tokens.pendingInvitations([...this.invitableRoles(principal)], userId);
    if (pending) return pending;
    const user = await this.users.findById(userId);
    if (user && this.invitableRoles(principal).includes(user.role)) throw new InvitationAcceptedException();
    throw new InvitationNotFoundException(userId);
  }

  private async create(
    actor: Actor,
    createdBy: string | null,
    input: InvitationInput,
    m: EntityManager,
  ): Promise<{ invitation: InvitationView; token: string }> {
    const user: User = await this.users.insert(
      {
        email: input.email,
        displayName: input.displayName?.trim() || input.email.split('@')[0],
        passwordHash: null,
        role: input.role,
        municipalityCode: input.municipalityCode ?? null,
        active: true,
      },
      m,
    );
    const token = newSecretToken();
    const expiresAt = await this.issueToken(createdBy, user.id, token, m);
    await this.audit.record(
      actor,
      {
        action: 'invitation.created',
        targetType: 'user',
        targetId: user.id,
        details: { email: user.email, role: user.role, municipalityCode: user.municipalityCode },
      },
      m,
    );
    return {
      token,
      invitation: {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        municipalityCode: user.municipalityCode,
        status: 'pending',
        invitedAt: this.clock.now(),
        expiresAt,
      },
    };
  }

  private async issueToken(createdBy: string | null, userId: string, token: string, m: EntityManager) {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_SECONDS * 1000);
    await this.tokens.issue(
      {
        userId,
        purpose: 'invitation',
        tokenHash: hashSecretToken(token),
        createdBy,
        now,
        expiresAt,
      },
      m,
    );
    return expiresAt;
  }

  /** E-mails the link when SMTP is set; otherwise, or when sending fails, the admin gets it to pass on. */
  private async deliver(c: { invitation: InvitationView; token: string }): Promise<IssuedInvitation> {
    const emailed = await this.mailer.sendInvitation(
      c.invitation.email,
      c.invitation.displayName,
      ROLE_LABELS_DA[c.invitation.role],
      c.token,
    );
    return { invitation: c.invitation, emailed, link: emailed ? null : this.mailer.link(c.token) };
  }

  private async inTransaction<T>(work: (m: EntityManager) => Promise<T[]>): Promise<T[]> {
    try {
      return await this.dataSource.transaction(work);
    } catch (e) {
      // Another request invited the same address between the check and the insert.
      if (isUniqueViolation(e)) throw new UserEmailTakenException('this address');
      throw e;
    }
  }

  private async municipalityCodes(m: EntityManager): Promise<Set<number>> {
    const rows: Array<{ code: number }> = await m.query('SELECT code FROM municipalities');
    return new Set(rows.map((r) => Number(r.code)));
  }

  private view(r: PendingInvitationRow): InvitationView {
    const now = this.clock.now();
    const status: InvitationStatus =
      !r.active || r.revokedAt || !r.expiresAt ? 'revoked' : r.expiresAt <= now ? 'expired' : 'pending';
    return {
      id: r.userId,
      email: r.email,
      displayName: r.displayName,
      role: r.role as Role,
      municipalityCode: r.municipalityCode,
      status,
      invitedAt: r.invitedAt,
      expiresAt: r.expiresAt,
    };
  }
}
