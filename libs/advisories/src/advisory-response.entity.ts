import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { ResponseStatus } from './advisory-terms';
import { AdvisoryTarget } from './advisory-target.entity';

/**
 * A municipality's answer to an advisory, shared by its officers (as its survey response is): the
 * latest status with its time, and when it was first opened. Only a targeted municipality can have
 * one (the foreign key to its target row).
 */
@Entity('advisory_responses')
@Check('CHK_advisory_responses_status', `"status" IN ('read','not_affected','mitigating','mitigated')`)
export class AdvisoryResponse {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @PrimaryColumn({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne(() => AdvisoryTarget, { onDelete: 'CASCADE' })
  @JoinColumn([
    { name: 'advisory_id', referencedColumnName: 'advisoryId' },
    { name: 'municipality_code', referencedColumnName: 'municipalityCode' },
  ])
  target?: AdvisoryTarget;

  @Column({ type: 'text' })
  status!: ResponseStatus;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  /** When the status was last set. */
  @Column({ type: 'timestamptz' })
  statusAt!: Date;

  /** When an officer first opened it or answered, whichever came first. */
  @Column({ type: 'timestamptz' })
  firstReadAt!: Date;

  /** The officer's e-mail who set the status. */
  @Column({ type: 'text' })
  respondedBy!: string;
}
