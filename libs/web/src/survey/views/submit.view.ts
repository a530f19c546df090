import { html, SafeHtml } from '@app/ui';
import { alert, breadcrumbs, csrfField, errorMessage, errorSummary } from '../../views/components.view';
import { layout } from '../../views/layout.view';
import { questionId } from '../answer-form';
import type { AnswerContext } from '../survey-pages.service';
import { readOnlyReason, surveyPath } from './answer-area.view';

/** Why the sign-off page is shown again after a POST. */
export type SubmitProblem = 'unconfirmed' | 'missing' | 'stale' | 'read-only' | null;

export interface SubmitModel {
  context: AnswerContext;
  csrfToken: string;
  problem?: SubmitProblem;
}

/** Required questions still unanswered, grouped by area, each linking to where it is answered. */
function missingList(context: AnswerContext): SafeHtml {
  const { questionnaire, progress } = context;
  const id = questionnaire.edition.id;
  const n = progress.missing.length;
  return html`<h2>Der mangler svar</h2>
    <p>
      ${n === 1 ? 'Et spørgsmål' : `${n} spørgsmål`}, der skal besvares, mangler svar. Besvar
      ${n === 1 ? 'det' : 'dem'}, før besvarelsen kan indsendes. Du kan svare »Ikke relevant«, hvor
      spørgsmålet tillader det.
    </p>
    ${questionnaire.areas
      .filter((a) => progress.missing.some((m) => m.areaKey === a.key))
      .map(
        (a) =>
          html`<h3 class="h5">${a.title?.da}</h3>
            <ul class="missing-answers">
              ${progress.missing
                .filter((m) => m.areaKey === a.key)
                .map(
                  (m) =>
                    html`<li>
                      <a href="${surveyPath(id, a.key)}#${questionId(m.questionKey)}">${m.text}</a>
                    </li>`,
                )}
            </ul>`,
      )}`;
}

function signOffForm({ context, csrfToken, problem }: SubmitModel): SafeHtml {
  const { questionnaire, response, user } = context;
  const unconfirmed = problem === 'unconfirmed';
  return html`<p>
      Alle spørgsmål, der skal besvares, er besvaret. Besvarelsen indsendes for
      ${user.municipalityName ? `${user.municipalityName} Kommune` : 'kommunen'} i dit navn
      (${user.displayName}). Derefter kan svarene ikke ændres, medmindre besvarelsen genåbnes inden fristen.
    </p>
    <form method="post" action="/undersoegelser/${questionnaire.edition.id}/indsend" novalidate>
      ${csrfField(csrfToken)}
      <input type="hidden" name="version" value="${response.version}" />
      <div class="form-group ${unconfirmed ? 'form-error' : ''}">
        <fieldset ${unconfirmed ? html`aria-describedby="confirm-error"` : null}>
          <legend class="form-label">Godkendelse</legend>
          ${unconfirmed ? errorMessage('confirm-error', 'Bekræft, at besvarelsen er godkendt.') : null}
          <div class="form-group-checkbox">
            <input type="checkbox" class="form-checkbox" id="confirm" name="confirm" value="ja" />
            <label class="form-label" for="confirm">Jeg bekræfter at besvarelsen er godkendt</label>
          </div>
        </fieldset>
      </div>
      <button type="submit" class="button button-primary mt-5">Indsend besvarelse</button>
    </form>`;
}

const NOTICES: Partial<Record<NonNullable<SubmitProblem>, [string, string]>> = {
  stale: [
    'Besvarelsen blev ikke indsendt',
    'En kollega har ændret besvarelsen, efter at du åbnede siden. Se de aktuelle svar herunder, og indsend igen.',
  ],
  missing: [
    'Besvarelsen blev ikke indsendt',
    'Der mangler stadig svar på spørgsmål, der skal besvares. Se listen herunder.',
  ],
};

/** Before submitting: what is still missing, or the sign-off form. */
export function submitView(model: SubmitModel): string {
  const { context, problem } = model;
  const { questionnaire, user, progress } = context;
  const edition = questionnaire.edition;
  const readOnly = readOnlyReason(context);
  const notice = problem ? NOTICES[problem] : undefined;
  return layout({
    title: `Indsend ${edition.title}`,
    user,
    csrfToken: model.csrfToken,
    body: html`${breadcrumbs([
        { text: 'Forside', href: '/' },
        { text: 'Undersøgelser', href: '/undersoegelser' },
        { text: edition.title, href: surveyPath(edition.id) },
        { text: 'Indsend' },
      ])}
      <div class="row">
        <div class="col-12 col-lg-8">
          <h1>Indsend besvarelsen</h1>
          <p class="font-lead">
            ${edition.title}: ${progress.answered} af ${progress.total} spørgsmål besvaret.
          </p>
          ${
            problem === 'unconfirmed'
              ? errorSummary('Besvarelsen blev ikke indsendt', 'Ret fejlen herunder.', [
                  { href: '#confirm', text: 'Bekræft, at besvarelsen er godkendt.' },
                ])
              : null
          }
          ${notice ? alert('warning', notice[0], notice[1]) : null}
          ${
            readOnly
              ? alert('info', 'Besvarelsen kan ikke indsendes', readOnly)
              : progress.missing.length > 0
                ? missingList(context)
                : signOffForm(model)
          }
          <p class="mt-7"><a href="${surveyPath(edition.id)}">Tilbage til besvarelsen</a></p>
        </div>
      </div>`,
  });
}
