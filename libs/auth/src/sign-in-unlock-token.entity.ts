import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { User } from '@app/users';

/** A one-time link, e-mailed to the account holder, that signs in past the account's throttle. */
@Entity('sign_in_unlock_tokens')
@Index('IDX_sign_in_unlock_tokens_user_created', ['userId', 'createdAt'])
export class SignInUnlockToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Only the SHA-256 of the token is kept; the token itself exists only in the e-mail. */
  @Index('UQ_sign_in_unlock_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
