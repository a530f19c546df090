import type { FieldProblemOf } from './incident-problem';
import { NOT_AN_INCIDENT_DISPOSITIONS, NotAnIncidentDisposition } from './rsit';

export const INCIDENT_STATUSES = [
  'new',
  'triage',
  'in_progress',
  'contained',
  'resolved',
  'closed',
  'not_an_incident',
  'duplicate',
] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/**
 * The workflow: new → triage → in_progress → contained → resolved → closed. Triage may end in
 * "not an incident" or "duplicate"; containment may fail (back to in_progress); a resolved or
 * closed incident may be reopened, and a dismissed one goes back to triage.
 */
const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  new: ['triage', 'not_an_incident', 'duplicate'],
  triage: ['in_progress', 'not_an_incident', 'duplicate'],
  in_progress: ['contained', 'resolved'],
  contained: ['in_progress', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: ['in_progress'],
  not_an_incident: ['triage'],
  duplicate: ['triage'],
};

export function allowedTransitions(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

/** Whether the incident is handled: it no longer needs anyone's work (reminders stop). */
export function isSettled(status: IncidentStatus): boolean {
  return status === 'closed' || status === 'not_an_incident' || status === 'duplicate';
}

export interface TransitionRequest {
  to: IncidentStatus;
  disposition?: string | null;
  duplicateOf?: string | null;
}

export type TransitionProblem =
  | { kind: 'not-allowed'; from: IncidentStatus; to: IncidentStatus; allowed: readonly IncidentStatus[] }
  | ({ kind: 'invalid' } & FieldProblemOf<'disposition' | 'duplicateOf'>);

/** Why the transition cannot happen, or null when it can. */
export function transitionProblem(
  from: IncidentStatus,
  request: TransitionRequest,
): TransitionProblem | null {
  const allowed = allowedTransitions(from);
  if (!allowed.includes(request.to)) return { kind: 'not-allowed', from, to: request.to, allowed };
  if (request.to === 'not_an_incident') {
    if (!request.disposition || !isNotAnIncidentDisposition(request.disposition)) {
      return {
        kind: 'invalid',
        field: 'disposition',
        problem: `is required for not_an_incident and must be one of ${NOT_AN_INCIDENT_DISPOSITIONS.join(', ')}`,
        reason: 'DISPOSITION_REQUIRED',
      };
    }
  } else if (request.disposition) {
    return {
      kind: 'invalid',
      field: 'disposition',
      problem: 'is only given with to=not_an_incident',
      reason: 'INVALID',
    };
  }
  if (request.to === 'duplicate') {
    if (!request.duplicateOf) {
      return {
        kind: 'invalid',
        field: 'duplicateOf',
        problem: 'is required for duplicate (the original incident)',
        reason: 'DUPLICATE_OF_REQUIRED',
      };
    }
  } else if (request.duplicateOf) {
    return {
      kind: 'invalid',
      field: 'duplicateOf',
      problem: 'is only given with to=duplicate',
      reason: 'INVALID',
    };
  }
  return null;
}

function isNotAnIncidentDisposition(value: string): value is NotAnIncidentDisposition {
  return (NOT_AN_INCIDENT_DISPOSITIONS as readonly string[]).includes(value);
}

/** The times a transition stamps: the first containment, resolution and closing are kept. */
export function transitionTimes(
  to: IncidentStatus,
  now: Date,
  current: { containedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null },
): { containedAt: Date | null; resolvedAt: Date | null; closedAt: Date | null } {
  return {
    containedAt: to === 'contained' ? (current.containedAt ?? now) : current.containedAt,
    resolvedAt: to === 'resolved' ? now : to === 'in_progress' ? null : current.resolvedAt,
    closedAt: to === 'closed' || to === 'not_an_incident' || to === 'duplicate' ? now : null,
  };
}
