import { Check, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Incident } from '../incident.entity';

/**
 * A reminder already sent for an obligation at one stage and due time: a restarted worker, a
 * retried job or a reconciliation finds it here and does not send it again.
 */
@Entity('incident_reminders_sent')
@Check('CHK_incident_reminders_sent_stage', `"stage" IN ('12h','2h','overdue')`)
export class IncidentReminderSent {
  @PrimaryColumn({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @PrimaryColumn({ type: 'text' })
  stage!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  dueAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  sentAt!: Date;
}
