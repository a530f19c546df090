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

/** A registered passkey or security key: its public key and signature counter. */
@Entity('webauthn_credentials')
export class WebauthnCredential {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('IDX_webauthn_credentials_user_id')
  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** base64url, as the authenticator names it. */
  @Index('UQ_webauthn_credentials_credential_id', { unique: true })
  @Column({ type: 'text' })
  credentialId!: string;

  @Column({ type: 'bytea' })
  publicKey!: Buffer;

  @Column({ type: 'bigint', default: 0 })
  counter!: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  transports!: string[];

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;
}
