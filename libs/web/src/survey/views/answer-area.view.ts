import { formatDateTime, html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorSummary } from '../../views/components.view';
import { layout } from '../../views/layout.view';
import type { AnswerChangeView } from '@app/responses';
import { Area, FieldState, fieldStateFromAnswer, seenDigest } from '../answer-form';
import type { AnswerContext } from '../survey-pages.service';
import { AnswerConflictNotice, answerHistory, conflictBox } from './answer-conflict.view';
import { firstInputId, questionField, questionReadOnly } from './question-field.view';

/** What happened just before the page was shown. */
export type AnswerNotice = 'saved' | 'conflicts' | 'read-only' | 'reopened' | null;

export interface AnswerAreaModel {
  context: AnswerContext;
  area: Area;
  csrfToken: string;
  notice?: AnswerNotice;
  /** The area a "saved" notice is about (the officer may have moved on to the next one). */
  savedAreaKey?: string;
  /** The posted fields when a save was refused as invalid; otherwise the stored answers are shown. */
  fields?: Map<string, FieldState>;
  errors?: Map<string, string>;
  /** Answers of the last save that colleagues' changes kept out; their fields show the officer's answer. */
  conflicts?: Map<string, AnswerConflictNotice>;
  /** Each question's changes, newest first. */
  history?: Map<string, AnswerChangeView[]>;
}

export const surveyPath = (editionId: string, areaKey?: string) =>
  `/undersoegelser/${editionId}${areaKey ? `?omraade=${encodeURIComponent(areaKey)}` : ''}`;

/** Why the answers cannot be changed, in the officer's words; null when they can. */
export function readOnlyReason({ response, questionnaire }: AnswerContext): string | null {
  if (response.editable) return null;
  if (response.status === 'submitted') return 'Besvarelsen er indsendt, så svarene kan ikke ændres.';
  if (questionnaire.edition.status !== 'open')
    return 'Undersøgelsen er lukket. Svarene kan ikke længere ændres.';
  return 'Svarfristen er overskredet. Svarene kan ikke længere ændres.';
}

function notice(model: AnswerAreaModel): SafeHtml | null {
  const { context, area } = model;
  switch (model.notice) {
    case 'saved': {
      const saved = context.questionnaire.areas.find((a) => a.key === (model.savedAreaKey ?? area.key));
      return alert(
        'success',
        'Gemt',
        saved ? `Dine svar i »${saved.title?.da}« er gemt.` : 'Dine svar er gemt.',
      );
    }
    case 'reopened':
      return alert(
        'success',
        'Besvarelsen er genåbnet',
        'Du kan nu ændre svarene. Husk at indsende besvarelsen igen inden fristen.',
      );
    case 'conflicts': {
      const questions = new Map(area.questions.map((q) => [q.key, q]));
      return alert(
        'warning',
        'Nogle af dine svar blev ikke gemt',
        html`<p class="alert-text">
            En kollega fra kommunen har ændret de samme spørgsmål, efter at du åbnede siden. Dine øvrige svar
            er gemt. Vælg ved hvert spørgsmål, om du vil beholde dit svar eller bruge kollegaens:
          </p>
          <ul class="alert-text">
            ${[...(model.conflicts?.keys() ?? [])].map((key) => {
              const q = questions.get(key);
              return q ? html`<li><a href="#${firstInputId(q)}">${q.text?.da}</a></li>` : null;
            })}
          </ul>`,
      );
    }
    case 'read-only':
      return alert('warning', 'Dine svar blev ikke gemt', readOnlyReason(context) ?? '');
    default:
      return null;
  }
}

function readOnlyBanner(context: AnswerContext): SafeHtml | null {
  const reason = readOnlyReason(context);
  if (!reason) return null;
  const id = context.questionnaire.edition.id;
  const receipt =
    context.response.status === 'submitted'
      ? html`<p class="alert-text">
          <a href="/undersoegelser/${id}/kvittering">Se kvitteringen</a>${
            context.canReopen ? ' – der kan du også genåbne besvarelsen.' : '.'
          }
        </p>`
      : null;
  return alert(
    'info',
    'Svarene kan kun læses',
    html`<p class="alert-text">${reason}</p>
      ${receipt}`,
  );
}

function progressBlock(context: AnswerContext): SafeHtml {
  const { answered, total } = context.progress;
  // Label and count on one line above the bar: on a phone every line pushes the questions down.
  return html`<div class="answer-progress mb-4 mb-lg-6">
    <p class="mt-0 mb-2" id="progress-label">
      <strong>Fremdrift:</strong>
      <span data-progress-text>${answered} af ${total} spørgsmål besvaret</span>
    </p>
    <progress
      max="${total}"
      value="${answered}"
      aria-labelledby="progress-label"
      data-progress-bar
    ></progress>
  </div>`;
}

/**
 * The areas as a side menu. On a narrow screen it folds behind an "Områder" toggle (a native
 * <details>, so it works without JavaScript) that names the current area; from 992 px app.css
 * shows it open and hides the toggle, so the questions start near the top of a phone's screen.
 */
function areaNavigation(context: AnswerContext, current: Area): SafeHtml {
  const id = context.questionnaire.edition.id;
  const counts = new Map(context.progress.areas.map((a) => [a.key, a]));
  const areas = context.questionnaire.areas;
  const position = areas.findIndex((a) => a.key === current.key) + 1;
  return html`<details class="details area-details">
    <summary class="details-summary">
      <span class="details-summary-text">Områder</span>
      <span class="area-details__current">(område ${position} af ${areas.length})</span>
    </summary>
    <nav aria-labelledby="areas-heading">
      <h2 class="h5 mt-0 d-none d-lg-block" id="areas-heading">Områder</h2>
      <ul class="sidemenu">
        ${areas.map((a) => {
          const isCurrent = a.key === current.key;
          const c = counts.get(a.key)!;
          return html`<li class="${isCurrent ? 'active current' : ''}">
            <a
              href="${surveyPath(id, a.key)}"
              class="nav-link"
              ${isCurrent ? html`aria-current="page"` : null}
            >
              <div>
                <span>${a.title?.da}</span>
                <span class="sidenav-information" data-area-progress="${a.key}"
                  >${c.answered} af ${c.total} besvaret</span
                >
              </div>
            </a>
          </li>`;
        })}
      </ul>
    </nav>
  </details>`;
}

