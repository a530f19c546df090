import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AdvisoryVersionKind } from './advisory-terms';
import { Advisory } from './advisory.entity';

/** Every version of an advisory as it was sent: its content then, and which fields changed. */
@Entity('advisory_versions')
@Check('CHK_advisory_versions_kind', `"kind" IN ('published','updated','withdrawn')`)
export class AdvisoryVersion {
  @PrimaryColumn({ type: 'uuid' })
  advisoryId!: string;

  @ManyToOne(() => Advisory, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advisory_id' })
  advisory?: Advisory;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  kind!: AdvisoryVersionKind;

  /** The content fields of this version (title … respondBy), times as ISO strings. */
  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  changedFields!: string[];

  /** Why it changed: the analyst's note on an update, the reason of a withdrawal. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'text' })
  changedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
