import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage, errorSummary } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { ADMINISTRATION_PATH, adminCrumbs } from './admin-components.view';

export const ADMIN_API_KEYS_PATH = `${ADMINISTRATION_PATH}/api-noegler`;

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  municipalityCode: number;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

export interface ApiKeyFormState {
  values: { municipalityCode: string; name: string };
  errors: Partial<Record<'municipalityCode' | 'name', string>>;
}

export interface ApiKeysAdminModel {
  user: PageUser;
  csrfToken: string;
  keys: ApiKeyRow[];
  municipalities: Array<{ code: number; name: string }>;
  form: ApiKeyFormState;
  /** The key just created, shown this once. */
  created?: { key: string; name: string; municipalityName: string };
  revoked?: boolean;
}

export const EMPTY_API_KEY_FORM: ApiKeyFormState = { values: { municipalityCode: '', name: '' }, errors: {} };

function keysTable(m: ApiKeysAdminModel, names: Map<number, string>): SafeHtml {
  if (m.keys.length === 0)
    return alert('info', 'Ingen API-nøgler', 'Der er ikke oprettet nogen API-nøgler endnu.');
  return html`<table class="table table--zebra table--responsive-headers" id="api-keys">
    <caption class="sr-only">
      API-nøgler
    </caption>
    <thead>
      <tr>
        <th scope="col">Navn</th>
        <th scope="col">Kommune</th>
        <th scope="col">Nøgle begynder med</th>
        <th scope="col">Oprettet</th>
        <th scope="col">Sidst brugt</th>
        <th scope="col">Tilstand</th>
      </tr>
    </thead>
    <tbody>
      ${m.keys.map(
        (k) =>
          html`<tr data-key="${k.prefix}">
            <th scope="row" data-title="Navn">${k.name}</th>
            <td data-title="Kommune">${names.get(k.municipalityCode) ?? String(k.municipalityCode)}</td>
            <td data-title="Nøgle begynder med"><code>bk_${k.prefix}</code></td>
            <td data-title="Oprettet">${formatDateTime(k.createdAt)}</td>
            <td data-title="Sidst brugt">${k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Aldrig'}</td>
            <td data-title="Tilstand">
              ${
                k.revokedAt
                  ? html`<span class="badge badge-error">Tilbagekaldt</span> ${formatDateTime(k.revokedAt)}`
                  : html`<span class="badge badge-success">Aktiv</span>
                      <a href="${ADMIN_API_KEYS_PATH}/${k.id}/tilbagekald" class="function-link ml-4"
                        >Tilbagekald<span class="sr-only"> ${k.name}</span></a
                      >`
              }
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function createForm(m: ApiKeysAdminModel): SafeHtml {
  const { values, errors } = m.form;
  const group = (name: 'municipalityCode' | 'name', label: string, control: SafeHtml) =>
    html`<div class="form-group ${errors[name] ? 'form-error' : ''}">
      <label class="form-label" for="key-${name}">${label}</label>
      ${errors[name] ? errorMessage(`key-${name}-error`, errors[name]) : null} ${control}
    </div>`;
  const invalid = (name: 'municipalityCode' | 'name') =>
    errors[name] ? html`aria-invalid="true" aria-describedby="key-${name}-error"` : null;
  return html`<form method="post" action="${ADMIN_API_KEYS_PATH}" novalidate id="create-api-key">
    ${csrfField(m.csrfToken)}
    <h2>Opret en API-nøgle</h2>
    <p>En nøgle giver et kommunalt system adgang til at indberette hændelser for én kommune.</p>
    ${group(
      'municipalityCode',
      'Kommune',
      html`<select
        class="form-select"
        id="key-municipalityCode"
        name="municipalityCode"
        ${invalid('municipalityCode')}
      >
        <option value="">Vælg kommune</option>
        ${m.municipalities.map(
          (k) =>
            html`<option
              value="${k.code}"
              ${values.municipalityCode === String(k.code) ? html`selected` : null}
            >
              ${k.name}
            </option>`,
        )}
      </select>`,
    )}
    ${group(
      'name',
      'Navn på nøglen',
      html`<input
        class="form-input"
        id="key-name"
        name="name"
        maxlength="200"
        value="${values.name}"
        ${invalid('name')}
      />`,
    )}
    <button type="submit" class="button button-primary">Opret nøgle</button>
  </form>`;
}

function createdNotice(c: NonNullable<ApiKeysAdminModel['created']>): SafeHtml {
  return alert(
    'success',
    'Nøglen er oprettet',
    html`<p class="alert-text">
        Nøglen »${c.name}« til ${c.municipalityName} vises kun denne ene gang. Kopiér den nu, og giv den
        sikkert videre.
      </p>
      <p class="alert-text"><code id="created-key">${c.key}</code></p>`,
    { id: 'created-api-key' },
  );
}

/** API keys per municipality, for the administrator: create (shown once), last used, revoke. */
export function apiKeysAdminView(m: ApiKeysAdminModel): string {
  const names = new Map(m.municipalities.map((k) => [k.code, k.name]));
  const errors = Object.entries(m.form.errors).map(([name, text]) => ({ href: `#key-${name}`, text: text! }));
  return layout({
    title: 'API-nøgler',
    user: m.user,
    csrfToken: m.csrfToken,
    body: html`${breadcrumbs(adminCrumbs({ text: 'API-nøgler' }))}
      <h1>API-nøgler</h1>
      ${errors.length ? errorSummary('Nøglen blev ikke oprettet', 'Ret fejlene herunder:', errors) : null}
      ${m.created ? createdNotice(m.created) : null}
      ${m.revoked ? alert('success', 'Udført', 'Nøglen er tilbagekaldt og virker ikke længere.') : null}
      ${keysTable(m, names)}
      <div class="row mt-8">
        <div class="col-12 col-md-8 col-lg-6">${createForm(m)}</div>
      </div>`,
  });
}
