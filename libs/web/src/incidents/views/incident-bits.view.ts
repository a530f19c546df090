import type { IncidentStatus, Severity } from '@app/incidents';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { countdown } from '../countdown';
import { labelOf, SEVERITY_BADGES, SEVERITY_LABELS, STATUS_BADGES, STATUS_LABELS } from '../incident-labels';

const badge = (variant: string | null, label: string) =>
  variant
    ? html`<span class="badge badge-${variant}">${label}</span>`
    : html`<span class="badge">${label}</span>`;

export const statusBadge = (status: IncidentStatus) =>
  badge(STATUS_BADGES[status] ?? null, labelOf(STATUS_LABELS, status));

export const severityBadge = (severity: string) =>
  badge(SEVERITY_BADGES[severity as Severity] ?? null, labelOf(SEVERITY_LABELS, severity));

/** A due time with its countdown; a passed one in the error colour, with words (not colour alone). */
export function dueWithCountdown(dueAt: Date | null, now: Date): SafeHtml {
  if (!dueAt) return html`<span class="form-hint">Ingen frist</span>`;
  const c = countdown(dueAt, now);
  return html`<span class="incident-due ${c.overdue ? 'incident-due--overdue' : ''}"
    ><strong>${c.text}</strong><br /><span class="form-hint">${formatDateTime(dueAt)}</span></span
  >`;
}

export const incidentPath = (id: string) => `/haendelser/${id}`;
