import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { Municipality } from '@app/municipalities';
import type { Edition } from '@app/surveys';

/** A municipality's one response to an edition, shared by its officers. */
@Entity('responses')
@Index('UQ_responses_edition_municipality', ['editionId', 'municipalityCode'], { unique: true })
@Check('CHK_responses_status', `"status" IN ('draft','submitted')`)
export class Response {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne('Edition', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Edition;

  @Column({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;

  @Column({ type: 'text', default: 'draft' })
  status!: 'draft' | 'submitted';

  /**
   * Bumped by every save that changes an answer, and by submit and reopen. A save names the version
   * it was based on and is merged per question against `answer_changes`; submit and reopen must
   * name the current one.
   */
  @Column({ type: 'integer', default: 0 })
  version!: number;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  submittedByName!: string | null;

  /** Shown to the officer as proof of submission: a hash over the submitted answers. */
  @Column({ type: 'text', nullable: true })
  receiptCode!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
