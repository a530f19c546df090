import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { Question } from '@app/surveys';
import { Response } from './response.entity';

/**
 * One answer. Typed columns rather than JSON so statistics can aggregate `value_number` in SQL:
 * scale and number answers use value_number, yes/no value_bool, single choice and text value_text,
 * multiple choice value_choices.
 */
@Entity('answers')
@Index('IDX_answers_question_id', ['questionId'])
export class Answer {
  @PrimaryColumn({ type: 'uuid' })
  responseId!: string;

  @ManyToOne(() => Response, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: Response;

  @PrimaryColumn({ type: 'uuid' })
  questionId!: string;

  @ManyToOne('Question', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'question_id' })
  question?: Question;

  @Column({ type: 'numeric', nullable: true })
  valueNumber!: string | null;

  @Column({ type: 'boolean', nullable: true })
  valueBool!: boolean | null;

  @Column({ type: 'text', nullable: true })
  valueText!: string | null;

  @Column({ type: 'text', array: true, nullable: true })
  valueChoices!: string[] | null;

  @Column({ type: 'boolean', default: false })
  notApplicable!: boolean;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
