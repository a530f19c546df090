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

/** A file kept in PostgreSQL (at most 10 MB), its type recognised by content. */
@Entity('incident_attachments')
@Index('IDX_incident_attachments_incident', ['incidentId'])
export class IncidentAttachment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  incidentId!: string;

  @ManyToOne(() => Incident, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'incident_id' })
  incident?: Incident;

  @Column({ type: 'text' })
  fileName!: string;

  @Column({ type: 'text' })
  mediaType!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'text' })
  sha256!: string;

  @Column({ type: 'bytea', select: false })
  content!: Buffer;

  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  @Column({ type: 'text', nullable: true })
  tlp!: Tlp | null;

  @Column({ type: 'uuid', nullable: true })
  uploadedById!: string | null;

  @Column({ type: 'text' })
  uploadedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
