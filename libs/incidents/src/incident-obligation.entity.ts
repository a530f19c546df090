import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Incident } from './incident.entity';
import type { ObligationKind } from './regulatory-clocks';

/** A regulatory deadline of an incident (GDPR Art. 33, NIS2 Art. 23), recomputed when its inputs change. */
@Entity('incident_obligations')
@Index('IDX_incident_obligations_open_due', ['dueAt'], { where: '"submitted_at" IS NULL' })
@Check(
  'CHK_incident_obligations_kind',
  `"kind" IN ('gdpr-art33','nis2-early-warning','nis2-notification','nis2-final-report')`,
)
export class IncidentObligation {
  @PrimaryColumn({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @PrimaryColumn({ type: 'text' })
  kind!: ObligationKind;

  @Column({ type: 'timestamptz' })
  anchorAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  /** The recipient's reference (Datatilsynet's or the CSIRT's case number). */
  @Column({ type: 'text', nullable: true })
  reference!: string | null;

  @Column({ type: 'text', nullable: true })
  reasonForDelay!: string | null;

  @Column({ type: 'uuid', nullable: true })
  submittedById!: string | null;
}
