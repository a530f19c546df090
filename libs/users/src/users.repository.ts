import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { containsPattern } from '@app/database';
import type { Role } from './role';
import { User } from './user.entity';

export interface UserSearch {
  /** The roles the caller may see at all; the other filters narrow within them. */
  roles: readonly Role[];
  role?: Role;
  municipalityCode?: number;
  active?: boolean;
  /** Only these (locked) accounts. */
  lockedEmails?: string[];
  /** Part of the name or the e-mail address. */
  text?: string;
  offset: number;
  limit: number;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private repo(manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(User);
  }

  findById(id: string): Promise<User | null> {
    return this.repo().findOne({ where: { id } });
  }

  findActiveById(id: string): Promise<User | null> {
    return this.repo().findOne({ where: { id, active: true } });
  }

  /** Includes the password hash, which is otherwise never selected. */
  findForSignIn(email: string): Promise<User | null> {
    return this.repo()
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: email.toLowerCase() })
      .getOne();
  }

  /** With the password hash, locked for the rest of `manager`'s transaction. */
  findForPasswordChange(id: string, manager: EntityManager): Promise<User | null> {
    return this.repo(manager)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
  }

  /** Sets the password hash and raises the credentials version, which revokes every access token. */
  async setPassword(id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await this.repo(manager)
      .createQueryBuilder()
      .update(User)
      .set({ passwordHash, credentialsVersion: () => 'credentials_version + 1' })
      .where('id = :id', { id })
      .execute();
  }

  findAll(): Promise<User[]> {
    return this.repo().find({ order: { role: 'ASC', municipalityCode: 'ASC', email: 'ASC' } });
  }

  findOfficers(municipalityCode: number): Promise<User[]> {
    return this.repo().find({ where: { municipalityCode, active: true }, order: { email: 'ASC' } });
  }

  /** Which of these (lower-cased) emails already have an account, in one query. */
  async findExistingEmails(emails: string[]): Promise<Set<string>> {
    const rows: Array<{ email: string }> = await this.dataSource.query(
      'SELECT email FROM users WHERE email = ANY($1::text[])',
      [emails.map((e) => e.toLowerCase())],
    );
    return new Set(rows.map((r) => r.email));
  }

  async insert(
    user: Omit<
      User,
      'id' | 'createdAt' | 'updatedAt' | 'municipality' | 'lastSignedInAt' | 'credentialsVersion'
    >,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create(user));
  }

  /**
   * One page of users matching the filter, newest-signed-in order aside: by role, municipality and
   * e-mail, so paging is stable. `roles` scopes the search to what the caller may see.
   */
  async search(filter: UserSearch): Promise<{ users: User[]; total: number }> {
    const q = this.repo().createQueryBuilder('u').where('u.role IN (:...roles)', { roles: filter.roles });
    if (filter.role) q.andWhere('u.role = :role', { role: filter.role });
    if (filter.municipalityCode !== undefined) {
      q.andWhere('u.municipality_code = :code', { code: filter.municipalityCode });
    }
    if (filter.active !== undefined) q.andWhere('u.active = :active', { active: filter.active });
    if (filter.lockedEmails) q.andWhere('u.email = ANY(:locked)', { locked: filter.lockedEmails });
    if (filter.text) {
      const like = containsPattern(filter.text);
      q.andWhere('(u.display_name ILIKE :like OR u.email ILIKE :like)', { like });
    }
    const [users, total] = await q
      .orderBy('u.role', 'ASC')
      .addOrderBy('u.municipality_code', 'ASC', 'NULLS FIRST')
      .addOrderBy('u.email', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
    return { users, total };
  }

  /** Which of these accounts have no password yet (an invitation not accepted), in one query. */
  async withoutPassword(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      'SELECT id FROM users WHERE id = ANY($1::uuid[]) AND password_hash IS NULL',
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  }

  async recordSignIn(id: string, at: Date): Promise<void> {
    // A plain UPDATE: a sign-in is not a change to the account, so updated_at stays.
    await this.dataSource.query('UPDATE users SET last_signed_in_at = $2 WHERE id = $1', [id, at]);
  }

  async setActive(id: string, active: boolean, manager?: EntityManager): Promise<void> {
    await this.repo(manager).update({ id }, { active });
  }

  /** Bulk insert-or-keep for seeding: existing accounts are left untouched. */
  async insertMissing(
    users: Array<Pick<User, 'email' | 'displayName' | 'passwordHash' | 'role' | 'municipalityCode'>>,
  ) {
    if (users.length === 0) return 0;
    const result = await this.repo()
      .createQueryBuilder()
      .insert()
      .values(users.map((u) => ({ ...u, email: u.email.toLowerCase() })))
      .orIgnore()
      .execute();
    return result.identifiers.filter(Boolean).length;
  }
}
