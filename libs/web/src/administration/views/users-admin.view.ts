import type { AdminUserRow, UserList, UserState } from '@app/admin';
import { formatDateTime, formatNumber, html, SafeHtml } from '@app/ui';
import { Role, ROLE_LABELS_DA } from '@app/users';
import { alert, breadcrumbs } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { mfaLabel } from '../../views/mfa-label';
import { ADMINISTRATION_PATH, adminCrumbs, pager, withQuery } from './admin-components.view';

export const ADMIN_USERS_PATH = `${ADMINISTRATION_PATH}/brugere`;
export const ADMIN_INVITATIONS_PATH = `${ADMINISTRATION_PATH}/invitationer`;

/** The list's filters as the page's query has them (Danish names, strings). */
export interface UsersFilterQuery {
  rolle?: Role;
  kommune?: number;
  tilstand?: UserState;
  q?: string;
  side?: number;
}

/** The notice after an action, by the `besked` the action redirects with. */
export const USER_ACTION_NOTICES = {
  deaktiveret: 'Brugeren er deaktiveret og logget ud alle steder.',
  genaktiveret: 'Brugeren er genaktiveret og kan logge ind igen.',
  'laast-op': 'Brugeren er låst op og kan logge ind igen.',
  'ikke-laast': 'Brugeren var ikke låst.',
  'mfa-nulstillet':
    'Brugerens totrinsbekræftelse er nulstillet, og brugeren er logget ud alle steder. Brugeren sætter den op igen ved næste login, hvis rollen kræver det.',
} as const;
export type UserActionNotice = keyof typeof USER_ACTION_NOTICES;

export interface UsersAdminModel {
  user: PageUser;
  csrfToken: string;
  list: UserList;
  query: UsersFilterQuery;
  /** The roles the viewer manages: KL only officers. */
  roles: Role[];
  municipalities: Array<{ code: number; name: string }>;
  notice?: UserActionNotice;
}

const STATES: Array<[UserState, string]> = [
  ['active', 'Aktive'],
  ['inactive', 'Deaktiverede'],
  ['locked', 'Låste'],
];

export const usersPath = (q: UsersFilterQuery) =>
  withQuery(ADMIN_USERS_PATH, {
    rolle: q.rolle,
    kommune: q.kommune,
    tilstand: q.tilstand,
    q: q.q,
    side: q.side,
  });

function filterForm(m: UsersAdminModel): SafeHtml {
  const { query } = m;
  const selected = (on: boolean) => (on ? html`selected` : null);
  const filtered = query.rolle || query.kommune || query.tilstand || query.q;
  return html`<form method="get" action="${ADMIN_USERS_PATH}" class="mb-6" id="user-filters">
    <fieldset>
      <legend class="h3">Find brugere</legend>
      <div class="row">
        <div class="col-12 col-md-6 col-lg-3 form-group mt-0">
          <label class="form-label" for="filter-q">Navn eller e-mail</label>
          <input
            class="form-input"
            id="filter-q"
            name="q"
            type="search"
            maxlength="200"
            value="${query.q ?? ''}"
          />
        </div>
        ${
          m.roles.length > 1
            ? html`<div class="col-12 col-md-6 col-lg-3 form-group mt-0">
                <label class="form-label" for="filter-role">Rolle</label>
                <select class="form-select" id="filter-role" name="rolle">
                  <option value="">Alle roller</option>
                  ${m.roles.map(
                    (r) =>
                      html`<option value="${r}" ${selected(query.rolle === r)}>${ROLE_LABELS_DA[r]}</option>`,
                  )}
                </select>
              </div>`
            : null
        }
        <div class="col-12 col-md-6 col-lg-3 form-group mt-0">
          <label class="form-label" for="filter-municipality">Kommune</label>
          <select class="form-select" id="filter-municipality" name="kommune">
            <option value="">Alle kommuner</option>
            ${m.municipalities.map(
              (k) => html`<option value="${k.code}" ${selected(query.kommune === k.code)}>${k.name}</option>`,
            )}
          </select>
        </div>
        <div class="col-12 col-md-6 col-lg-3 form-group mt-0">
          <label class="form-label" for="filter-state">Tilstand</label>
          <select class="form-select" id="filter-state" name="tilstand">
            <option value="">Alle</option>
            ${STATES.map(
              ([value, label]) =>
                html`<option value="${value}" ${selected(query.tilstand === value)}>${label}</option>`,
            )}
          </select>
        </div>
      </div>
      <button type="submit" class="button button-secondary">Søg</button>
      ${filtered ? html`<a class="ml-4" href="${ADMIN_USERS_PATH}">Nulstil filtre</a>` : null}
    </fieldset>
  </form>`;
}

