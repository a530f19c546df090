import {
  ConflictException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
// Type only, the repository by entity name: the municipalities lib sits above this one (its
// controller uses @app/auth, its service @app/users), so a value import would close a circle.
import type { Municipality } from '@app/municipalities';
import { PasswordHasher } from './password-hasher';
import type { Role } from './role';
import { User } from './user.entity';
import { UsersRepository, UserSearch } from './users.repository';

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  municipalityCode?: number | null;
}

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  findActive(id: string): Promise<User | null> {
    return this.users.findActiveById(id);
  }

  list(): Promise<User[]> {
    return this.users.findAll();
  }

  search(filter: UserSearch): Promise<{ users: User[]; total: number }> {
    return this.users.search(filter);
  }

  withoutPassword(ids: readonly string[]): Promise<Set<string>> {
    return this.users.withoutPassword(ids);
  }

  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  officersOf(municipalityCode: number): Promise<User[]> {
    return this.users.findOfficers(municipalityCode);
  }

  async create(input: NewUser, actor: Actor): Promise<User> {
    const isOfficer = input.role === 'municipality_officer';
    if (isOfficer !== (input.municipalityCode != null)) {
      throw new UnprocessableEntityException(
        isOfficer
          ? 'municipalityCode is required for a municipality_officer'
          : 'municipalityCode is only allowed for a municipality_officer',
      );
    }
    const email = input.email.toLowerCase();
    const passwordHash = await this.hasher.hash(input.password);
    return this.dataSource.transaction(async (m) => {
      if (
        isOfficer &&
        !(await m
          .getRepository<Municipality>('Municipality')
          .exists({ where: { code: input.municipalityCode! } }))
      ) {
        throw new UnprocessableEntityException(
          `municipalityCode ${input.municipalityCode} is not a municipality`,
        );
      }
      if (await m.getRepository(User).exists({ where: { email } })) {
        throw new ConflictException(`A user with email ${email} already exists`);
      }
      const user = await this.users.insert(
        {
          email,
          displayName: input.displayName,
          passwordHash,
          role: input.role,
          municipalityCode: input.municipalityCode ?? null,
          active: true,
        },
        m,
      );
      await this.audit.record(
        actor,
        {
          action: 'admin.user-created',
          targetType: 'user',
          targetId: user.id,
          details: { email, role: user.role, municipalityCode: user.municipalityCode },
        },
        m,
      );
      const { passwordHash: _omit, ...safe } = user;
      return safe as User;
    });
  }

  /** `alsoInTransaction` commits with the change (e.g. ending the user's sessions). */
  async setActive(
    id: string,
    active: boolean,
    actor: Actor,
    alsoInTransaction?: (m: EntityManager) => Promise<unknown>,
  ): Promise<User> {
    return this.dataSource.transaction(async (m) => {
      const user = await m.getRepository(User).findOne({ where: { id } });
      if (!user) throw new NotFoundException(`User ${id} not found`);
      await this.users.setActive(id, active, m);
      await alsoInTransaction?.(m);
      await this.audit.record(
        actor,
        {
          action: active ? 'admin.user-activated' : 'admin.user-deactivated',
          targetType: 'user',
          targetId: id,
        },
        m,
      );
      return { ...user, active };
    });
  }
}
