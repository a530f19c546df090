import { html, SafeHtml } from '@app/ui';

type BadgeVariant = 'success' | 'info' | 'warning' | 'error' | null;

const RESPONSE_STATUS: Record<string, { label: string; badge: BadgeVariant }> = {
  not_started: { label: 'Ikke påbegyndt', badge: null },
  in_progress: { label: 'I gang', badge: 'info' },
  submitted: { label: 'Indsendt', badge: 'success' },
};

const EDITION_STATUS: Record<string, { label: string; badge: BadgeVariant }> = {
  draft: { label: 'Kladde', badge: null },
  open: { label: 'Åben', badge: 'info' },
  closed: { label: 'Lukket', badge: 'warning' },
  published: { label: 'Offentliggjort', badge: 'success' },
};

export const editionStatusLabel = (status: string) => EDITION_STATUS[status]?.label ?? status;

/** A neutral status is plain text: DKFDS's plain badge is dark and would outshine the others. */
function badge(entry: { label: string; badge: BadgeVariant } | undefined, fallback: string): SafeHtml {
  const label = entry?.label ?? fallback;
  return entry?.badge ? html`<span class="badge badge-${entry.badge}">${label}</span>` : html`${label}`;
}

/** A municipality's response status (ikke påbegyndt / i gang / indsendt) as a DKFDS badge. */
export const responseStatusBadge = (status: string) => badge(RESPONSE_STATUS[status], status);

/** An edition's lifecycle status as a DKFDS badge. */
export const editionStatusBadge = (status: string) => badge(EDITION_STATUS[status], status);
