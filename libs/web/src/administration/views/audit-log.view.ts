import type { AuditEntry, ChainVerification } from '@app/audit';
import { formatDateTime, formatNumber, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { ADMINISTRATION_PATH, adminCrumbs, pager, withQuery } from './admin-components.view';

export const ADMIN_AUDIT_PATH = `${ADMINISTRATION_PATH}/revision`;

/** The page's filters as the address has them (Danish names). */
export interface AuditFilterQuery {
  aktoer?: string;
  handling?: string;
  fra?: string;
  til?: string;
  side?: number;
}

export interface AuditLogModel {
  user: PageUser;
  csrfToken: string;
  query: AuditFilterQuery;
  errors: Partial<Record<'fra' | 'til', string>>;
  actions: string[];
  entries: AuditEntry[];
  total: number;
  page: number;
  pageSize: number;
  verification?: ChainVerification;
}

const PROBLEMS: Record<string, string> = {
  altered: 'en post er ændret efter den blev skrevet',
  'broken-link': 'kæden er brudt: en post peger ikke på den forrige',
  'missing-entry': 'en post mangler',
  truncated: 'posterne efter det seneste signerede hoved mangler',
  'head-mismatch': 'kæden passer ikke med det seneste signerede hoved',
  'head-forged': 'det seneste signerede hoved er ikke signeret med nøglen',
};

export const auditPath = (q: AuditFilterQuery) =>
  withQuery(ADMIN_AUDIT_PATH, {
    aktoer: q.aktoer,
    handling: q.handling,
    fra: q.fra,
    til: q.til,
    side: q.side,
  });

function verificationResult(v: ChainVerification): SafeHtml {
  const counts = `${formatNumber(v.entries)} forseglede poster er kontrolleret${
    v.unsealed > 0 ? `; ${formatNumber(v.unsealed)} nye poster forsegles om få sekunder` : ''
  }.`;
  if (v.ok) {
    return alert(
      'success',
      'Kæden er i orden',
      `${counts}${v.head ? ` Kontrolleret mod hovedet fra ${formatDateTime(v.head.at)}.` : ''}`,
      {
        id: 'verification',
      },
    );
  }
  const at = v.firstBreak!;
  return alert(
    'error',
    'Kæden er brudt',
    html`<p class="alert-text">
        Første brud ved post ${at.seq ?? '(ukendt)'}: ${PROBLEMS[at.problem] ?? at.problem}.
      </p>
      <p class="alert-text">${counts} Undersøg loggen fra denne post, og kontakt driften.</p>`,
    { id: 'verification' },
  );
}

function filterForm(m: AuditLogModel): SafeHtml {
  const { query, errors } = m;
  const dateField = (name: 'fra' | 'til', label: string) =>
    html`<div class="col-12 col-md-6 col-lg-3 form-group mt-0 ${errors[name] ? 'form-error' : ''}">
      <label class="form-label" for="filter-${name}">${label}</label>
      ${errors[name] ? errorMessage(`filter-${name}-error`, errors[name]) : null}
      <input
        class="form-input"
        type="date"
        id="filter-${name}"
        name="${name}"
        value="${query[name] ?? ''}"
        ${errors[name] ? html`aria-invalid="true" aria-describedby="filter-${name}-error"` : null}
      />
    </div>`;
  return html`<form method="get" action="${ADMIN_AUDIT_PATH}" class="mb-6" id="audit-filters">
    <fieldset>
      <legend class="h3">Filtrér loggen</legend>
      <div class="row">
        <div class="col-12 col-md-6 col-lg-3 form-group mt-0">
          <label class="form-label" for="filter-actor">Aktør</label>
          <input
            class="form-input"
            id="filter-actor"
            name="aktoer"
            maxlength="200"
            value="${query.aktoer ?? ''}"
          />
        </div>
        <div class="col-12 col-md-6 col-lg-3 form-group mt-0">
          <label class="form-label" for="filter-action">Handling</label>
          <select class="form-select" id="filter-action" name="handling">
            <option value="">Alle handlinger</option>
            ${m.actions.map(
              (a) => html`<option value="${a}" ${query.handling === a ? html`selected` : null}>${a}</option>`,
            )}
          </select>
        </div>
        ${dateField('fra', 'Fra og med dato')} ${dateField('til', 'Til og med dato')}
      </div>
      <button type="submit" class="button button-secondary">Vis</button>
      ${query.aktoer || query.handling || query.fra || query.til ? html`<a class="ml-4" href="${ADMIN_AUDIT_PATH}">Nulstil filtre</a>` : null}
    </fieldset>
  </form>`;
}

function entriesTable(entries: AuditEntry[]): SafeHtml {
  return html`<table class="table table--zebra table--responsive-headers" id="audit-entries">
    <caption class="sr-only">
      Revisionslog
    </caption>
    <thead>
      <tr>
        <th scope="col">Nr.</th>
        <th scope="col">Tidspunkt</th>
        <th scope="col">Aktør</th>
        <th scope="col">Handling</th>
        <th scope="col">Mål</th>
        <th scope="col">Detaljer</th>
      </tr>
    </thead>
    <tbody>
      ${entries.map(
        (e) =>
          html`<tr>
            <td data-title="Nr.">${e.seq}</td>
            <td data-title="Tidspunkt">${formatDateTime(e.occurredAt)}</td>
            <td data-title="Aktør">
              ${e.actor}${e.address ? html`<br /><span class="weight-normal">${e.address}</span>` : null}
            </td>
            <th scope="row" data-title="Handling">${e.action}</th>
            <td data-title="Mål">${e.targetType ? `${e.targetType} ${e.targetId ?? ''}` : '—'}</td>
            <td data-title="Detaljer">
              ${Object.keys(e.details ?? {}).length ? html`<code>${JSON.stringify(e.details)}</code>` : '—'}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The audit log for the administrator: filters, pages, and a check of the keyed chain on request. */
export function auditLogView(m: AuditLogModel): string {
  return layout({
    title: 'Revisionslog',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs(adminCrumbs({ text: 'Revisionslog' }))}
      <h1>Revisionslog</h1>
      <p class="font-lead">
        Alt, hvad brugere og systemet ændrer, skrives i en kæde, der er forseglet med en nøgle. Kontrollér
        kæden for at se, om nogen har ændret eller slettet poster.
      </p>
      ${m.verification ? verificationResult(m.verification) : null}
      <form method="post" action="${ADMIN_AUDIT_PATH}/verificer" class="mb-6">
        ${csrfField(m.csrfToken)}
        <button type="submit" class="button button-secondary">Verificér kæden</button>
      </form>
      ${filterForm(m)}
      <p id="audit-count">
        ${m.total === 1 ? '1 post' : `${formatNumber(m.total)} poster`} passer til filtrene.
      </p>
      ${m.total > 0 ? entriesTable(m.entries) : alert('info', 'Ingen poster', 'Ingen poster passer til filtrene.')}
      ${pager(m.page, m.total, m.pageSize, (side) => auditPath({ ...m.query, side }))}`,
  });
}
