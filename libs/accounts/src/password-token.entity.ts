import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name (see libs/database/src/entities.ts).
import type { User } from '@app/users';

export const PASSWORD_TOKEN_PURPOSES = ['invitation', 'reset'] as const;
export type PasswordTokenPurpose = (typeof PASSWORD_TOKEN_PURPOSES)[number];

/**
 * A one-time link that sets a user's password: an invitation (72 h) or a reset (1 h). Only the
 * SHA-256 of its token is kept; the token itself is only in the e-mail (or shown once to the admin
 * who invited, when there is no SMTP).
 */
@Entity('password_tokens')
@Check('CHK_password_tokens_purpose', `"purpose" IN ('invitation','reset')`)
@Index('IDX_password_tokens_user_purpose_created', ['userId', 'purpose', 'createdAt'])
export class PasswordToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_password_tokens_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  purpose!: PasswordTokenPurpose;

  /** Who invited (null for a reset the user asked for, or the bootstrap command). */
  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  /** Set when a newer link replaced this one, or the invitation was revoked. */
  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}
