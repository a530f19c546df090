import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Incident } from '@app/incidents';
import { Advisory } from './advisory.entity';

/** An incident an advisory relates to (the campaign it warns of, the incident that prompted it). */
@Entity('advisory_incidents')
@Index('IDX_advisory_incidents_incident', ['incidentId'])
export class AdvisoryIncident {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @ManyToOne(() => Advisory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisory_id' })
  advisory?: Advisory;

  @PrimaryColumn({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne('Incident', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  linkedAt!: Date;
}
