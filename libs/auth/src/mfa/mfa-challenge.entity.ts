import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { User } from '@app/users';

/**
 * What a correct password earns: not a session, but a short-lived, single-use ticket to the
 * second step ('verify'), or to enrolment when MFA is required and none is set up ('enrol').
 * Also holds a WebAuthn challenge for a signed-in user registering a passkey ('webauthn-register').
 */
@Entity('mfa_challenges')
export class MfaChallenge {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_mfa_challenges_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Index('IDX_mfa_challenges_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'text' })
  purpose!: 'verify' | 'enrol' | 'webauthn-register';

  /** The client address that passed the password step: the second step counts against the same throttle. */
  @Column({ type: 'text' })
  address!: string;

  /** The WebAuthn challenge last issued for this ticket, if any. */
  @Column({ type: 'text', nullable: true })
  webauthnChallenge!: string | null;

  @Column({ type: 'integer', default: 0 })
  failures!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
