import type { FieldProblemOf } from './incident-problem';

/** A clock skew allowed between the reporter's computer and the server. */
const SKEW_MS = 5 * 60_000;

export interface IncidentTimes {
  occurredAt: Date | null;
  detectedAt: Date | null;
  awareAt: Date;
}

/** The first problem with an incident's times, naming the field, or null. */
export function incidentTimesProblem(
  times: IncidentTimes,
  now: Date,
): FieldProblemOf<keyof IncidentTimes> | null {
  for (const field of ['occurredAt', 'detectedAt', 'awareAt'] as const) {
    const t = times[field];
    if (t && t.getTime() > now.getTime() + SKEW_MS)
      return { field, problem: 'must not be in the future', reason: 'IN_FUTURE' };
  }
  const { occurredAt, detectedAt, awareAt } = times;
  if (occurredAt && detectedAt && detectedAt < occurredAt) {
    return { field: 'detectedAt', problem: 'must not be before occurredAt', reason: 'BEFORE_OCCURRED' };
  }
  if (occurredAt && awareAt < occurredAt)
    return { field: 'awareAt', problem: 'must not be before occurredAt', reason: 'BEFORE_OCCURRED' };
  return null;
}
