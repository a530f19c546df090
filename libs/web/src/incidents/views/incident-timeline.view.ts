import type { TimelineEntryView } from '@app/incidents';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import {
  DISPOSITION_LABELS,
  labelOf,
  NIS2_SIGNIFICANCE_LABELS,
  OBLIGATION_LABELS,
  RSIT_CLASS_LABELS,
  RSIT_TYPE_LABELS,
  SEVERITY_LABELS,
  STATUS_LABELS,
  TLP_LABELS,
} from '../incident-labels';

const FIELD_LABELS: Record<string, { label: string; values?: Record<string, string> }> = {
  title: { label: 'Overskrift' },
  description: { label: 'Beskrivelse' },
  rsitClass: { label: 'RSIT-klasse', values: RSIT_CLASS_LABELS },
  rsitType: { label: 'RSIT-type', values: RSIT_TYPE_LABELS },
  severity: { label: 'Alvor', values: SEVERITY_LABELS },
  tlp: { label: 'TLP', values: TLP_LABELS },
  nis2Significant: { label: 'Væsentlig efter NIS2', values: NIS2_SIGNIFICANCE_LABELS },
  nis2Impact: { label: 'NIS2-påvirkning' },
  rootCause: { label: 'Grundårsag' },
  affectedSystems: { label: 'Berørte systemer' },
  affectedServices: { label: 'Berørte tjenester' },
  occurredAt: { label: 'Skete' },
  detectedAt: { label: 'Opdaget' },
  awareAt: { label: 'Fik kendskab' },
  personalDataBreach: { label: 'Personoplysninger' },
};

const TIMES = new Set(['occurredAt', 'detectedAt', 'awareAt']);

function value(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return '–';
  if (TIMES.has(field) && typeof v === 'string') return formatDateTime(v);
  const table = FIELD_LABELS[field]?.values;
  if (table && typeof v === 'string') return labelOf(table, v);
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return 'ændret';
  return String(v);
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** One timeline entry in Danish words. */
export function timelineText(e: TimelineEntryView, analysts: Map<string, string>): SafeHtml {
  switch (e.kind) {
    case 'reported':
      return html`Hændelsen blev anmeldt.`;
    case 'status-changed':
      return html`Status: ${labelOf(STATUS_LABELS, String(e.before))} →
        <strong>${labelOf(STATUS_LABELS, String(e.after))}</strong>`;
    case 'assigned': {
      const name = (id: unknown) =>
        typeof id === 'string' ? (analysts.get(id) ?? 'en analytiker') : 'ingen';
      return html`Tildelt: ${name(e.before)} → <strong>${name(e.after)}</strong>`;
    }
    case 'comment-added':
      return html`Kommentar tilføjet${e.internal ? ' (intern)' : ''}.`;
    case 'attachment-added':
      return html`Bilag tilføjet: ${String(record(e.after).fileName ?? '')}`;
    case 'obligation-submitted':
      return html`Indsendelse registreret: ${labelOf(OBLIGATION_LABELS, e.field)}`;
    case 'obligations-recomputed':
      return html`Fristerne blev beregnet igen.`;
    case 'field-changed': {
      if (e.field === 'statusReason') {
        const r = record(e.after);
        const parts = [
          r.reason ? `Begrundelse: ${String(r.reason)}` : null,
          r.disposition ? `Årsag: ${labelOf(DISPOSITION_LABELS, String(r.disposition))}` : null,
          r.duplicateOf ? `Dublet af ${String(r.duplicateOf)}` : null,
        ].filter(Boolean);
        return html`${parts.join(' · ')}`;
      }
      const field = e.field ?? '';
      const label = FIELD_LABELS[field]?.label ?? field;
      return html`${label}: ${value(field, e.before)} → <strong>${value(field, e.after)}</strong>`;
    }
    default:
      return html`${String(e.kind)}`;
  }
}
