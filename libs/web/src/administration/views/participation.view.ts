import type { ParticipationDto, ParticipationQuery, ParticipationSort } from '@app/responses';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { responseStatusBadge } from '../../views/status-labels';
import { ADMIN_EDITIONS_PATH } from './editions-admin.view';

export type Participation = ParticipationDto;

export interface ParticipationPageModel {
  user: PageUser;
  csrfToken: string;
  participation: Participation;
  regions: Array<{ code: number; name: string }>;
  query: ParticipationQuery;
  /** The edition can still be answered: reminders make sense. */
  remindable: boolean;
  /** After "Send påmindelse nu": how many municipalities, and how many had one today already. */
  reminded?: { municipalities: number; alreadyToday: number };
}

/** The order, also as a field: on a phone the table's sortable headers are folded into cards. */
const SORT_OPTIONS: Array<[ParticipationSort, string]> = [
  ['name', 'Kommune'],
  ['region', 'Region'],
  ['status', 'Status (ikke påbegyndt først)'],
  ['lastActivity', 'Seneste aktivitet (nyeste først)'],
];

const STATUS_OPTIONS: Array<[string, string]> = [
  ['not_started', 'Ikke påbegyndt'],
  ['in_progress', 'I gang'],
  ['submitted', 'Indsendt'],
];

/** The page's address with the filters and order (the web's parameter names, in Danish). */
export function participationPath(editionId: string, q: ParticipationQuery, suffix = ''): string {
  const params = new URLSearchParams();
  if (q.regionCode !== undefined) params.set('region', String(q.regionCode));
  if (q.status) params.set('status', q.status);
  if (q.sort && q.sort !== 'name') params.set('sortering', q.sort);
  const search = params.toString();
  return `${ADMIN_EDITIONS_PATH}/${editionId}/deltagelse${suffix}${search ? `?${search}` : ''}`;
}

const municipalities = (n: number) => (n === 1 ? '1 kommune' : `${n} kommuner`);

function filterForm(m: ParticipationPageModel): SafeHtml {
  const { query } = m;
  const selected = (on: boolean) => (on ? html`selected` : null);
  return html`<form method="get" action="${participationPath(m.participation.edition.id, {})}" class="mb-6">
    <fieldset>
      <legend class="h3">Vis og sortér kommuner</legend>
      <div class="row">
        <div class="col-12 col-md-4 form-group mt-0">
          <label class="form-label" for="filter-region">Region</label>
          <select class="form-select" id="filter-region" name="region">
            <option value="">Alle regioner</option>
            ${m.regions.map(
              (r) =>
                html`<option value="${r.code}" ${selected(query.regionCode === r.code)}>${r.name}</option>`,
            )}
          </select>
        </div>
        <div class="col-12 col-md-4 form-group mt-0">
          <label class="form-label" for="filter-status">Status</label>
          <select class="form-select" id="filter-status" name="status">
            <option value="">Alle</option>
            ${STATUS_OPTIONS.map(
              ([value, label]) =>
                html`<option value="${value}" ${selected(query.status === value)}>${label}</option>`,
            )}
          </select>
        </div>
        <div class="col-12 col-md-4 form-group mt-0">
          <label class="form-label" for="filter-sort">Sortér efter</label>
          <select class="form-select" id="filter-sort" name="sortering">
            ${SORT_OPTIONS.map(
              ([value, label]) =>
                html`<option value="${value}" ${selected((query.sort ?? 'name') === value)}>
                  ${label}
                </option>`,
            )}
          </select>
        </div>
      </div>
      <button type="submit" class="button button-secondary">Vis</button>
      ${
        query.regionCode !== undefined || query.status
          ? html`<a class="ml-4" href="${participationPath(m.participation.edition.id, { sort: query.sort })}"
              >Nulstil filtre</a
            >`
          : null
      }
    </fieldset>
  </form>`;
}

/** A column header that sorts the table by it; the active one says so to screen readers. */
function sortHeader(m: ParticipationPageModel, sort: ParticipationSort, label: string): SafeHtml {
  const active = (m.query.sort ?? 'name') === sort;
  const direction = sort === 'lastActivity' ? 'descending' : 'ascending';
  return html`<th scope="col" ${active ? html`aria-sort="${direction}"` : null}>
    ${
      active
        ? html`${label} <span aria-hidden="true">${direction === 'ascending' ? '▲' : '▼'}</span
            ><span class="sr-only">(sorteret)</span>`
        : html`<a href="${participationPath(m.participation.edition.id, { ...m.query, sort })}"
            >${label}<span class="sr-only">, sortér efter denne kolonne</span></a
          >`
    }
  </th>`;
}

