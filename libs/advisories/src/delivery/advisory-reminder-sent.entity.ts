import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Advisory } from '../advisory.entity';

/**
 * A reminder sent to a municipality that had not answered by the respond-by time. Keyed by that time
 * too: a respond-by moved later by an update earns a new reminder, a retried job none.
 */
@Entity('advisory_reminders_sent')
export class AdvisoryReminderSent {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @ManyToOne(() => Advisory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisory_id' })
  advisory?: Advisory;

  @PrimaryColumn({ type: 'smallint' })
  municipalityCode!: number;

  @PrimaryColumn({ type: 'timestamptz' })
  respondBy!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt!: Date;
}
