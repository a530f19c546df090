import type { AnswerChangeView, AnswerConflictView, AnswerState } from '@app/responses';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { icon } from '../../views/components.view';
import { FieldState, fieldStateFromAnswer, Question, Questionnaire, StoredAnswer } from '../answer-form';
import { answerText } from './question-field.view';

type Scale = Questionnaire['scale'];

/** A save's answer that a colleague's change kept out, ready to show beside the question. */
export interface AnswerConflictNotice {
  questionKey: string;
  yoursText: string;
  theirsText: string;
  /** The colleague's answer as form fields, for »Brug kollegas svar«. */
  theirs: FieldState;
  byText: string;
  atText: string;
  /** The response version that includes the colleague's answer: »Behold mit svar« saves on top of it. */
  version: number;
}

const asStored = (a: AnswerState) => a as StoredAnswer;

/** An answer in words, with its comment, since two answers may differ only there. */
function answerWithComment(q: Question, scale: Scale, a: AnswerState): string {
  const text = answerText(q, scale, asStored(a));
  return a.comment ? `${text} – kommentar: »${a.comment}«` : text;
}

/** Who made a change, as officers of the municipality read it. */
export const colleagueText = (c: { changedBy: { name: string; email: string } | null }) =>
  c.changedBy ? `${c.changedBy.name} (${c.changedBy.email})` : 'en tidligere kollega';

export function conflictNotice(
  q: Question,
  scale: Scale,
  conflict: AnswerConflictView,
  version: number,
): AnswerConflictNotice {
  return {
    questionKey: q.key,
    yoursText: answerWithComment(q, scale, conflict.yours),
    theirsText: answerWithComment(q, scale, conflict.theirs),
    theirs: fieldStateFromAnswer(q, asStored(conflict.theirs)),
    byText: colleagueText(conflict),
    atText: formatDateTime(conflict.changedAt),
    version,
  };
}

/**
 * The conflict beside its question: both answers and the choice. The buttons post the form
 * (without JavaScript: »Behold mit svar« saves what the fields say, »Brug kollegas svar« leaves the
 * question out); autosave.js handles them in place.
 */
export function conflictBox(c: AnswerConflictNotice): SafeHtml {
  return html`<div
    class="alert alert-warning answer-conflict"
    role="alert"
    data-answer-conflict="${c.questionKey}"
    data-version="${c.version}"
    data-theirs="${JSON.stringify(c.theirs)}"
  >
    ${icon('warning', 'Advarsel', 'alert-icon')}
    <div class="alert-body">
      <p class="alert-heading h5">En kollega har ændret svaret, så dit svar er ikke gemt</p>
      <ul class="alert-text nobullet-list">
        <li><strong>Dit svar:</strong> ${c.yoursText}</li>
        <li><strong>Kollegas svar (${c.byText}, ${c.atText}):</strong> ${c.theirsText}</li>
      </ul>
      <p class="alert-text">
        <button
          type="submit"
          class="button button-secondary"
          name="keep"
          value="${c.questionKey}"
          data-conflict-choice="keep"
        >
          Behold mit svar
        </button>
        <button
          type="submit"
          class="button button-tertiary"
          name="theirs"
          value="${c.questionKey}"
          data-conflict-choice="theirs"
        >
          Brug kollegas svar
        </button>
      </p>
    </div>
  </div>`;
}

/** »Historik« under a question: who changed the answer and when, newest first. */
export function answerHistory(
  q: Question,
  scale: Scale,
  changes: AnswerChangeView[] | undefined,
): SafeHtml | null {
  if (!changes || changes.length === 0) return null;
  return html`<details class="details answer-history">
    <summary class="details-summary">Historik<span class="sr-only"> for »${q.text?.da}«</span></summary>
    <div class="details-text">
      <ul class="nobullet-list">
        ${changes.map(
          (c) =>
            html`<li>
              Ændret af ${colleagueText(c)} den ${formatDateTime(c.changedAt)}:
              ${c.kind === 'cleared' ? 'svaret blev fjernet' : answerWithComment(q, scale, c)}
            </li>`,
        )}
      </ul>
    </div>
  </details>`;
}