/** Beside the areas on a wide screen; below the questions on a phone, where it is the next step. */
function submissionLink({ questionnaire, response }: AnswerContext, where: 'side' | 'below'): SafeHtml {
  const id = questionnaire.edition.id;
  return html`<p class="${where === 'side' ? 'mt-6 d-none d-lg-block' : 'mt-6 d-lg-none'}">
    ${
      response.status === 'submitted'
        ? html`<a class="button button-secondary" href="/undersoegelser/${id}/kvittering">Se kvittering</a>`
        : html`<a class="button button-secondary" href="/undersoegelser/${id}/indsend">Gå til indsendelse</a>`
    }
  </p>`;
}

function answerForm(model: AnswerAreaModel): SafeHtml {
  const { context, area, csrfToken } = model;
  const { questionnaire, response } = context;
  const id = questionnaire.edition.id;
  const stored = new Map(response.answers.map((a) => [a.questionKey, a]));
  const areas = questionnaire.areas;
  // By key: after a refused save the area may come from a separately loaded questionnaire.
  const next = areas[areas.findIndex((a) => a.key === area.key) + 1];
  return html`<form
    method="post"
    action="/undersoegelser/${id}/svar"
    novalidate
    data-autosave-url="/undersoegelser/${id}/svar.json"
    data-municipality="${response.municipalityCode}"
  >
    ${csrfField(csrfToken)}
    <input type="hidden" name="version" value="${response.version}" />
    <input type="hidden" name="area" value="${area.key}" />
    ${area.questions.map((q) => {
      const conflict = model.conflicts?.get(q.key);
      return questionField(
        q,
        questionnaire.scale,
        model.fields?.get(q.key) ?? fieldStateFromAnswer(q, stored.get(q.key)),
        model.errors?.get(q.key),
        {
          seen: seenDigest(q, fieldStateFromAnswer(q, stored.get(q.key))),
          conflict: conflict ? conflictBox(conflict) : null,
          history: answerHistory(q, questionnaire.scale, model.history?.get(q.key)),
        },
      );
    })}
    <div class="answer-actions">
      <p class="autosave-status" id="autosave-status" role="status" aria-live="polite"></p>
      <button type="submit" class="button button-primary">Gem</button>
      <button type="submit" class="button button-secondary" name="next" value="1">
        ${
          next
            ? // On a phone the next area's long name would wrap the sticky bar to several lines.
              html`<span
                >Gem og gå <span class="d-none d-sm-inline">til »${next.title?.da}«</span
                ><span class="d-sm-none">videre</span></span
              >`
            : 'Gem og gå til indsendelse'
        }
      </button>
    </div>
  </form>`;
}

function readOnlyAnswers(model: AnswerAreaModel): SafeHtml {
  const { context, area } = model;
  const stored = new Map(context.response.answers.map((a) => [a.questionKey, a]));
  const { scale } = context.questionnaire;
  return html`${area.questions.map(
    (q) =>
      html`${questionReadOnly(q, scale, stored.get(q.key))}
      ${answerHistory(q, scale, model.history?.get(q.key))}`,
  )}`;
}

/** One area of the questionnaire: side navigation of areas, progress, and the area's questions. */
export function answerAreaView(model: AnswerAreaModel): string {
  const { context, area } = model;
  const { questionnaire, response, user } = context;
  const edition = questionnaire.edition;
  const editable = response.editable;
  const errors = model.errors && model.errors.size > 0 ? model.errors : null;
  const questions = new Map(area.questions.map((q) => [q.key, q]));
  return layout({
    title: `${area.title?.da} – ${edition.title}`,
    user,
    csrfToken: model.csrfToken,
    scripts: editable ? ['autosave.js', 'keep-unsaved.js'] : [],
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Undersøgelser', href: '/undersoegelser' },
        { text: edition.title },
      ])}
      <h1>${edition.title}</h1>
      <p class="font-lead answer-lead">
        ${user.municipalityName ? `${user.municipalityName} Kommune` : null}${
          edition.closesAt ? ` · Svarfrist ${formatDateTime(edition.closesAt)}` : null
        }
      </p>
      ${
        errors
          ? errorSummary(
              'Svarene blev ikke gemt',
              'Ret fejlene herunder, og gem igen. Ingen af svarene i området er gemt.',
              [...errors].map(([key, message]) => ({
                href: `#${firstInputId(questions.get(key)!)}`,
                text: `${questions.get(key)?.text?.da} – ${message}`,
              })),
            )
          : null
      }
      ${notice(model)} ${model.notice ? null : readOnlyBanner(context)}
      <div class="row">
        <div class="col-12 col-lg-4 mb-4 mb-lg-6">
          ${progressBlock(context)} ${areaNavigation(context, area)} ${submissionLink(context, 'side')}
        </div>
        <div class="col-12 col-lg-8">
          <h2 class="mt-0">${area.title?.da}</h2>
          ${area.description?.da ? html`<p>${area.description.da}</p>` : null}
          ${editable ? answerForm(model) : readOnlyAnswers(model)} ${submissionLink(context, 'below')}
        </div>
      </div>`,
  });
}
