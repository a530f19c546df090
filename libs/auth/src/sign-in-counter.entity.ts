import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Failed sign-ins of one throttling scope within its window: an account from one address
 * (`pair`), an account from anywhere (`account`) or an address for any account (`address`).
 * One row per key, so a sign-in reserves its attempt with a row lock and concurrent guesses
 * cannot all pass the check.
 */
@Entity('sign_in_failures')
@Index('IDX_sign_in_failures_window_start', ['windowStart'])
export class SignInCounter {
  @PrimaryColumn({ type: 'text' })
  scope!: 'pair' | 'account' | 'address';

  /** Empty for the `address` scope. */
  @PrimaryColumn({ type: 'text' })
  email!: string;

  /** Empty for the `account` scope. */
  @PrimaryColumn({ type: 'text' })
  address!: string;

  @Column({ type: 'timestamptz' })
  windowStart!: Date;

  /** Attempts that got a password check and did not sign in. */
  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;

  /** Attempts refused without a password check; audited once per window with this count. */
  @Column({ type: 'int', default: 0 })
  refused!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lastRefusedAt!: Date | null;
}
