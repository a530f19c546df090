import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from './user.entity';

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
    user: Omit<User, 'id' | 'createdAt' | 'updatedAt' | 'municipality' | 'credentialsVersion'>,
    manager?: EntityManager,
  ) {
    return this.repo(manager).save(this.repo(manager).create(user));
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
