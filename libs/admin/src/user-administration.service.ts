import { Injectable } from '@nestjs/common';
import { Actor } from '@app/audit';
import {
  AccessPolicy,
  AccountLocksService,
  MfaFactors,
  MfaService,
  Permission,
  Principal,
  UserPrincipal,
  WebSessionsService,
} from '@app/auth';
import { DomainError, ErrorCode } from '@app/http';
import { Role, User, UsersService } from '@app/users';

export type UserState = 'active' | 'inactive' | 'locked';

export interface UserListFilter {
  role?: Role;
  municipalityCode?: number;
  state?: UserState;
  /** Part of the name or the e-mail address. */
  text?: string;
  /** 1-based. */
  page: number;
}

/** An account's sign-in factors: a confirmed authenticator app and how many passkeys (both none: "Ingen"). */
export type MfaState = MfaFactors;

export interface AdminUserRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  municipalityCode: number | null;
  active: boolean;
  lastSignedInAt: Date | null;
  /** When the account's sign-in lock ends; null when it is not locked. */
  lockedUntil: Date | null;
  mfa: MfaState;
  /** No password yet: an invitation not accepted (the invitations work's "pending"). */
  invited: boolean;
}

export interface UserList {
  /** The roles of the accounts the caller manages (the role filter's choices). */
  roles: Role[];
  users: AdminUserRow[];
  total: number;
  page: number;
  pageSize: number;
}

export const USER_PAGE_SIZE = 50;

const NO_FACTORS: MfaState = { app: false, passkeys: 0 };

/** What rowOf adds to a user, read for a whole page at once (no query per row). */
interface RowFacts {
  locked: Map<string, Date>;
  factors: Map<string, MfaFactors>;
  invited: Set<string>;
}

/**
 * Users as administrators see and change them: the platform administrator every account, KL the
 * municipalities' officers only (Permission.UserManage, checked first in every method, so no page
 * or route can forget it). Every change is audited.
 */
@Injectable()
export class UserAdministrationService {
  constructor(
    private readonly users: UsersService,
    private readonly access: AccessPolicy,
    private readonly locks: AccountLocksService,
    private readonly sessions: WebSessionsService,
    private readonly mfa: MfaService,
  ) {}

  async list(principal: Principal, filter: UserListFilter): Promise<UserList> {
    const roles = this.access.manageableUserRoles(principal);
    const page = Math.max(1, Math.trunc(filter.page) || 1);
    const lockedEmails = filter.state === 'locked' ? [...(await this.locks.lockedUntil()).keys()] : undefined;
    const { users, total } = await this.users.search({
      roles,
      role: filter.role,
      municipalityCode: filter.municipalityCode,
      active: filter.state === 'active' ? true : filter.state === 'inactive' ? false : undefined,
      lockedEmails,
      text: filter.text,
      offset: (page - 1) * USER_PAGE_SIZE,
      limit: USER_PAGE_SIZE,
    });
    const facts = await this.factsOf(users);
    return { roles, users: users.map((u) => rowOf(u, facts)), total, page, pageSize: USER_PAGE_SIZE };
  }

  /** One account the caller manages; another is refused (403), an unknown id is 404. */
  async get(principal: Principal, id: string): Promise<AdminUserRow> {
    const user = await this.require(principal, id);
    return rowOf(user, await this.factsOf([user]));
  }

  /** Deactivating also ends the user's web sessions, so reactivation does not revive them. */
  async deactivate(principal: UserPrincipal, id: string, actor: Actor): Promise<void> {
    const user = await this.require(principal, id);
    if (user.id === principal.id) {
      throw new DomainError(ErrorCode.USER_SELF_DEACTIVATION, 'You cannot deactivate your own account');
    }
    if (!user.active) return;
    await this.users.setActive(id, false, actor, (m) => this.sessions.revokeAllOf(id, m));
  }

  async reactivate(principal: UserPrincipal, id: string, actor: Actor): Promise<void> {
    const user = await this.require(principal, id);
    if (user.active) return;
    await this.users.setActive(id, true, actor);
  }

  /** Ends the account's sign-in lock; false when it was not locked (nothing to do). */
  async unlock(principal: UserPrincipal, id: string, actor: Actor): Promise<boolean> {
    const user = await this.require(principal, id);
    return this.locks.unlock(user, actor);
  }

  /**
   * Removes the account's app, recovery codes and passkeys and ends its sessions (audited), for a
   * user who lost them; the same service as DELETE /api/v1/admin/users/:id/mfa.
   */
  async resetMfa(principal: UserPrincipal, id: string, actor: Actor): Promise<void> {
    const user = await this.require(principal, id);
    await this.mfa.resetForUser(user.id, actor);
  }

  private async factsOf(users: User[]): Promise<RowFacts> {
    const ids = users.map((u) => u.id);
    const [locked, factors, invited] = await Promise.all([
      this.locks.lockedUntil(users.map((u) => u.email)),
      this.mfa.factorsOf(ids),
      this.users.withoutPassword(ids),
    ]);
    return { locked, factors, invited };
  }

  private async require(principal: Principal, id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.USER_NOT_FOUND, `User ${id} not found`);
    this.access.requireAccess(principal, Permission.UserManage, { role: user.role });
    return user;
  }
}

function rowOf(user: User, { locked, factors, invited }: RowFacts): AdminUserRow {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipalityCode: user.municipalityCode,
    active: user.active,
    lastSignedInAt: user.lastSignedInAt,
    lockedUntil: locked.get(user.email) ?? null,
    mfa: factors.get(user.id) ?? NO_FACTORS,
    invited: invited.has(user.id),
  };
}
