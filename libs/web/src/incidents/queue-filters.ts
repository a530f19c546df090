import { INCIDENT_STATUSES, IncidentStatus, isSettled, SEVERITIES } from '@app/incidents';
import type { ExportIncidentsQueryDto, IncidentExportFormat, ListIncidentsQueryDto } from '@app/incidents';

export const QUEUE_VIEWS = ['', 'mine', 'unassigned', 'overdue', 'due24'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const PAGE_SIZE = 25;

/** `status=aabne` in the URL: every status that still needs someone's work. */
export const OPEN = 'aabne';
export const OPEN_STATUSES = INCIDENT_STATUSES.filter((s) => !isSettled(s));

/** The work queue's filters as the URL keeps them, so that a filtered queue can be bookmarked and shared. */
export interface QueueFilters {
  view: QueueView;
  municipality: string;
  status: string;
  severity: string;
  q: string;
  page: number;
}

const one = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The URL's query as filters; a value that is not one of the choices is ignored, not an error. */
export function queueFilters(query: Record<string, unknown>): QueueFilters {
  const view = one(query.vis);
  const municipality = one(query.kommune);
  const status = one(query.status);
  const severity = one(query.alvor);
  const page = Number(one(query.side));
  return {
    view: (QUEUE_VIEWS as readonly string[]).includes(view) ? (view as QueueView) : '',
    municipality: /^\d{3}$/.test(municipality) ? municipality : '',
    status: status === OPEN || (INCIDENT_STATUSES as readonly string[]).includes(status) ? status : '',
    severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : '',
    q: one(query.q).slice(0, 200),
    page: Number.isInteger(page) && page >= 1 && page <= 40_000 ? page : 1,
  };
}

/** The filters as the incident service's export query: the queue's selection, every page of it. */
export function exportQuery(f: QueueFilters): ExportIncidentsQueryDto {
  return {
    ...(f.view === 'mine' ? { assignee: 'me' } : {}),
    ...(f.view === 'unassigned' ? { assignee: 'none' } : {}),
    ...(f.view === 'overdue' ? { overdue: 'true' as const } : {}),
    ...(f.view === 'due24' ? { dueWithinHours: 24 } : {}),
    ...(f.municipality ? { municipality: Number(f.municipality) } : {}),
    ...(f.status ? { status: f.status === OPEN ? OPEN_STATUSES : [f.status as IncidentStatus] } : {}),
    ...(f.severity ? { severity: f.severity } : {}),
    ...(f.q ? { q: f.q } : {}),
  };
}

/** The filters as the incident service's list query, one page of it. */
export function listQuery(f: QueueFilters): ListIncidentsQueryDto {
  return { ...exportQuery(f), limit: PAGE_SIZE, offset: (f.page - 1) * PAGE_SIZE };
}

/** The queue's URL for these filters (empty ones left out); with a format, its download. */
export function queueUrl(f: Partial<QueueFilters>, format?: IncidentExportFormat): string {
  const params = new URLSearchParams();
  if (f.view) params.set('vis', f.view);
  if (f.municipality) params.set('kommune', f.municipality);
  if (f.status) params.set('status', f.status);
  if (f.severity) params.set('alvor', f.severity);
  if (f.q) params.set('q', f.q);
  if (f.page && f.page > 1 && !format) params.set('side', String(f.page));
  const query = params.toString();
  const path = format ? `/haendelser/eksport.${format}` : '/haendelser';
  return query ? `${path}?${query}` : path;
}
