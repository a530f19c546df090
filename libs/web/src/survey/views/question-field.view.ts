import { ANSWER_LIMITS, isAnswered } from '@app/responses';
import { formatNumber, html, SafeHtml } from '@app/ui';
import { errorMessage } from '../../views/components.view';
import { FieldState, fieldName, Question, Questionnaire, questionId, StoredAnswer } from '../answer-form';

type Scale = Questionnaire['scale'];

interface Choice {
  value: string;
  label: string;
  hint?: string | null;
}

/** The choices of a radio or checkbox question; a scale shows each level's label and description. */
function choicesOf(q: Question, scale: Scale): Choice[] {
  switch (q.type) {
    case 'scale':
      return scale.map((l) => ({
        value: String(l.value),
        label: `Niveau ${l.value}: ${l.label?.da ?? ''}`,
        hint: l.description?.da,
      }));
    case 'yes_no':
      return [
        { value: 'ja', label: 'Ja' },
        { value: 'nej', label: 'Nej' },
      ];
    default:
      return (q.options ?? []).map((o) => ({ value: o.value, label: o.label.da }));
  }
}

/** The id of the question's first input: where the error summary's link puts the focus. */
export function firstInputId(q: Question): string {
  return ['number', 'text'].includes(q.type) ? `${questionId(q.key)}-input` : `${questionId(q.key)}-opt-0`;
}

const marker = (q: Question) =>
  html`<span class="weight-normal">${q.required ? ' (skal besvares)' : ' (frivilligt)'}</span>`;

const describedBy = (...ids: Array<string | false | null | undefined>) => {
  const list = ids.filter(Boolean).join(' ');
  return list ? html`aria-describedby="${list}"` : null;
};

function options(q: Question, scale: Scale, state: FieldState): SafeHtml[] {
  const id = questionId(q.key);
  const multi = q.type === 'multi_choice';
  const chosen = new Set(([] as string[]).concat(state.value ?? []));
  return choicesOf(q, scale).map((c, i) => {
    const optionId = `${id}-opt-${i}`;
    const hintId = c.hint ? `${optionId}-hint` : null;
    return html`<div class="${multi ? 'form-group-checkbox' : 'form-group-radio'}">
      <input
        type="${multi ? 'checkbox' : 'radio'}"
        class="${multi ? 'form-checkbox' : 'form-radio'}"
        id="${optionId}"
        name="${fieldName.value(q.key)}"
        value="${c.value}"
        ${chosen.has(c.value) ? html`checked` : null}
        ${describedBy(hintId)}
      />
      <label class="form-label" for="${optionId}">${c.label}</label>
      ${c.hint ? html`<span class="form-hint" id="${hintId}">${c.hint}</span>` : null}
    </div>`;
  });
}

function notApplicable(q: Question, state: FieldState): SafeHtml | null {
  if (!q.allowNotApplicable) return null;
  const id = `${questionId(q.key)}-na`;
  // Says what happens to a chosen answer, which a page without JavaScript cannot untick.
  return html`<div class="form-group-checkbox question-na">
    <input
      type="checkbox"
      class="form-checkbox"
      id="${id}"
      name="${fieldName.notApplicable(q.key)}"
      value="1"
      aria-describedby="${id}-hint"
      ${state.notApplicable ? html`checked` : null}
    />
    <label class="form-label" for="${id}">Ikke relevant</label>
    <span class="form-hint" id="${id}-hint"
      >${['number', 'text'].includes(q.type) ? 'Erstatter et indtastet svar.' : 'Erstatter et valgt svar.'}</span
    >
  </div>`;
}

/** Free text needs no separate comment; every other question has one. */
function comment(q: Question, state: FieldState): SafeHtml | null {
  if (q.type === 'text') return null;
  const id = `${questionId(q.key)}-comment`;
  return html`<div class="form-group question-comment">
    <label class="form-label" for="${id}"
      >Kommentar<span class="sr-only"> til spørgsmålet »${q.text?.da}«</span
      ><span class="weight-normal"> (frivilligt)</span></label
    >
    <textarea
      class="form-input"
      id="${id}"
      name="${fieldName.comment(q.key)}"
      rows="2"
      maxlength="${ANSWER_LIMITS.commentMaxLength}"
    >
${state.comment}</textarea>
  </div>`;
}

