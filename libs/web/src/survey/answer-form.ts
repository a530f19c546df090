import { createHash } from 'node:crypto';
import type { AnswerInput, MyResponseView } from '@app/responses';
import type { QuestionnaireView } from '@app/surveys';
import { formatNumber } from '@app/ui';

export type Questionnaire = QuestionnaireView;
export type Area = Questionnaire['areas'][number];
export type Question = Area['questions'][number];
export type StoredAnswer = MyResponseView['answers'][number];

/**
 * One question's fields as the form shows and posts them: strings, because that is what a browser
 * sends, so a rejected entry ("-5", "mange") can be shown back exactly as typed.
 */
export interface FieldState {
  value: string | string[] | null;
  notApplicable: boolean;
  comment: string;
}

/** Field names carry the question key, which is stable and unique within an edition. */
export const fieldName = {
  value: (key: string) => `value:${key}`,
  notApplicable: (key: string) => `na:${key}`,
  comment: (key: string) => `comment:${key}`,
  /** The fingerprint of the answer the page showed (see `seenDigest`). */
  seen: (key: string) => `seen:${key}`,
};

/** An HTML id for a question; keys are lowercase words with dots and dashes. */
export const questionId = (key: string) => `q-${key.replace(/[^a-z0-9-]/gi, '-')}`;

/** The form fields for a stored answer (or an empty question). */
export function fieldStateFromAnswer(q: Question, answer: StoredAnswer | undefined): FieldState {
  const v = answer?.value;
  let value: FieldState['value'] = null;
  if (typeof v === 'boolean') value = v ? 'ja' : 'nej';
  else if (typeof v === 'number') value = q.type === 'number' ? formatNumber(v) : String(v);
  else if (Array.isArray(v)) value = v.map(String);
  else if (typeof v === 'string') value = v;
  return { value, notApplicable: answer?.notApplicable ?? false, comment: answer?.comment ?? '' };
}

const asString = (v: unknown): string | null =>
  typeof v === 'string' ? v : Array.isArray(v) && typeof v.at(-1) === 'string' ? (v.at(-1) as string) : null;

/** One question's fields from a posted form (urlencoded: a repeated name arrives as an array). */
export function fieldStateFromForm(q: Question, form: Record<string, unknown>): FieldState {
  const raw = form[fieldName.value(q.key)];
  const value =
    q.type === 'multi_choice'
      ? ([] as unknown[]).concat(raw ?? []).filter((x): x is string => typeof x === 'string')
      : asString(raw);
  return {
    value,
    notApplicable: form[fieldName.notApplicable(q.key)] !== undefined,
    comment: asString(form[fieldName.comment(q.key)]) ?? '',
  };
}

/** One answer as autosave.js posts it: the same strings the form would send. */
export function fieldStateFromJson(a: {
  value?: unknown;
  notApplicable?: boolean;
  comment?: unknown;
}): FieldState {
  const v = a.value;
  const value = Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string')
    : typeof v === 'string' || typeof v === 'number'
      ? String(v)
      : null;
  return {
    value,
    notApplicable: a.notApplicable === true,
    comment: typeof a.comment === 'string' ? a.comment : '',
  };
}

/**
 * Reads a number as Danes write it: "2,5" and "1.000" (thousands). Anything else is passed on
 * unchanged, so the service rejects it as "not a number" instead of it being guessed at.
 */
export function parseDanishNumber(text: string): number | string {
  const s = text.replace(/[\s\u00a0]/g, '');
  let normalised: string;
  if (/^-?\d+(\.\d{3})*,\d+$/.test(s) || /^-?\d+(\.\d{3})+$/.test(s)) {
    normalised = s.replace(/\./g, '').replace(',', '.');
  } else if (/^-?\d+([.,]\d+)?$/.test(s)) {
    normalised = s.replace(',', '.');
  } else {
    return text;
  }
  return Number(normalised);
}

function typedValue(q: Question, value: FieldState['value']): unknown {
  if (Array.isArray(value)) return value.length === 0 ? null : value;
  if (value === null || (q.type !== 'text' && value.trim() === '')) return null;
  switch (q.type) {
    case 'scale':
      return /^\d+$/.test(value.trim()) ? Number(value) : value;
    case 'yes_no':
      return value === 'ja' ? true : value === 'nej' ? false : value;
    case 'number':
      return parseDanishNumber(value);
    default:
      return value;
  }
}

/**
 * The answer to send to the service; an untouched question becomes an empty answer (no row).
 *
 * "Ikke relevant" replaces a chosen value. Without JavaScript a chosen radio button cannot be
 * cleared, so a form that posts both a level and "Ikke relevant" means "not relevant"; the
 * officer who wants the level back unticks "Ikke relevant". The API itself stays strict and
 * refuses both together (NOT_APPLICABLE_WITH_VALUE): only the form has this ambiguity.
 */
export function answerInput(q: Question, state: FieldState): AnswerInput {
  const comment = state.comment.trim() === '' ? null : state.comment.trim();
  if (state.notApplicable) return { questionKey: q.key, notApplicable: true, value: null, comment };
  return { questionKey: q.key, value: typedValue(q, state.value), comment };
}

/**
 * A fingerprint of a question's answer as the form shows it, posted back as `seen:<key>`: the form
 * posts every question of the area, and a question whose fields still say what the page showed is
 * left out of the save, so that an untouched field never counts as overwriting a colleague's answer.
 * Line ends and the order of chosen options do not count (browsers change the one, forms the other).
 */
export function seenDigest(q: Question, state: FieldState): string {
  const input = answerInput(q, state);
  const value = Array.isArray(input.value) ? [...(input.value as string[])].sort() : input.value;
  const canonical = JSON.stringify({ ...input, value }).replace(/\\r\\n/g, '\\n');
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 22);
}
