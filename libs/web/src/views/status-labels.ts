import { formatDate, formatDateTime, html, SafeHtml } from '@app/ui';

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

/** The dates an edition's status is told with. */
export interface EditionDates {
  status: string;
  closesAt: Date | null;
  closedAt: Date | null;
  publishedAt: Date | null;
}

/**
 * An edition's status in words with its date, for officers: "Åben til 15. januar 2027 kl. 23.59",
 * "Lukket 20. januar 2027", "Offentliggjort 3. marts 2027". An open edition past its deadline
 * takes no answers, so it says so rather than "Åben".
 */
export function editionStatusText(e: EditionDates, now: Date): string {
  switch (e.status) {
    case 'open':
      if (!e.closesAt) return 'Åben';
      return new Date(e.closesAt).getTime() > now.getTime()
        ? `Åben til ${formatDateTime(e.closesAt)}`
        : `Svarfristen udløb ${formatDateTime(e.closesAt)}`;
    case 'closed':
      return e.closedAt ? `Lukket ${formatDate(e.closedAt)}` : 'Lukket';
    case 'published':
      return e.publishedAt ? `Offentliggjort ${formatDate(e.publishedAt)}` : 'Offentliggjort';
    default:
      return editionStatusLabel(e.status);
  }
}
