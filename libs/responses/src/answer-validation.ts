import type { Question } from '@app/surveys';

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

export interface AnswerProblem {
  questionKey: string;
  problem: string;
}

const EMPTY: Omit<StoredValue, 'notApplicable' | 'comment'> = {
  valueNumber: null,
  valueBool: null,
  valueText: null,
  valueChoices: null,
};

const TEXT_LIMIT = 4_000;
const COMMENT_LIMIT = 2_000;

/**
 * Checks one answer against its question and the edition's scale and converts it to storage
 * form, or says in plain words what is wrong. `value: null` clears the answer.
 */
export function validateAnswer(
  q: Question,
  input: AnswerInput,
  scaleValues: number[],
): { ok: true; stored: StoredValue } | { ok: false; problem: string } {
  const comment = input.comment ?? null;
  if (comment !== null && (typeof comment !== 'string' || comment.length > COMMENT_LIMIT)) {
    return { ok: false, problem: `comment must be text of at most ${COMMENT_LIMIT} characters` };
  }
  const v = input.value;
  if (input.notApplicable) {
    if (!q.allowNotApplicable)
      return { ok: false, problem: 'this question cannot be answered "not applicable"' };
    if (v !== undefined && v !== null)
      return { ok: false, problem: 'a "not applicable" answer has no value' };
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
        return {
          ok: false,
          problem: `must be one of the scale levels ${scaleValues.join(', ')}; got ${JSON.stringify(v)}`,
        };
      }
      return stored({ valueNumber: String(v) });
    case 'yes_no':
      if (typeof v !== 'boolean')
        return { ok: false, problem: `must be true (yes) or false (no); got ${JSON.stringify(v)}` };
      return stored({ valueBool: v });
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v))
        return { ok: false, problem: `must be a number; got ${JSON.stringify(v)}` };
      if (q.integer && !Number.isInteger(v))
        return { ok: false, problem: `must be a whole number; got ${v}` };
      if (q.min !== null && v < Number(q.min))
        return { ok: false, problem: `must be at least ${Number(q.min)}; got ${v}` };
      if (q.max !== null && v > Number(q.max))
        return { ok: false, problem: `must be at most ${Number(q.max)}; got ${v}` };
      return stored({ valueNumber: String(v) });
    }
    case 'single_choice': {
      const allowed = (q.options ?? []).map((o) => o.value);
      if (typeof v !== 'string' || !allowed.includes(v)) {
        return { ok: false, problem: `must be one of ${allowed.join(', ')}; got ${JSON.stringify(v)}` };
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
        return {
          ok: false,
          problem: `must be a non-empty list of ${allowed.join(', ')}; got ${JSON.stringify(v)}`,
        };
      }
      if (new Set(v).size !== v.length) return { ok: false, problem: 'must not list an option twice' };
      return stored({ valueChoices: v as string[] });
    }
    case 'text': {
      const limit = q.maxLength ?? TEXT_LIMIT;
      if (typeof v !== 'string' || v.length > limit)
        return { ok: false, problem: `must be text of at most ${limit} characters` };
      return stored({ valueText: v.trim() === '' ? null : v });
    }
  }
}
