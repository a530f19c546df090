import type { IncidentPage } from '@app/incidents';
import { copenhagenYear, INCIDENT_STATUSES, SEVERITIES } from '@app/incidents';
import { formatDateTime, formatNumber, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { labelOf, RSIT_CLASS_LABELS, SEVERITY_LABELS, STATUS_LABELS } from '../incident-labels';
import { OPEN, QueueFilters, queueUrl, QueueView } from '../queue-filters';
import { dueWithCountdown, incidentPath, severityBadge, statusBadge } from './incident-bits.view';
import { selectField, textField } from './incident-fields.view';

export interface IncidentListModel {
  user: PageUser;
  csrfToken: string;
  /** KommuneCERT's work queue, or a municipality's own list. */
  cert: boolean;
  page: IncidentPage;
  filters: QueueFilters;
  municipalities: Array<{ code: number; name: string }>;
  analysts: Map<string, string>;
  now: Date;
  notice?: string | null;
}

const VIEWS: Array<{ view: QueueView; label: string }> = [
  { view: '', label: 'Alle' },
  { view: 'mine', label: 'Mine' },
  { view: 'unassigned', label: 'Ikke tildelt' },
  { view: 'overdue', label: 'Overskredne frister' },
  { view: 'due24', label: 'Frist inden for 24 timer' },
];

function viewTabs(f: QueueFilters): SafeHtml {
  return html`<nav aria-label="Arbejdskø" class="mb-5">
    <ul class="incident-views nobullet-list">
      ${VIEWS.map((v) =>
        v.view === f.view
          ? html`<li>
              <a
                href="${queueUrl({ ...f, view: v.view, page: 1 })}"
                aria-current="page"
                class="incident-view--current"
                >${v.label}</a
              >
            </li>`
          : html`<li><a href="${queueUrl({ ...f, view: v.view, page: 1 })}">${v.label}</a></li>`,
      )}
    </ul>
  </nav>`;
}

function filterForm(m: IncidentListModel): SafeHtml {
  const f = m.filters;
  const any = { value: '', label: 'Alle' };
  return html`<form method="get" action="/haendelser" class="incident-filters" aria-label="Filtre">
    ${f.view ? html`<input type="hidden" name="vis" value="${f.view}" />` : null}
    ${selectField('filter-kommune', 'kommune', 'Kommune', [any, ...m.municipalities.map((x) => ({ value: String(x.code), label: x.name }))], f.municipality)}
    ${selectField('filter-status', 'status', 'Status', [any, { value: OPEN, label: 'Åbne (ikke afsluttede)' }, ...INCIDENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))], f.status)}
    ${selectField('filter-alvor', 'alvor', 'Alvor', [any, ...SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))], f.severity)}
    ${textField('filter-q', 'q', 'Søg i tekst og reference', f.q)}
    <div class="incident-filters__actions">
      <button type="submit" class="button button-secondary">Filtrér</button>
      <a href="${queueUrl({ view: f.view })}" class="function-link">Nulstil</a>
    </div>
  </form>`;
}

function table(m: IncidentListModel): SafeHtml {
  const rows = m.page.items;
  return html`<div class="table--responsive-scroll" tabindex="0">
    <table class="table table--zebra incident-table">
      <caption class="sr-only">
        Hændelser
      </caption>
      <thead>
        <tr>
          <th scope="col">Hændelse</th>
          ${m.cert ? html`<th scope="col">Kommune</th>` : null}
          <th scope="col">Status</th>
          <th scope="col">Klasse</th>
          <th scope="col">Alvor</th>
          ${m.cert ? html`<th scope="col">Tildelt</th>` : null}
          <th scope="col">Næste frist</th>
          <th scope="col">Kendt siden</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-reference="${r.reference}">
              <th scope="row">
                <a href="${incidentPath(r.id)}" class="incident-ref">${r.reference}</a><br /><span
                  class="weight-normal"
                  >${r.title}</span
                >
              </th>
              ${m.cert ? html`<td>${r.municipalityName}</td>` : null}
              <td>${statusBadge(r.status)}</td>
              <td>${labelOf(RSIT_CLASS_LABELS, r.rsitClass)}</td>
              <td>${severityBadge(r.severity)}</td>
              ${m.cert ? html`<td>${r.assigneeId ? (m.analysts.get(r.assigneeId) ?? 'Anden analytiker') : html`<em>Ikke tildelt</em>`}</td>` : null}
              <td>${dueWithCountdown(r.nextDueAt, m.now)}</td>
              <td>${formatDateTime(r.awareAt)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function pagination(m: IncidentListModel): SafeHtml | null {
  const { total, limit, offset } = m.page;
  if (total <= limit) return null;
  const page = Math.floor(offset / limit) + 1;
  const pages = Math.ceil(total / limit);
  return html`<nav aria-label="Sider" class="incident-pagination">
    ${page > 1 ? html`<a class="button button-secondary" href="${queueUrl({ ...m.filters, page: page - 1 })}">Forrige side</a>` : null}
    <span>Side ${formatNumber(page)} af ${formatNumber(pages)}</span>
    ${page < pages ? html`<a class="button button-secondary" href="${queueUrl({ ...m.filters, page: page + 1 })}">Næste side</a>` : null}
  </nav>`;
}

/** The queue as filtered, every page of it, for a spreadsheet (the filters travel in the links). */
function downloads(f: QueueFilters): SafeHtml {
  return html`<p class="incident-downloads">
    Hent hændelserne i filteret:
    <a href="${queueUrl(f, 'csv')}" class="ml-4" download>CSV (dansk Excel)</a>
    <a href="${queueUrl(f, 'xlsx')}" class="ml-4" download>Excel (XLSX)</a>
  </p>`;
}

/**
 * KommuneCERT's yearly mapping PDF, this year's and last year's: national and regional figures only,
 * so it can be passed on (docs/incident-statistics.md).
 */
function mappingLinks(now: Date): SafeHtml {
  const year = copenhagenYear(now);
  // Each link names its year and format, so it reads right out of context (a screen reader's list).
  return html`<p class="incident-mapping">
    Årlig kortlægning med tal for hele landet og regionerne, som kan deles videre:
    ${[year, year - 1].map(
      (y) =>
        html`<a href="/haendelser/kortlaegning.pdf?aar=${String(y)}" class="ml-4" download
          >Kortlægning af cyberhændelser ${String(y)} (PDF)</a
        >`,
    )}
  </p>`;
}

export function incidentListView(m: IncidentListModel): string {
  const { total } = m.page;
  const heading = m.cert ? 'Arbejdskø' : 'Hændelser';
  const intro = m.cert
    ? 'Alle kommunernes hændelser. Filtrene gemmes i adressen, så du kan gemme og dele en visning.'
    : `${m.user.municipalityName ?? 'Kommunen'} Kommunes hændelser. Anmeld en hændelse, så snart I opdager den: fristerne løber fra det tidspunkt, I fik kendskab til den.`;
  const empty = m.cert
    ? alert('info', 'Ingen hændelser', 'Ingen hændelser passer til filtrene.')
    : alert('info', 'Ingen hændelser endnu', 'Kommunen har ikke anmeldt nogen hændelser.');
  return layout({
    title: heading,
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: heading }])}
      <h1>${heading}</h1>
      <p class="font-lead">${intro}</p>
      ${m.notice ? alert('success', m.notice) : null}
      ${
        m.cert
          ? html`${viewTabs(m.filters)} ${filterForm(m)}`
          : html`<p>
              <a class="button button-primary" href="/haendelser/ny">Anmeld en hændelse</a>
              <a class="function-link ml-4" href="/haendelsestal">Kommunens hændelser i tal</a>
            </p>`
      }
      <p class="incident-count" role="status">
        ${total === 1 ? '1 hændelse' : `${formatNumber(total)} hændelser`}
      </p>
      ${m.cert && total > 0 ? downloads(m.filters) : null} ${m.cert ? mappingLinks(m.now) : null}
      ${total > 0 ? html`${table(m)} ${pagination(m)}` : empty}`,
  });
}
