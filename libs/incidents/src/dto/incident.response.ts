import { ApiProperty } from '@nestjs/swagger';
import type { AttachmentView, IncidentPage } from '../incidents.service';
import type { IncidentComment } from '../incident-comment.entity';
import type { IncidentEventKind } from '../incident-event.entity';
import type { IncidentSource } from '../incident.entity';
import type { IncidentListRow } from '../incidents.repository';
import { INCIDENT_STATUSES, IncidentStatus } from '../incident-workflow';
import type {
  IncidentView,
  ObligationView,
  PersonalDataBreachView,
  TimelineEntryView,
} from '../incident.view';
import { OBLIGATION_KINDS, ObligationKind } from '../regulatory-clocks';
import {
  BREACH_NATURES,
  BREACH_TYPES,
  BreachNature,
  BreachType,
  NIS2_IMPACTS,
  NIS2_SIGNIFICANCE,
  Nis2Impact,
  Nis2Significance,
  ROOT_CAUSES,
  RootCause,
  RSIT_CLASSES,
  SEVERITIES,
  Severity,
  SPECIAL_CATEGORIES,
  SpecialCategory,
  TLP_LEVELS,
  Tlp,
} from '../rsit';

// The documented shapes of what the incident routes answer. Each class implements the view the
// service returns, so that a field added there and not here fails to compile.

const SOURCES: IncidentSource[] = ['web', 'api', 'cert'];
const EVENT_KINDS: IncidentEventKind[] = [
  'reported',
  'field-changed',
  'status-changed',
  'assigned',
  'comment-added',
  'attachment-added',
  'obligation-submitted',
  'obligations-recomputed',
];
const NULLABLE_DATE = { nullable: true, type: Date } as const;
const NULLABLE_TEXT = { nullable: true, type: String } as const;
const NULLABLE_TLP = { nullable: true, enum: TLP_LEVELS, description: 'TLP:RED is for KommuneCERT alone' };

export class ObligationDto implements ObligationView {
  @ApiProperty({ enum: OBLIGATION_KINDS })
  kind!: ObligationKind;

  @ApiProperty({ description: 'What the due time counts from: awareAt, or the NIS2 notification' })
  anchorAt!: Date;

  @ApiProperty()
  dueAt!: Date;

  @ApiProperty(NULLABLE_DATE)
  submittedAt!: Date | null;

  @ApiProperty({ ...NULLABLE_TEXT, description: "The recipient's reference" })
  reference!: string | null;

  @ApiProperty(NULLABLE_TEXT)
  reasonForDelay!: string | null;

  @ApiProperty({ description: 'Unsubmitted and past its due time' })
  overdue!: boolean;

  @ApiProperty({ description: 'Submitted after its due time' })
  late!: boolean;
}

export class PersonalDataBreachViewDto implements PersonalDataBreachView {
  @ApiProperty({ enum: BREACH_TYPES })
  type!: BreachType;

  @ApiProperty({ enum: BREACH_NATURES, isArray: true })
  nature!: BreachNature[];

  @ApiProperty({ nullable: true, type: Number })
  approxSubjects!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  approxRecords!: number | null;

  @ApiProperty({ enum: SPECIAL_CATEGORIES, isArray: true, description: 'GDPR Art. 9' })
  specialCategories!: SpecialCategory[];

  @ApiProperty({ description: 'Notifiable to Datatilsynet (GDPR Art. 33)' })
  notifiable!: boolean;

  @ApiProperty(NULLABLE_TEXT)
  documentedOnlyReason!: string | null;

  @ApiProperty({ nullable: true, type: Boolean, description: 'Data subjects told (GDPR Art. 34)' })
  subjectsInformed!: boolean | null;
}

