import type { Edition } from '@app/surveys';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { editionStatusBadge } from '../../views/status-labels';
import { CreateEditionFormState, dateFieldValue } from '../edition-forms';

export const ADMIN_EDITIONS_PATH = '/administration/udgaver';

/** The confirmations shown after a successful action (?besked=…). */
const DONE: Record<string, string> = {
  oprettet: 'Udgaven er oprettet som kladde.',
  aabnet: 'Udgaven er åbnet. Kommunerne kan nu svare.',
  lukket: 'Udgaven er lukket. Svarene kan ikke længere ændres.',
  offentliggjort: 'Udgaven er offentliggjort.',
  'trukket-tilbage': 'Offentliggørelsen er trukket tilbage. Udgaven er lukket, og kun KL kan se tallene.',
  slettet: 'Kladden er slettet.',
  rettet: 'Ændringerne er gemt.',
};

export interface EditionsAdminModel {
  user: PageUser;
  csrfToken: string;
  editions: Edition[];
  done?: string;
  /** A refused action, in Danish. */
  error?: string;
  createForm?: CreateEditionFormState;
}

/** The create form's starting values: next year, copying the newest edition's questionnaire. */
export function defaultCreateForm(editions: Edition[]): CreateEditionFormState {
  const year = editions.length > 0 ? Math.max(...editions.map((e) => e.year)) + 1 : new Date().getFullYear();
  return {
    values: { year: String(year), title: `Baseline ${year}`, copyFrom: editions[0]?.id ?? '' },
    errors: {},
  };
}

/** A link to the page that states the consequences and asks before acting. */
function actionLink(e: Edition, path: string, label: string, primary = false): SafeHtml {
  return html`<a
    href="${ADMIN_EDITIONS_PATH}/${e.id}/${path}"
    class="button ${primary ? 'button-primary' : 'button-secondary'} edition-action"
    >${label}<span class="sr-only"> ${e.title}</span></a
  >`;
}

function actions(e: Edition, csrfToken: string): SafeHtml {
  const participation = html`<a href="${ADMIN_EDITIONS_PATH}/${e.id}/deltagelse"
    >Deltagelse<span class="sr-only"> i ${e.title}</span></a
  >`;
  const edit = actionLink(e, 'rediger', 'Redigér');
  switch (e.status) {
    case 'draft':
      return html`<form
          method="post"
          action="${ADMIN_EDITIONS_PATH}/${e.id}/aabn"
          class="edition-action"
          novalidate
        >
          ${csrfField(csrfToken)}
          <label class="form-label mt-0" for="closesAt-${e.id}"
            >Svarfrist<span class="sr-only"> for ${e.title}</span></label
          >
          <input
            type="date"
            class="form-input"
            id="closesAt-${e.id}"
            name="closesAt"
            value="${dateFieldValue(e.closesAt)}"
          />
          <button type="submit" class="button button-secondary">
            Åbn<span class="sr-only"> ${e.title}</span>
          </button>
        </form>
        ${edit} ${actionLink(e, 'slet', 'Slet')}`;
    case 'open':
      return html`${actionLink(e, 'luk', 'Luk')} ${edit} ${participation}`;
    case 'closed':
      return html`${actionLink(e, 'offentliggoer', 'Offentliggør')} ${participation}`;
    default:
      return html`${actionLink(e, 'tilbagetraek', 'Træk tilbage')} ${participation}`;
  }
}

function editionsTable(editions: Edition[], csrfToken: string): SafeHtml {
  if (editions.length === 0) return alert('info', 'Ingen udgaver endnu', 'Opret den første udgave herunder.');
  // Below the breakpoint each edition is a card (DKFDS responsive headers), so the actions stay in view.
  return html`<div>
    <table class="table table--zebra table--responsive-headers" id="editions">
      <caption class="sr-only">
        Udgaver af Baseline
      </caption>
      <thead>
        <tr>
          <th scope="col">År</th>
          <th scope="col">Titel</th>
          <th scope="col">Status</th>
          <th scope="col">Svarfrist</th>
          <th scope="col">Handlinger</th>
        </tr>
      </thead>
      <tbody>
        ${editions.map(
          (e) =>
            html`<tr data-edition="${e.year}">
              <td data-title="År">${e.year}</td>
              <th scope="row" data-title="Titel">${e.title}</th>
              <td data-title="Status">${editionStatusBadge(e.status)}</td>
              <td data-title="Svarfrist">${e.closesAt ? formatDateTime(e.closesAt) : '–'}</td>
              <td data-title="Handlinger">${actions(e, csrfToken)}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function createForm(editions: Edition[], csrfToken: string, state: CreateEditionFormState): SafeHtml {
  const { values, errors } = state;
  const field = (name: 'year' | 'title', label: string, inputClass = '', extra: SafeHtml | null = null) => {
    const error = errors[name];
    return html`<div class="form-group ${error ? 'form-error' : ''}">
      <label class="form-label" for="new-${name}">${label}</label>
      ${error ? errorMessage(`new-${name}-error`, error) : null}
      <input
        class="form-input ${inputClass}"
        id="new-${name}"
        name="${name}"
        value="${values[name]}"
        ${error ? html`aria-invalid="true" aria-describedby="new-${name}-error"` : null}
        ${extra}
      />
    </div>`;
  };
  return html`<form method="post" action="${ADMIN_EDITIONS_PATH}" novalidate>
    ${csrfField(csrfToken)} ${field('year', 'År', 'input-char-4', html`inputmode="numeric" maxlength="4"`)}
    ${field('title', 'Titel')}
    <div class="form-group">
      <label class="form-label" for="new-copyFrom">Spørgeskema</label>
      <span class="form-hint" id="new-copyFrom-hint">
        Kopiér spørgeskemaet fra en tidligere udgave, så spørgsmålene kan sammenlignes år for år.
      </span>
      <select class="form-select" id="new-copyFrom" name="copyFrom" aria-describedby="new-copyFrom-hint">
        ${editions.map(
          (e) =>
            html`<option value="${e.id}" ${values.copyFrom === e.id ? html`selected` : null}>
              Kopiér fra ${e.title}
            </option>`,
        )}
        <option value="" ${values.copyFrom === '' ? html`selected` : null}>
          Platformens standardspørgeskema
        </option>
      </select>
    </div>
    <button type="submit" class="button button-primary mt-5">Opret udgave</button>
  </form>`;
}

/** KL's list of editions with their lifecycle actions, and the form for a new edition. */
export function editionsAdminView(model: EditionsAdminModel): string {
  const { user, csrfToken, editions } = model;
  const form = model.createForm ?? defaultCreateForm(editions);
  const done = model.done ? DONE[model.done] : undefined;
  return layout({
    title: 'Udgaver',
    user,
    csrfToken,
    body: html`${breadcrumbs([{ text: 'Forside', href: '/' }, { text: 'Udgaver' }])}
      <h1>Udgaver</h1>
      <p class="font-lead">
        Åbn en udgave med en svarfrist, luk den, når fristen er nået, og offentliggør resultaterne. Før en
        udgave lukkes, offentliggøres eller slettes, viser siden, hvad der sker, og beder dig bekræfte. Under
        »Deltagelse« kan du følge, hvilke kommuner der har svaret – men aldrig, hvad de har svaret.
      </p>
      ${model.error ? alert('error', 'Handlingen blev ikke udført', model.error) : null}
      ${done ? alert('success', 'Udført', done) : null} ${editionsTable(editions, csrfToken)}
      <h2 class="mt-8">Opret en ny udgave</h2>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">${createForm(editions, csrfToken, form)}</div>
      </div>`,
  });
}
