import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { User } from '@app/users';
import { Advisory } from '../advisory.entity';

/**
 * One version of an advisory delivered to one officer (in-app, and by e-mail when SMTP is set). The
 * key (advisory, version, user) makes the fan-out idempotent: a re-run or a retried job finds the
 * row and sends nothing again.
 */
@Entity('advisory_deliveries')
export class AdvisoryDelivery {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @ManyToOne(() => Advisory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisory_id' })
  advisory?: Advisory;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'smallint' })
  municipalityCode!: number;

  @Column({ type: 'boolean' })
  mailed!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  deliveredAt!: Date;
}
