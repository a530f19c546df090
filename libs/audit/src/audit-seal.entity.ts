import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { AuditEntry } from './audit-entry.entity';

/**
 * An audit entry's place in the keyed chain, written by the sealer after the entry committed.
 * `hash` is an HMAC under AUDIT_KEY over the position, `prevHash` and the entry's content, so a
 * chain rewritten without the key no longer verifies.
 */
@Entity('audit_seals')
export class AuditSeal {
  /** 1, 2, 3, … in sealing order, without gaps. */
  @PrimaryColumn({ type: 'bigint' })
  position!: string;

  @Column({ type: 'bigint' })
  seq!: string;

  /** One seal per entry (the relation's unique constraint). */
  @OneToOne(() => AuditEntry)
  @JoinColumn({ name: 'seq', referencedColumnName: 'seq' })
  entry?: AuditEntry;

  @Column({ type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sealedAt!: Date;
}
