import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Incident } from './incident.entity';
import type { Tlp } from './rsit';

@Entity('incident_comments')
@Index('IDX_incident_comments_incident_created', ['incidentId', 'createdAt'])
export class IncidentComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'text' })
  body!: string;

  /** Internal to KommuneCERT; otherwise shared with the municipality. */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  /** TLP:RED is for KommuneCERT alone, even when the comment is not internal. */
  @Column({ type: 'text', nullable: true })
  tlp!: Tlp | null;

  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text' })
  author!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
