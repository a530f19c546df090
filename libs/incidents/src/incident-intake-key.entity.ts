import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// A type import and the relation by entity name, as in incident.entity.ts.
import type { Municipality } from '@app/municipalities';
import { Incident } from './incident.entity';

/**
 * An intake's idempotency key (the Idempotency-Key header, or the reporter's own reference), unique
 * per municipality. Claimed first in the intake transaction, so that concurrent retries wait on the
 * row and then find the incident the first one made.
 */
@Entity('incident_intake_keys')
export class IncidentIntakeKey {
  @PrimaryColumn({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;

  /** `idempotency-key:<header>` or `reporter-reference:<reference>`. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  /** SHA-256 of the canonical request body: the same key with another body is refused. */
  @Column({ type: 'text' })
  bodyHash!: string;

  /** Set in the claiming transaction, so never null once committed. */
  @Column({ type: 'uuid', nullable: true })
  incidentId!: string | null;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
