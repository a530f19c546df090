import type { ParticipationRow } from './responses.repository';

export const PARTICIPATION_STATUSES = ['not_started', 'in_progress', 'submitted'] as const;
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number];

export const PARTICIPATION_SORTS = ['name', 'region', 'status', 'lastActivity'] as const;
export type ParticipationSort = (typeof PARTICIPATION_SORTS)[number];

/** Which municipalities KL looks at, and in what order. */
export interface ParticipationQuery {
  regionCode?: number;
  status?: ParticipationStatus;
  sort?: ParticipationSort;
}

const byName = (a: ParticipationRow, b: ParticipationRow) =>
  a.municipalityName.localeCompare(b.municipalityName, 'da');
const STATUS_ORDER: Record<ParticipationStatus, number> = { not_started: 0, in_progress: 1, submitted: 2 };
const time = (d: Date | null) => (d ? new Date(d).getTime() : -Infinity);

/**
 * The comparators: name in Danish order (Å last); region, then name; status from not started to
 * submitted (who needs a nudge first), then name; last activity newest first, never-active last.
 */
const ORDER: Record<ParticipationSort, (a: ParticipationRow, b: ParticipationRow) => number> = {
  name: byName,
  region: (a, b) => a.regionName.localeCompare(b.regionName, 'da') || byName(a, b),
  status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byName(a, b),
  lastActivity: (a, b) => time(b.lastChangedAt) - time(a.lastChangedAt) || byName(a, b),
};

/** The rows that match the filters, sorted (by name unless asked otherwise). */
export function selectParticipation(rows: ParticipationRow[], query: ParticipationQuery): ParticipationRow[] {
  return rows
    .filter((r) => query.regionCode === undefined || r.regionCode === query.regionCode)
    .filter((r) => query.status === undefined || r.status === query.status)
    .sort(ORDER[query.sort ?? 'name']);
}