/** An incident with its obligations, as every incident route that changes it answers. */
export class IncidentDto implements IncidentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'KCERT-2026-0001' })
  reference!: string;

  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty({ enum: SOURCES })
  source!: IncidentSource;

  @ApiProperty({ description: 'Who reported it: an e-mail address or api-key:<prefix>' })
  reporter!: string;

  @ApiProperty(NULLABLE_TEXT)
  reporterReference!: string | null;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status!: IncidentStatus;

  @ApiProperty({ enum: INCIDENT_STATUSES, isArray: true })
  allowedTransitions!: readonly IncidentStatus[];

  @ApiProperty({ enum: RSIT_CLASSES })
  rsitClass!: string;

  @ApiProperty({ description: 'A type of the RSIT class' })
  rsitType!: string;

  @ApiProperty({ enum: TLP_LEVELS })
  tlp!: Tlp;

  @ApiProperty({ enum: SEVERITIES })
  severity!: Severity;

  @ApiProperty({ enum: NIS2_SIGNIFICANCE })
  nis2Significant!: Nis2Significance;

  @ApiProperty({ nullable: true, enum: NIS2_IMPACTS })
  nis2Impact!: Nis2Impact | null;

  @ApiProperty({ nullable: true, enum: ROOT_CAUSES })
  rootCause!: RootCause | null;

  @ApiProperty({ type: [String] })
  affectedSystems!: string[];

  @ApiProperty({ type: [String] })
  affectedServices!: string[];

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  assigneeId!: string | null;

  @ApiProperty({ ...NULLABLE_TEXT, description: 'Why it is not an incident' })
  disposition!: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  duplicateOfId!: string | null;

  @ApiProperty(NULLABLE_DATE)
  occurredAt!: Date | null;

  @ApiProperty(NULLABLE_DATE)
  detectedAt!: Date | null;

  @ApiProperty({ description: 'When the municipality became aware: the regulatory clocks count from it' })
  awareAt!: Date;

  @ApiProperty(NULLABLE_DATE)
  containedAt!: Date | null;

  @ApiProperty(NULLABLE_DATE)
  resolvedAt!: Date | null;

  @ApiProperty(NULLABLE_DATE)
  closedAt!: Date | null;

  @ApiProperty({ type: PersonalDataBreachViewDto, nullable: true })
  personalDataBreach!: PersonalDataBreachViewDto | null;

  @ApiProperty({ description: 'Send it back with the next change (optimistic locking)' })
  version!: number;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  updatedAt!: Date;

  @ApiProperty({ ...NULLABLE_DATE, description: 'The earliest due time of the unsubmitted obligations' })
  nextDueAt!: Date | null;

  @ApiProperty()
  overdue!: boolean;

  @ApiProperty({ type: [ObligationDto] })
  obligations!: ObligationDto[];
}

export class IncidentListItemDto implements IncidentListRow {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'KCERT-2026-0001' })
  reference!: string;

  @ApiProperty()
  municipalityCode!: number;

  @ApiProperty()
  municipalityName!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status!: IncidentStatus;

  @ApiProperty({ enum: RSIT_CLASSES })
  rsitClass!: string;

  @ApiProperty()
  rsitType!: string;

  @ApiProperty({ enum: SEVERITIES })
  severity!: string;

  @ApiProperty({ enum: TLP_LEVELS })
  tlp!: string;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  assigneeId!: string | null;

  @ApiProperty()
  awareAt!: Date;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty()
  version!: number;

  @ApiProperty(NULLABLE_DATE)
  nextDueAt!: Date | null;

  @ApiProperty()
  overdue!: boolean;
}

/** One page of incidents, newest first (the deadline filters: nearest deadline first), with the total that matches the filters. */
export class IncidentListDto implements IncidentPage {
  @ApiProperty()
  total!: number;

  @ApiProperty()
  limit!: number;

  @ApiProperty()
  offset!: number;

  @ApiProperty({ type: [IncidentListItemDto] })
  items!: IncidentListItemDto[];
}

export class TimelineEntryDto implements TimelineEntryView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: EVENT_KINDS })
  kind!: IncidentEventKind;

  @ApiProperty({ ...NULLABLE_TEXT, description: 'The field or obligation kind that changed' })
  field!: string | null;

  @ApiProperty({ nullable: true, description: 'The value before: any JSON value' })
  before!: unknown;

  @ApiProperty({ nullable: true, description: 'The value after: any JSON value' })
  after!: unknown;

  @ApiProperty({ description: 'Who: an e-mail address or api-key:<prefix>' })
  actor!: string;

  @ApiProperty({ description: 'Internal to KommuneCERT' })
  internal!: boolean;

  @ApiProperty()
  at!: Date;
}

export class IncidentCommentDto implements Omit<IncidentComment, 'incident'> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty()
  body!: string;

  @ApiProperty({ description: 'Internal to KommuneCERT; otherwise shared with the municipality' })
  internal!: boolean;

  @ApiProperty(NULLABLE_TLP)
  tlp!: Tlp | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  authorId!: string | null;

  @ApiProperty()
  author!: string;

  @ApiProperty()
  createdAt!: Date;
}

/** An attachment's facts; its bytes come from GET …/attachments/:attachmentId. */
export class IncidentAttachmentDto implements AttachmentView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty()
  fileName!: string;

  @ApiProperty({ description: 'Recognised by the content, not the name' })
  mediaType!: string;

  @ApiProperty({ description: 'Bytes' })
  size!: number;

  @ApiProperty({ description: 'SHA-256 of the content, hex' })
  sha256!: string;

  @ApiProperty({ description: 'Internal to KommuneCERT' })
  internal!: boolean;

  @ApiProperty(NULLABLE_TLP)
  tlp!: Tlp | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  uploadedById!: string | null;

  @ApiProperty()
  uploadedBy!: string;

  @ApiProperty()
  createdAt!: Date;
}
