import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
// Another lib's entity: a type import, and the relation by entity name (see answer.entity.ts).
import type { Question } from '@app/surveys';
import type { User } from '@app/users';
import { Response } from './response.entity';

/**
 * One change of one answer: who set or cleared it, when, and at which response version. It is
 * the per-question history the officers read ("Ændret af … den …"), and what a save is checked
 * against: a save based on version v conflicts only on questions with a change after v.
 * It holds the values as they became, because it is the municipality's own data beside its
 * answers (never in the audit chain, which names only the questions).
 */
@Entity('answer_changes')
@Index('IDX_answer_changes_response_version', ['responseId', 'version'])
@Check('CHK_answer_changes_kind', `"kind" IN ('set','cleared')`)
export class AnswerChange {
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

  /** The response version this change created (a change recorded before the history: the version then). */
  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  changedBy!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'changed_by' })
  changedByUser?: User;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  changedAt!: Date;

  @Column({ type: 'text' })
  kind!: 'set' | 'cleared';

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
}
