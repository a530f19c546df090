import type { Question } from '@app/surveys';
import { ANSWER_LIMITS } from './answer-limits';

/** An answer as the API receives it. */
export interface AnswerInput {
  questionKey: string;
  value?: unknown;
  notApplicable?: boolean;
  comment?: string | null;
}

/** The typed columns an answer is stored in (see answer.entity.ts). */
export interface StoredValue {
  valueNumber: string | null;
  valueBool: boolean | null;
  valueText: string | null;
  valueChoices: string[] | null;
  notApplicable: boolean;
  comment: string | null;
}

/** Why an answer was refused, for clients (and the web's Danish texts) to branch on. */
export type AnswerProblemReason =
  | 'UNKNOWN_QUESTION'
  | 'ANSWERED_TWICE'
  | 'COMMENT_TOO_LONG'
  | 'NOT_APPLICABLE_NOT_ALLOWED'
  | 'NOT_APPLICABLE_WITH_VALUE'
  | 'NOT_A_SCALE_LEVEL'
  | 'NOT_YES_NO'
  | 'NOT_A_NUMBER'
  | 'NOT_A_WHOLE_NUMBER'
  | 'BELOW_MINIMUM'
  | 'ABOVE_MAXIMUM'
  | 'NOT_AN_OPTION'
  | 'NOT_OPTIONS'
  | 'OPTION_REPEATED'
  | 'TEXT_TOO_LONG';

/** What is wrong with one answer: `problem` in English words, `reason` and `limit` to act on. */
export interface AnswerProblem {
  questionKey: string;
  reason: AnswerProblemReason;
  problem: string;
  /** The bound that was crossed: a length, a minimum or a maximum. */
  limit?: number;
}

type Refusal = { ok: false } & Omit<AnswerProblem, 'questionKey'>;

const refuse = (reason: AnswerProblemReason, problem: string, limit?: number): Refusal => ({
  ok: false,
  reason,
  problem,
  ...(limit !== undefined ? { limit } : {}),
});

const EMPTY: Omit<StoredValue, 'notApplicable' | 'comment'> = {
  valueNumber: null,
  valueBool: null,
  valueText: null,
  valueChoices: null,
};

const { textMaxLength: TEXT_LIMIT, commentMaxLength: COMMENT_LIMIT } = ANSWER_LIMITS;

/**
 * Checks one answer against its question and the edition's scale and converts it to storage
 * form, or says in plain words what is wrong. `value: null` clears the answer.
 */
export function validateAnswer(
  q: Question,
  input: AnswerInput,
  scaleValues: number[],
): { ok: true; stored: StoredValue } | Refusal {
  const comment = input.comment ?? null;
  if (comment !== null && (typeof comment !== 'string' || comment.length > COMMENT_LIMIT)) {
    return refuse(
      'COMMENT_TOO_LONG',
      `comment must be text of at most ${COMMENT_LIMIT} characters`,
      COMMENT_LIMIT,
    );
  }
  const v = input.value;
  if (input.notApplicable) {
    if (!q.allowNotApplicable)
      return refuse('NOT_APPLICABLE_NOT_ALLOWED', 'this question cannot be answered "not applicable"');
    if (v !== undefined && v !== null)
      return refuse('NOT_APPLICABLE_WITH_VALUE', 'a "not applicable" answer has no value');
    return { ok: true, stored: { ...EMPTY, notApplicable: true, comment } };
  }
  const stored = (s: Partial<StoredValue>): { ok: true; stored: StoredValue } => ({
    ok: true,
    stored: { ...EMPTY, ...s, notApplicable: false, comment },
  });
  if (v === undefined || v === null) return stored({});

  switch (q.type) {
    case 'scale':
      if (typeof v !== 'number' || !scaleValues.includes(v)) {
        return refuse(
          'NOT_A_SCALE_LEVEL',
          `must be one of the scale levels ${scaleValues.join(', ')}; got ${JSON.stringify(v)}`,
        );
      }
      return stored({ valueNumber: String(v) });
    case 'yes_no':
      if (typeof v !== 'boolean')
        return refuse('NOT_YES_NO', `must be true (yes) or false (no); got ${JSON.stringify(v)}`);
      return stored({ valueBool: v });
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v))
        return refuse('NOT_A_NUMBER', `must be a number; got ${JSON.stringify(v)}`);
      if (q.integer && !Number.isInteger(v))
        return refuse('NOT_A_WHOLE_NUMBER', `must be a whole number; got ${v}`);
      if (q.min !== null && v < Number(q.min))
        return refuse('BELOW_MINIMUM', `must be at least ${Number(q.min)}; got ${v}`, Number(q.min));
      if (q.max !== null && v > Number(q.max))
        return refuse('ABOVE_MAXIMUM', `must be at most ${Number(q.max)}; got ${v}`, Number(q.max));
      return stored({ valueNumber: String(v) });
    }
    case 'single_choice': {
      const allowed = (q.options ?? []).map((o) => o.value);
      if (typeof v !== 'string' || !allowed.includes(v)) {
        return refuse('NOT_AN_OPTION', `must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}`);
      }
      return stored({ valueText: v });
    }
    case 'multi_choice': {
      const allowed = (q.options ?? []).map((o) => o.value);
      if (
        !Array.isArray(v) ||
        v.length === 0 ||
        v.some((x) => typeof x !== 'string' || !allowed.includes(x))
      ) {
        return refuse(
          'NOT_OPTIONS',
          `must be a non-empty list of ${allowed.join(', ')}; got ${JSON.stringify(v)}`,
        );
      }
      if (new Set(v).size !== v.length) return refuse('OPTION_REPEATED', 'must not list an option twice');
      return stored({ valueChoices: v as string[] });
    }
    case 'text': {
      const limit = q.maxLength ?? TEXT_LIMIT;
      if (typeof v !== 'string' || v.length > limit)
        return refuse('TEXT_TOO_LONG', `must be text of at most ${limit} characters`, limit);
      return stored({ valueText: v.trim() === '' ? null : v });
    }
  }
}
