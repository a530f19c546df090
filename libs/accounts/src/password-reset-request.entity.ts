import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One "Glemt adgangskode" request, by client address: the throttle counts them per address, so one
 * client cannot make links for many accounts. Kept for a day at most.
 */
@Entity('password_reset_requests')
@Index('IDX_password_reset_requests_address_at', ['address', 'requestedAt'])
export class PasswordResetRequest {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  address!: string;

  @Index('IDX_password_reset_requests_at')
  @Column({ type: 'timestamptz' })
  requestedAt!: Date;
}
