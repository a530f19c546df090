import type { Edition } from '@app/surveys';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';
import { editionStatusBadge } from '../../views/status-labels';
import type { CreateEditionFormState } from '../edition-forms';

export const ADMIN_EDITIONS_PATH = '/administration/udgaver';

/** The confirmations shown after a successful action (?besked=…). */
const DONE: Record<string, string> = {
  oprettet: 'Udgaven er oprettet som kladde.',
  aabnet: 'Udgaven er åbnet. Kommunerne kan nu svare.',
  lukket: 'Udgaven er lukket. Svarene kan ikke længere ændres.',
  offentliggjort: 'Udgaven er offentliggjort.',
};

/** Publishing was refused: fewer than K municipalities took part. KL may confirm it. */
export interface SmallEditionWarning {
  edition: Edition;
  participants: number;
  k: number;
}

export interface EditionsAdminModel {
  user: PageUser;
  csrfToken: string;
  editions: Edition[];
  done?: string;
  /** A refused action, in Danish. */
  error?: string;
  createForm?: CreateEditionFormState;
  smallEdition?: SmallEditionWarning;
}

/** The create form's starting values: next year, copying the newest edition's questionnaire. */
export function defaultCreateForm(editions: Edition[]): CreateEditionFormState {
  const year = editions.length > 0 ? Math.max(...editions.map((e) => e.year)) + 1 : new Date().getFullYear();
  return {
    values: { year: String(year), title: `Baseline ${year}`, copyFrom: editions[0]?.id ?? '' },
    errors: {},
  };
}

function actionForm(e: Edition, csrfToken: string, path: string, label: string): SafeHtml {
  return html`<form method="post" action="${ADMIN_EDITIONS_PATH}/${e.id}/${path}" class="edition-action">
    ${csrfField(csrfToken)}
    <button type="submit" class="button button-secondary">
      ${label}<span class="sr-only"> ${e.title}</span>
    </button>
  </form>`;
}

function actions(e: Edition, csrfToken: string): SafeHtml {
  const participation = html`<a href="${ADMIN_EDITIONS_PATH}/${e.id}/deltagelse"
    >Deltagelse<span class="sr-only"> i ${e.title}</span></a
  >`;
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
        <input type="date" class="form-input" id="closesAt-${e.id}" name="closesAt" />
        <button type="submit" class="button button-secondary">
          Åbn<span class="sr-only"> ${e.title}</span>
        </button>
      </form>`;
    case 'open':
      return html`${actionForm(e, csrfToken, 'luk', 'Luk')} ${participation}`;
    case 'closed':
      return html`${actionForm(e, csrfToken, 'offentliggoer', 'Offentliggør')} ${participation}`;
    default:
      return participation;
  }
}

function editionsTable(editions: Edition[], csrfToken: string): SafeHtml {
  if (editions.length === 0) return alert('info', 'Ingen udgaver endnu', 'Opret den første udgave herunder.');
  return html`<div class="table--responsive-scroll" tabindex="0">
    <table class="table table--zebra" id="editions">
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
              <td>${e.year}</td>
              <th scope="row">${e.title}</th>
              <td>${editionStatusBadge(e.status)}</td>
              <td>${e.closesAt ? formatDateTime(e.closesAt) : '–'}</td>
              <td>${actions(e, csrfToken)}</td>
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

function smallEditionWarning({ edition, participants, k }: SmallEditionWarning, csrfToken: string): SafeHtml {
  const heading =
    participants === 0
      ? `Ingen kommuner har indsendt ${edition.title}`
      : `Kun ${participants === 1 ? '1 kommune' : `${participants} kommuner`} har indsendt ${edition.title}`;
  return alert(
    'warning',
    heading,
    html`<p class="alert-text">
        Udgaven har færre end ${k} deltagere. For at ingen kommune kan genkendes, bliver alle tal fra udgaven
        vist som skjulte, også landstallene. Vil du offentliggøre den alligevel?
      </p>
      <form method="post" action="${ADMIN_EDITIONS_PATH}/${edition.id}/offentliggoer" class="mt-4">
        ${csrfField(csrfToken)}
        <input type="hidden" name="confirmSmallEdition" value="ja" />
        <button type="submit" class="button button-primary">Offentliggør alligevel</button>
        <a href="${ADMIN_EDITIONS_PATH}" class="ml-4">Fortryd</a>
      </form>`,
    { id: 'small-edition-warning' },
  );
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
        Åbn en udgave med en svarfrist, luk den, når fristen er nået, og offentliggør resultaterne. Under
        »Deltagelse« kan du følge, hvilke kommuner der har svaret – men aldrig, hvad de har svaret.
      </p>
      ${model.error ? alert('error', 'Handlingen blev ikke udført', model.error) : null}
      ${model.smallEdition ? smallEditionWarning(model.smallEdition, csrfToken) : null}
      ${done ? alert('success', 'Udført', done) : null} ${editionsTable(editions, csrfToken)}
      <h2 class="mt-8">Opret en ny udgave</h2>
      <div class="row">
        <div class="col-12 col-md-8 col-lg-6">${createForm(editions, csrfToken, form)}</div>
      </div>`,
  });
}