/** What the answer page adds around a question's fields. */
export interface QuestionExtras {
  /** The fingerprint of the stored answer (answer-form.ts `seenDigest`). */
  seen: string;
  /** A colleague's change that kept this question's answer out of the last save. */
  conflict?: SafeHtml | null;
  /** »Historik«: who changed the answer when. */
  history?: SafeHtml | null;
}

/** One question as form fields in DKFDS markup, with its help text, error, conflict and comment. */
export function questionField(
  q: Question,
  scale: Scale,
  state: FieldState,
  error: string | undefined,
  extras: QuestionExtras,
): SafeHtml {
  const id = questionId(q.key);
  const hintId = q.help?.da ? `${id}-hint` : null;
  const errorId = error ? `${id}-error` : null;
  const hint = hintId ? html`<span class="form-hint" id="${hintId}">${q.help?.da}</span>` : null;
  const problem = error && errorId ? errorMessage(errorId, error) : null;
  const groupClass = `form-group question${error ? ' form-error' : ''}`;
  const data = html`id="${id}" data-question="${q.key}" data-type="${q.type}"`;
  const seen = html`<input type="hidden" name="${fieldName.seen(q.key)}" value="${extras.seen}" />`;
  const conflict = extras.conflict ?? null;

  if (q.type === 'number' || q.type === 'text') {
    const inputId = `${id}-input`;
    const attrs = html`id="${inputId}" name="${fieldName.value(q.key)}" ${describedBy(hintId, errorId)}
    ${error ? html`aria-invalid="true"` : null}`;
    const value = typeof state.value === 'string' ? state.value : '';
    const input =
      q.type === 'text'
        ? html`<textarea class="form-input" rows="5" maxlength="${q.maxLength ?? 4000}" ${attrs}>
${value}</textarea>`
        : html`<div class="form-input-wrapper ${q.unit ? 'form-input-wrapper--suffix' : ''}">
            <input
              type="text"
              inputmode="${q.integer ? 'numeric' : 'decimal'}"
              class="form-input input-char-11"
              value="${value}"
              ${attrs}
            />
            ${q.unit ? html`<div class="form-input-suffix" aria-hidden="true">${q.unit}</div>` : null}
          </div>`;
    return html`<div class="${groupClass}" ${data}>
      <label class="form-label" for="${inputId}"
        >${q.text?.da}${q.unit ? html`<span class="sr-only"> (${q.unit})</span>` : null}${marker(q)}</label
      >
      ${hint} ${problem} ${conflict} ${input} ${notApplicable(q, state)} ${comment(q, state)} ${seen}
      ${extras.history ?? null}
    </div>`;
  }

  return html`<div class="${groupClass}" ${data}>
    <fieldset ${describedBy(hintId, errorId)}>
      <legend class="form-label">${q.text?.da}${marker(q)}</legend>
      ${hint} ${problem} ${conflict} ${options(q, scale, state)} ${notApplicable(q, state)}
    </fieldset>
    ${comment(q, state)} ${seen} ${extras.history ?? null}
  </div>`;
}

/** A stored answer in words, for read-only pages. */
export function answerText(q: Question, scale: Scale, a: StoredAnswer | undefined): string {
  if (!a || !isAnswered(a)) return 'Ikke besvaret';
  if (a.notApplicable) return 'Ikke relevant';
  const v = a.value;
  switch (q.type) {
    case 'scale': {
      const level = scale.find((l) => l.value === v);
      return level ? `Niveau ${level.value}: ${level.label?.da ?? ''}` : String(v);
    }
    case 'yes_no':
      return v ? 'Ja' : 'Nej';
    case 'number':
      return `${formatNumber(Number(v))}${q.unit ? ` ${q.unit}` : ''}`;
    case 'single_choice':
    case 'multi_choice': {
      const labels = new Map((q.options ?? []).map((o) => [o.value, o.label.da]));
      return ([] as unknown[])
        .concat(v)
        .map((x) => labels.get(String(x)) ?? String(x))
        .join(', ');
    }
    default:
      return String(v);
  }
}

/** One question and its answer as text, when the response cannot be changed. */
export function questionReadOnly(q: Question, scale: Scale, a: StoredAnswer | undefined): SafeHtml {
  return html`<div class="question question-readonly" id="${questionId(q.key)}">
    <h3 class="h5 mb-2">${q.text?.da}</h3>
    <p class="mt-0 mb-2"><strong>Svar:</strong> ${answerText(q, scale, a)}</p>
    ${a?.comment ? html`<p class="mt-0"><strong>Kommentar:</strong> ${a.comment}</p>` : null}
  </div>`;
}