function reminderForm(m: ParticipationPageModel): SafeHtml | null {
  const { summary, edition } = m.participation;
  const waiting = summary.inProgress + summary.notStarted;
  if (!m.remindable || waiting === 0) return null;
  return html`<form
    method="post"
    action="${ADMIN_EDITIONS_PATH}/${edition.id}/deltagelse/paamindelse"
    class="mb-6"
  >
    ${csrfField(m.csrfToken)}
    <h2 class="h3">Påmind kommunerne</h2>
    <p>
      Sender en påmindelse til sikkerhedsansvarlige i de ${municipalities(waiting)}, der ikke har indsendt
      (${summary.inProgress} i gang, ${summary.notStarted} ikke påbegyndt). Hver kommune får højst én
      påmindelse om dagen.
    </p>
    <button type="submit" class="button button-secondary">Send påmindelse nu</button>
  </form>`;
}

function remindedNotice(r: { municipalities: number; alreadyToday: number }): SafeHtml {
  const already =
    r.alreadyToday > 0 ? ` ${municipalities(r.alreadyToday)} havde allerede fået en i dag.` : '';
  return r.municipalities === 0
    ? alert(
        'info',
        'Ingen nye påmindelser',
        `Alle kommuner, der ikke har indsendt, har fået en påmindelse i dag.`,
      )
    : alert(
        'success',
        'Påmindelsen sendes',
        `Påmindelsen sendes til ${municipalities(r.municipalities)}.${already}`,
      );
}

/** Who has answered, for KL: status and progress per municipality; the service returns no answers. */
export function participationView(m: ParticipationPageModel): string {
  const p = m.participation;
  const { summary } = p;
  const title = p.edition.title;
  const counts: Array<[string, number]> = [
    ['Indsendt', summary.submitted],
    ['I gang', summary.inProgress],
    ['Ikke påbegyndt', summary.notStarted],
    ['Kommuner i alt', summary.municipalities],
  ];
  return layout({
    title: `Deltagelse i ${title}`,
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Udgaver', href: ADMIN_EDITIONS_PATH },
        { text: `Deltagelse i ${title}` },
      ])}
      <h1>Deltagelse i ${title}</h1>
      <p class="font-lead">
        ${summary.submitted} af ${summary.municipalities} kommuner har
        indsendt.${p.edition.closesAt ? ` Svarfrist ${formatDateTime(p.edition.closesAt)}.` : ''} Siden viser,
        om kommunerne har svaret – aldrig hvad de har svaret.
      </p>
      ${m.reminded ? remindedNotice(m.reminded) : null}
      <div class="row mb-6">
        <div class="col-12 col-md-6">
          <table class="table structured-list" id="participation-summary">
            <caption class="sr-only">
              Deltagelse opsummeret
            </caption>
            <tbody>
              ${counts.map(
                ([label, n]) =>
                  html`<tr>
                    <th scope="row">${label}</th>
                    <td>${n}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
      ${reminderForm(m)} ${filterForm(m)}
      <p id="participation-count">
        Viser ${municipalities(p.municipalities.length)} af ${summary.municipalities}.
        <a href="${participationPath(p.edition.id, m.query, '/eksport.csv')}" class="ml-4" download
          >Hent som CSV (regneark)</a
        >
        <a href="${participationPath(p.edition.id, m.query, '/eksport.xlsx')}" class="ml-4" download
          >Hent som Excel (XLSX)</a
        >
      </p>
      <div>
        <table class="table table--zebra table--compact table--responsive-headers" id="participation">
          <caption class="sr-only">
            Status for hver kommune
          </caption>
          <thead>
            <tr>
              ${sortHeader(m, 'name', 'Kommune')} ${sortHeader(m, 'region', 'Region')}
              ${sortHeader(m, 'status', 'Status')}
              <th scope="col">Fremdrift</th>
              ${sortHeader(m, 'lastActivity', 'Seneste aktivitet')}
              <th scope="col">Indsendt af</th>
              <th scope="col">Indsendt den</th>
            </tr>
          </thead>
          <tbody>
            ${p.municipalities.map(
              (r) =>
                html`<tr data-municipality="${r.municipalityCode}">
                  <th scope="row" data-title="Kommune">${r.municipalityName}</th>
                  <td data-title="Region">${r.regionName}</td>
                  <td data-title="Status">${responseStatusBadge(r.status)}</td>
                  <td data-title="Fremdrift">${r.progressPercent} %</td>
                  <td data-title="Seneste aktivitet">
                    ${r.lastChangedAt ? formatDateTime(r.lastChangedAt) : '–'}
                  </td>
                  <td data-title="Indsendt af">${r.submittedByName ?? '–'}</td>
                  <td data-title="Indsendt den">${r.submittedAt ? formatDateTime(r.submittedAt) : '–'}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`,
  });
}
