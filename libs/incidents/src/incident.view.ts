import { allowedTransitions, IncidentStatus } from './incident-workflow';
import type { IncidentEvent, IncidentEventKind } from './incident-event.entity';
import type { IncidentObligation } from './incident-obligation.entity';
import type { Incident, IncidentSource } from './incident.entity';
import { isLate, isOverdue, ObligationKind } from './regulatory-clocks';
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

export interface ObligationView {
  kind: ObligationKind;
  anchorAt: Date;
  dueAt: Date;
  submittedAt: Date | null;
  reference: string | null;
  reasonForDelay: string | null;
  overdue: boolean;
  late: boolean;
}

export interface PersonalDataBreachView {
  type: BreachType;
  nature: BreachNature[];
  approxSubjects: number | null;
  approxRecords: number | null;
  specialCategories: SpecialCategory[];
  notifiable: boolean;
  documentedOnlyReason: string | null;
  subjectsInformed: boolean | null;
}

export interface IncidentView {
  id: string;
  reference: string;
  municipalityCode: number;
  source: IncidentSource;
  reporter: string;
  reporterReference: string | null;
  title: string;
  description: string;
  status: IncidentStatus;
  allowedTransitions: readonly IncidentStatus[];
  rsitClass: string;
  rsitType: string;
  tlp: Tlp;
  severity: Severity;
  nis2Significant: Nis2Significance;
  nis2Impact: Nis2Impact | null;
  rootCause: RootCause | null;
  affectedSystems: string[];
  affectedServices: string[];
  assigneeId: string | null;
  disposition: string | null;
  duplicateOfId: string | null;
  occurredAt: Date | null;
  detectedAt: Date | null;
  awareAt: Date;
  containedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  personalDataBreach: PersonalDataBreachView | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The earliest due time of the unsubmitted obligations. */
  nextDueAt: Date | null;
  overdue: boolean;
  obligations: ObligationView[];
}

export interface TimelineEntryView {
  id: string;
  kind: IncidentEventKind;
  field: string | null;
  before: unknown;
  after: unknown;
  actor: string;
  internal: boolean;
  at: Date;
}

export function mapObligation(o: IncidentObligation, now: Date): ObligationView {
  return {
    kind: o.kind,
    anchorAt: o.anchorAt,
    dueAt: o.dueAt,
    submittedAt: o.submittedAt,
    reference: o.reference,
    reasonForDelay: o.reasonForDelay,
    overdue: isOverdue(o, now),
    late: isLate(o),
  };
}

export function personalDataBreachOf(i: Incident): PersonalDataBreachView | null {
  if (i.pdbType === null) return null;
  return {
    type: i.pdbType,
    nature: i.pdbNature ?? [],
    approxSubjects: i.pdbApproxSubjects,
    approxRecords: i.pdbApproxRecords,
    specialCategories: i.pdbSpecialCategories ?? [],
    notifiable: i.pdbNotifiable ?? false,
    documentedOnlyReason: i.pdbDocumentedOnlyReason,
    subjectsInformed: i.pdbSubjectsInformed,
  };
}

export function mapIncident(i: Incident, obligations: IncidentObligation[], now: Date): IncidentView {
  const views = obligations.map((o) => mapObligation(o, now));
  return {
    id: i.id,
    reference: i.reference,
    municipalityCode: i.municipalityCode,
    source: i.source,
    reporter: i.reporterLabel,
    reporterReference: i.reporterReference,
    title: i.title,
    description: i.description,
    status: i.status,
    allowedTransitions: allowedTransitions(i.status),
    rsitClass: i.rsitClass,
    rsitType: i.rsitType,
    tlp: i.tlp,
    severity: i.severity,
    nis2Significant: i.nis2Significant,
    nis2Impact: i.nis2Impact,
    rootCause: i.rootCause,
    affectedSystems: i.affectedSystems,
    affectedServices: i.affectedServices,
    assigneeId: i.assigneeId,
    disposition: i.disposition,
    duplicateOfId: i.duplicateOfId,
    occurredAt: i.occurredAt,
    detectedAt: i.detectedAt,
    awareAt: i.awareAt,
    containedAt: i.containedAt,
    resolvedAt: i.resolvedAt,
    closedAt: i.closedAt,
    personalDataBreach: personalDataBreachOf(i),
    version: i.version,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
    nextDueAt:
      views
        .filter((o) => o.submittedAt === null)
        .map((o) => o.dueAt)
        .sort((a, b) => a.getTime() - b.getTime())[0] ?? null,
    overdue: views.some((o) => o.overdue),
    obligations: views,
  };
}

export function mapEvent(e: IncidentEvent): TimelineEntryView {
  return {
    id: e.id,
    kind: e.kind,
    field: e.field,
    before: e.before,
    after: e.after,
    actor: e.actor,
    internal: e.internal,
    at: e.at,
  };
}
