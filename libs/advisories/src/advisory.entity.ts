import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Severity, Tlp } from '@app/incidents';
import type { AdvisoryStatus } from './advisory-terms';

/**
 * A KommuneCERT warning to municipalities about an active threat or a critical vulnerability. The
 * audience as it was asked for is kept here; the municipalities it resolved to at send time are in
 * `advisory_targets`, which is what access and the matrix go by.
 */
@Entity('advisories')
@Index('IDX_advisories_created', ['createdAt'])
@Index('IDX_advisories_active_respond_by', ['respondBy'], { where: `"status" = 'active'` })
@Check('CHK_advisories_status', `"status" IN ('active','withdrawn')`)
@Check('CHK_advisories_severity', `"severity" IN ('low','medium','high','critical')`)
@Check('CHK_advisories_tlp', `"tlp" IN ('clear','green','amber','amber+strict','red')`)
@Check('CHK_advisories_withdrawn', `("status" = 'withdrawn') = ("withdrawn_at" IS NOT NULL)`)
export class Advisory {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  severity!: Severity;

  @Column({ type: 'text' })
  tlp!: Tlp;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  products!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  cveIds!: string[];

  @Column({ type: 'text' })
  recommendedActions!: string;

  @Column({ type: 'timestamptz' })
  respondBy!: Date;

  /** Sent to every municipality; otherwise to the codes and regions below. */
  @Column({ type: 'boolean' })
  audienceAll!: boolean;

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  audienceMunicipalities!: number[];

  @Column({ type: 'smallint', array: true, default: () => "'{}'" })
  audienceRegions!: number[];

  @Column({ type: 'text', default: 'active' })
  status!: AdvisoryStatus;

  @Column({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  withdrawalReason!: string | null;

  /** The current version: 1 when sent, one more with each update and with the withdrawal. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  /** The analyst's e-mail, kept as it was. */
  @Column({ type: 'text' })
  author!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