function stateCell(u: AdminUserRow): SafeHtml {
  const account = !u.active
    ? html`<span class="badge badge-error">Deaktiveret</span>`
    : u.invited
      ? html`<span class="badge badge-info">Inviteret</span>`
      : html`<span class="badge badge-success">Aktiv</span>`;
  const lock = u.lockedUntil
    ? html`<br /><span class="badge badge-warning">Låst</span> til ${formatDateTime(u.lockedUntil)}`
    : null;
  return html`${account}${lock}`;
}

function actionLinks(u: AdminUserRow, viewerId: string | undefined): SafeHtml {
  const who = html`<span class="sr-only"> ${u.displayName}</span>`;
  const link = (path: string, label: string) =>
    html`<a href="${ADMIN_USERS_PATH}/${u.id}/${path}" class="function-link">${label}${who}</a>`;
  return html`<div class="admin-actions">
    ${u.invited ? link('send-invitation', 'Send invitation igen') : null}
    ${u.lockedUntil ? link('laas-op', 'Lås op') : null}
    ${u.mfa.app || u.mfa.passkeys > 0 ? link('nulstil-mfa', 'Nulstil totrinsbekræftelse') : null}
    ${u.active ? (u.id === viewerId ? null : link('deaktiver', 'Deaktivér')) : link('genaktiver', 'Genaktivér')}
  </div>`;
}

function usersTable(m: UsersAdminModel, names: Map<number, string>): SafeHtml {
  return html`<table class="table table--zebra table--responsive-headers" id="users">
    <caption class="sr-only">
      Brugere
    </caption>
    <thead>
      <tr>
        <th scope="col">Navn</th>
        <th scope="col">Rolle</th>
        <th scope="col">Kommune</th>
        <th scope="col">Seneste login</th>
        <th scope="col">MFA</th>
        <th scope="col">Tilstand</th>
        <th scope="col">Handlinger</th>
      </tr>
    </thead>
    <tbody>
      ${m.list.users.map(
        (u) =>
          html`<tr data-user="${u.email}">
            <th scope="row" data-title="Navn">
              ${u.displayName}<br /><span class="weight-normal">${u.email}</span>
            </th>
            <td data-title="Rolle">${ROLE_LABELS_DA[u.role]}</td>
            <td data-title="Kommune">
              ${u.municipalityCode === null ? '—' : (names.get(u.municipalityCode) ?? String(u.municipalityCode))}
            </td>
            <td data-title="Seneste login">
              ${u.lastSignedInAt ? formatDateTime(u.lastSignedInAt) : 'Aldrig'}
            </td>
            <td data-title="MFA">${mfaLabel(u.mfa)}</td>
            <td data-title="Tilstand">${stateCell(u)}</td>
            <td data-title="Handlinger">${actionLinks(u, m.user.id)}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

/** The users the viewer manages: filter, search, state, and the actions (each confirmed on its own page). */
export function usersAdminView(m: UsersAdminModel): string {
  const names = new Map(m.municipalities.map((k) => [k.code, k.name]));
  const { total, page, pageSize } = m.list;
  const kl = m.roles.length === 1 && m.roles[0] === 'municipality_officer';
  return layout({
    title: 'Brugere',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs(adminCrumbs({ text: 'Brugere' }))}
      <h1>Brugere</h1>
      <p class="font-lead">
        ${
          kl
            ? 'Kommunernes informationssikkerhedskoordinatorer. Andre brugere administreres af platformadministratoren.'
            : 'Alle brugere af Baseline.'
        }
      </p>
      <p><a href="${ADMIN_INVITATIONS_PATH}" class="button button-primary">Inviter</a></p>
      ${m.notice ? alert('success', 'Udført', USER_ACTION_NOTICES[m.notice]) : null} ${filterForm(m)}
      <p id="user-count">
        ${total === 1 ? '1 bruger' : `${formatNumber(total)} brugere`} passer til filtrene.
      </p>
      ${total > 0 ? usersTable(m, names) : alert('info', 'Ingen brugere', 'Ingen brugere passer til filtrene.')}
      ${pager(page, total, pageSize, (side) => usersPath({ ...m.query, side }))}`,
  });
}
