import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One failed sign-in; counted per account and per address to throttle guessing across instances. */
@Entity('sign_in_failures')
@Index('IDX_sign_in_failures_email_at', ['email', 'at'])
@Index('IDX_sign_in_failures_address_at', ['address', 'at'])
export class SignInFailure {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
