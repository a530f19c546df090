import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Incident } from './incident.entity';

export type IncidentEventKind =
  | 'reported'
  | 'field-changed'
  | 'status-changed'
  | 'assigned'
  | 'comment-added'
  | 'attachment-added'
  | 'obligation-submitted'
  | 'obligations-recomputed';

/** One entry of an incident's timeline: who changed what, when, from what to what. */
@Entity('incident_events')
@Index('IDX_incident_events_incident_at', ['incidentId', 'at'])
export class IncidentEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'text' })
  kind!: IncidentEventKind;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  actor!: string;

  /** Visible to KommuneCERT only (internal comments, TLP:RED material). */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
