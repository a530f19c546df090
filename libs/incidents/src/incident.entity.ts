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
// Other libs' entities: type imports, and the relation by entity name, so that loading the entity
// list (libs/database/src/entities.ts) loads no lib index, with its modules, config and circles.
import type { Municipality } from '@app/municipalities';
import type { User } from '@app/users';
import type { IncidentStatus } from './incident-workflow';
import type {
  BreachNature,
  BreachType,
  Nis2Impact,
  Nis2Significance,
  RootCause,
  Severity,
  SpecialCategory,
  Tlp,
} from './rsit';

export type IncidentSource = 'web' | 'api' | 'cert';

/**
 * A security incident or personal-data breach of one municipality. Indexes serve the KommuneCERT
 * work queue: newest first overall, by status, by assignee, by municipality, and by the next open
 * deadline (overdue, due within hours).
 */
@Entity('incidents')
@Index('UQ_incidents_reference', ['reference'], { unique: true })
@Index('UQ_incidents_reporter_reference', ['municipalityCode', 'reporterReference'], {
  unique: true,
  where: '"reporter_reference" IS NOT NULL',
})
@Index('IDX_incidents_created', ['createdAt', 'id'])
@Index('IDX_incidents_next_due', ['nextDueAt'], { where: '"next_due_at" IS NOT NULL' })
@Index('IDX_incidents_status_created', ['status', 'createdAt'])
@Index('IDX_incidents_assignee_status', ['assigneeId', 'status'])
@Index('IDX_incidents_municipality_created', ['municipalityCode', 'createdAt'])
@Check(
  'CHK_incidents_status',
  `"status" IN ('new','triage','in_progress','contained','resolved','closed','not_an_incident','duplicate')`,
)
@Check('CHK_incidents_source', `"source" IN ('web','api','cert')`)
@Check('CHK_incidents_severity', `"severity" IN ('low','medium','high','critical')`)
@Check('CHK_incidents_tlp', `"tlp" IN ('clear','green','amber','amber+strict','red')`)
@Check('CHK_incidents_nis2', `"nis2_significant" IN ('yes','no','not-assessed')`)
@Check('CHK_incidents_counts', `"pdb_approx_subjects" >= 0 AND "pdb_approx_records" >= 0`)
@Check('CHK_incidents_duplicate', `("status" = 'duplicate') = ("duplicate_of_id" IS NOT NULL)`)
export class Incident {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** `KCERT-<year>-<4-digit sequence>`, gap-free per year (incident_reference_counters). */
  @Column({ type: 'text' })
  reference!: string;

  @Column({ type: 'smallint' })
  municipalityCode!: number;

  @ManyToOne('Municipality', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code' })
  municipality?: Municipality;

  @Column({ type: 'text' })
  source!: IncidentSource;

  @Column({ type: 'uuid', nullable: true })
  reporterUserId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'reporter_user_id' })
  reporterUser?: User;

  @Column({ type: 'uuid', nullable: true })
  reporterApiKeyId!: string | null;

  /** Who reported, as shown: the user's e-mail or `api-key:<prefix>`. */
  @Column({ type: 'text' })
  reporterLabel!: string;

  /** The reporter's own reference (its case number); unique per municipality. */
  @Column({ type: 'text', nullable: true })
  reporterReference!: string | null;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'text', default: 'new' })
  status!: IncidentStatus;

  @Column({ type: 'text' })
  rsitClass!: string;

  @Column({ type: 'text' })
  rsitType!: string;

  @Column({ type: 'text', default: 'amber' })
  tlp!: Tlp;

  @Column({ type: 'text', default: 'medium' })
  severity!: Severity;

  @Column({ type: 'text', default: 'not-assessed' })
  nis2Significant!: Nis2Significance;

  @Column({ type: 'text', nullable: true })
  nis2Impact!: Nis2Impact | null;

  @Column({ type: 'text', nullable: true })
  rootCause!: RootCause | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  affectedSystems!: string[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  affectedServices!: string[];

  /** A KommuneCERT analyst. */
  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @ManyToOne('User', { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'assignee_id' })
  assignee?: User;

  /** Why it was not an incident (MISP incident-disposition), when status is not_an_incident. */
  @Column({ type: 'text', nullable: true })
  disposition!: string | null;

  @Column({ type: 'uuid', nullable: true })
  duplicateOfId!: string | null;

  @ManyToOne(() => Incident, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'duplicate_of_id' })
  duplicateOf?: Incident;

  @Column({ type: 'timestamptz', nullable: true })
  occurredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  detectedAt!: Date | null;

  /** When the municipality as a whole became aware: every regulatory clock starts here. */
  @Column({ type: 'timestamptz' })
  awareAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  containedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** Personal-data breach (GDPR): its type; null when no personal data is involved. */
  @Column({ type: 'text', nullable: true })
  pdbType!: BreachType | null;

  @Column({ type: 'text', array: true, nullable: true })
  pdbNature!: BreachNature[] | null;

  @Column({ type: 'integer', nullable: true })
  pdbApproxSubjects!: number | null;

  @Column({ type: 'integer', nullable: true })
  pdbApproxRecords!: number | null;

  @Column({ type: 'text', array: true, nullable: true })
  pdbSpecialCategories!: SpecialCategory[] | null;

  /** Likely to result in a risk to people: notified to Datatilsynet (Art. 33); else documented only. */
  @Column({ type: 'boolean', nullable: true })
  pdbNotifiable!: boolean | null;

  @Column({ type: 'text', nullable: true })
  pdbDocumentedOnlyReason!: string | null;

  /** Data subjects told (Art. 34). */
  @Column({ type: 'boolean', nullable: true })
  pdbSubjectsInformed!: boolean | null;

  /**
   * The earliest due time of its unsubmitted obligations (null when none), kept by the repository
   * whenever obligations change, so the work queue finds overdue and soon-due incidents by index.
   */
  @Column({ type: 'timestamptz', nullable: true })
  nextDueAt!: Date | null;

  /** Bumped on every change of the incident; a write based on an older version is refused. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
