import type { IncidentPage } from '@app/incidents';

type IncidentListRow = IncidentPage['items'][number];
import { formatNumber, html, SafeHtml } from '@app/ui';
import { OPEN, queueUrl } from '../queue-filters';
import { dueWithCountdown, incidentPath, statusBadge } from './incident-bits.view';

export interface CertHomeCounts {
  unassigned: number;
  overdue: number;
  due24: number;
  mine: number;
}

/** A count that links to the incidents it counts; an urgent one with a red edge when not zero. */
export const countTile = (count: number, label: string, href: string, urgent = false) =>
  html`<li class="incident-tile ${urgent && count > 0 ? 'incident-tile--urgent' : ''}">
    <a href="${href}"><span class="incident-tile__count">${formatNumber(count)}</span> ${label}</a>
  </li>`;

/**
 * KommuneCERT's home: what waits in the queue now (incidents not yet closed, dismissed or merged),
 * each count a link into the same filtered queue.
 */
export function certHomeSection(c: CertHomeCounts): SafeHtml {
  return html`<section class="mb-7" aria-labelledby="haendelser-nu">
    <h2 id="haendelser-nu">Hændelser der venter</h2>
    <ul class="nobullet-list incident-tiles">
      ${countTile(c.unassigned, 'ikke tildelt', queueUrl({ view: 'unassigned', status: OPEN }), true)}
      ${countTile(c.overdue, 'med overskredet frist', queueUrl({ view: 'overdue', status: OPEN }), true)}
      ${countTile(c.due24, 'med frist inden for 24 timer', queueUrl({ view: 'due24', status: OPEN }), true)}
      ${countTile(c.mine, 'tildelt mig', queueUrl({ view: 'mine', status: OPEN }))}
    </ul>
    <a class="button button-primary" href="/haendelser">Gå til arbejdskøen</a>
  </section>`;
}

/** The officer's home: the municipality's open incidents, the nearest deadline first. */
export function officerHomeSection(open: IncidentListRow[], now: Date): SafeHtml {
  const sorted = [...open].sort(
    (a, b) => (a.nextDueAt?.getTime() ?? Infinity) - (b.nextDueAt?.getTime() ?? Infinity),
  );
  return html`<section class="mb-7" aria-labelledby="haendelser-nu">
    <h2 id="haendelser-nu">Kommunens åbne hændelser</h2>
    ${
      sorted.length === 0
        ? html`<p>Kommunen har ingen åbne hændelser.</p>`
        : html`<ul class="nobullet-list incident-home-list">
              ${sorted.slice(0, 5).map(
                (r) =>
                  html`<li>
                    <a href="${incidentPath(r.id)}">${r.reference}: ${r.title}</a>
                    ${statusBadge(r.status)}<br />
                    ${dueWithCountdown(r.nextDueAt, now)}
                  </li>`,
              )}
            </ul>
            ${sorted.length > 5 ? html`<p><a href="/haendelser">Se alle ${formatNumber(sorted.length)} åbne hændelser</a></p>` : null}`
    }
    <p>
      <a class="button button-secondary" href="/haendelser/ny">Anmeld en hændelse</a>
      <a class="function-link ml-4" href="/haendelser">Alle hændelser</a>
    </p>
  </section>`;
}
