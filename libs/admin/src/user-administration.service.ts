import { Injectable } from '@nestjs/common';
import { Actor } from '@app/audit';
import {
  AccessPolicy,
  AccountLocksService,
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

/**
 * The second factor of an account, once MFA exists: `null` means it is not known here yet, and the
 * list shows "—". Wire it in `mfaStateOf` below, the one place that reads it.
 */
export type MfaState = 'none' | 'totp' | 'webauthn' | null;

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

// No MFA data exists yet (it comes with the MFA work of issue 13): every account reads as unknown.
const mfaStateOf = (_user: User): MfaState => null;

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
    const locked = await this.locks.lockedUntil(users.map((u) => u.email));
    return { roles, users: users.map((u) => rowOf(u, locked)), total, page, pageSize: USER_PAGE_SIZE };
  }

  /** One account the caller manages; another is refused (403), an unknown id is 404. */
  async get(principal: Principal, id: string): Promise<AdminUserRow> {
    const user = await this.require(principal, id);
    return rowOf(user, await this.locks.lockedUntil([user.email]));
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

  private async require(principal: Principal, id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new DomainError(ErrorCode.USER_NOT_FOUND, `User ${id} not found`);
    this.access.requireAccess(principal, Permission.UserManage, { role: user.role });
    return user;
  }
}

function rowOf(user: User, locked: Map<string, Date>): AdminUserRow {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    municipalityCode: user.municipalityCode,
    active: user.active,
    lastSignedInAt: user.lastSignedInAt,
    lockedUntil: locked.get(user.email) ?? null,
    mfa: mfaStateOf(user),
  };
}
