import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Municipality } from '@app/municipalities';
import { Advisory } from './advisory.entity';

/**
 * A municipality an advisory was sent to, fixed when it was sent: a region's membership or the
 * list of municipalities never changes who received it afterwards.
 */
@Entity('advisory_targets')
@Index('IDX_advisory_targets_municipality', ['municipalityCode', 'advisoryId'])
export class AdvisoryTarget {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @ManyToOne(() => Advisory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisory_id' })
  advisory?: Advisory;

  @PrimaryColumn({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;
}
