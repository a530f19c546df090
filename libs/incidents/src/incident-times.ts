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
): { field: keyof IncidentTimes; problem: string } | null {
  for (const field of ['occurredAt', 'detectedAt', 'awareAt'] as const) {
    const t = times[field];
    if (t && t.getTime() > now.getTime() + SKEW_MS) return { field, problem: 'must not be in the future' };
  }
  const { occurredAt, detectedAt, awareAt } = times;
  if (occurredAt && detectedAt && detectedAt < occurredAt) {
    return { field: 'detectedAt', problem: 'must not be before occurredAt' };
  }
  if (occurredAt && awareAt < occurredAt)
    return { field: 'awareAt', problem: 'must not be before occurredAt' };
  return null;
}
