import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { EditionStatus } from './edition-status';
import { Survey } from './survey.entity';

@Entity('editions')
@Index('UQ_editions_survey_year', ['surveyId', 'year'], { unique: true })
@Check('CHK_editions_status', `"status" IN ('draft','open','closed','published')`)
@Check('CHK_editions_open_has_deadline', `"status" = 'draft' OR "closes_at" IS NOT NULL`)
export class Edition {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  surveyId!: string;

  @ManyToOne(() => Survey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'survey_id' })
  survey?: Survey;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: EditionStatus;

  /** Version of the questionnaire definition it was imported from, or the edition it was copied from. */
  @Column({ type: 'text' })
  questionnaireSource!: string;

  @Column({ type: 'timestamptz', nullable: true })
  opensAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closesAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
