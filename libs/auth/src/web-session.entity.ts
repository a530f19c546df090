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

/**
 * A signed-in browser. Kept in the database so any API instance can check it and sign-out is real.
 * `expiresAt` is the absolute end (SESSION_TTL_SECONDS after sign-in).
 */
@Entity('web_sessions')
export class WebSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_web_sessions_token_hash', { unique: true })
  @Column({ type: 'text' })
  tokenHash!: string;

  @Index('IDX_web_sessions_user_id')
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
  revokedAt!: Date | null;

  /** Last request seen; a session idle longer than SESSION_IDLE_SECONDS is over. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  /** The role at sign-in: a session of a user whose role has changed since no longer works. */
  @Column({ type: 'text', nullable: true })
  role!: string | null;

  /** For the user's list of sessions. */
  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;
}
