import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Area } from './area.entity';
import type { ChoiceOption, QuestionType } from './edition-status';
import { Edition } from './edition.entity';

@Entity('questions')
@Index('UQ_questions_edition_key', ['editionId', 'key'], { unique: true })
@Index('IDX_questions_area_id', ['areaId'])
@Check('CHK_questions_type', `"type" IN ('scale','yes_no','single_choice','multi_choice','number','text')`)
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  editionId!: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'edition_id' })
  edition?: Edition;

  @Column({ type: 'uuid' })
  areaId!: string;

  @ManyToOne(() => Area, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'area_id' })
  area?: Area;

  /** Stable across editions: year-on-year comparison joins on it, never on id or position. */
  @Column({ type: 'text' })
  key!: string;

  /** The key this question continues from an earlier edition when it was renamed. */
  @Column({ type: 'text', nullable: true })
  continuesKey!: string | null;

  @Column({ type: 'smallint' })
  position!: number;

  @Column({ type: 'text' })
  type!: QuestionType;

  @Column({ type: 'text' })
  textDa!: string;

  @Column({ type: 'text', nullable: true })
  textEn!: string | null;

  @Column({ type: 'text', nullable: true })
  helpDa!: string | null;

  @Column({ type: 'text', nullable: true })
  helpEn!: string | null;

  @Column({ type: 'boolean', default: true })
  required!: boolean;

  @Column({ type: 'boolean', default: false })
  allowNotApplicable!: boolean;

  /** Weight within its area; 0 for questions that are not scored. */
  @Column({ type: 'numeric', precision: 6, scale: 3, default: 1 })
  weight!: string;

  @Column({ type: 'boolean', default: false })
  focusArea!: boolean;

  @Column({ type: 'text', nullable: true })
  unitDa!: string | null;

  @Column({ type: 'numeric', nullable: true })
  min!: string | null;

  @Column({ type: 'numeric', nullable: true })
  max!: string | null;

  @Column({ type: 'boolean', default: false })
  integer!: boolean;

  @Column({ type: 'integer', nullable: true })
  maxLength!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  options!: ChoiceOption[] | null;
}
