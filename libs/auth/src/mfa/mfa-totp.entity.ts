import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '@app/users';

/** A user's TOTP authenticator: at most one, unconfirmed until the first code from it is checked. */
@Entity('mfa_totp')
export class MfaTotp {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The shared secret, encrypted (secret-box.ts): it must be read back, so it cannot be hashed. */
  @Column({ type: 'text' })
  secretSealed!: string;

  @Column({ type: 'timestamptz', nullable: true })
  confirmedAt!: Date | null;

  /** The last RFC 6238 time step a code was accepted for; a code of that step or earlier is refused. */
  @Column({ type: 'bigint', nullable: true })
  lastUsedStep!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
