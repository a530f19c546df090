import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { Municipality } from '@app/municipalities';
import type { Role } from './role';

@Entity('users')
@Check('CHK_users_role', `"role" IN ('platform_admin','kl_analyst','cert_analyst','municipality_officer')`)
@Check(
  'CHK_users_officer_municipality',
  `("role" = 'municipality_officer') = ("municipality_code" IS NOT NULL)`,
)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; sign-in compares lower-cased input. */
  @Index('UQ_users_email', { unique: true })
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  /** Null until the user sets one through an invitation link; such an account cannot sign in. */
  @Column({ type: 'text', select: false, nullable: true })
  passwordHash!: string | null;

  /**
   * Raised at every password change or reset: an access token carries the version it was issued
   * under, and one with an older version is refused (so a change revokes every token at once).
   */
  @Column({ type: 'integer', default: 0 })
  credentialsVersion!: number;

  @Column({ type: 'text' })
  role!: Role;

  /** Set exactly for municipality officers: the one municipality whose data they may see. */
  @Index('IDX_users_municipality_code')
  @Column({ type: 'smallint', nullable: true })
  municipalityCode!: number | null;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** Set at each successful sign-in (web or API), for the administrators' user list. */
  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
