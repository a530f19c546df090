import type { StoredValue } from './answer-validation';
import { answerValue } from './answered';

/** What one answer of a save does, against the answer as it is now. */
export type MergeDecision =
  /** The answer has not changed since the save's base version: the new value is stored. */
  | 'write'
  /** It already holds this value (perhaps a colleague saved the same): nothing to store. */
  | 'unchanged'
  /** A colleague changed it after the base version to something else: not stored, reported. */
  | 'conflict';

/** An answer as the API shows it: the value whichever column holds it, "not applicable", comment. */
export interface AnswerState {
  value: unknown;
  notApplicable: boolean;
  comment: string | null;
}

const EMPTY: StoredValue = {
  valueNumber: null,
  valueBool: null,
  valueText: null,
  valueChoices: null,
  notApplicable: false,
  comment: null,
};

/** A stored answer, or none (no row), as the API shows it. */
export function answerState(stored: StoredValue | null): AnswerState {
  const s = stored ?? EMPTY;
  return { value: answerValue(s), notApplicable: s.notApplicable, comment: s.comment };
}

/** Whether an answer is fully empty: no value, not "not applicable", no comment (stored as no row). */
export function isEmptyAnswer(s: StoredValue | null): boolean {
  return (
    s === null ||
    (!s.notApplicable &&
      s.valueNumber === null &&
      s.valueBool === null &&
      s.valueText === null &&
      s.valueChoices === null &&
      s.comment === null)
  );
}

const sortedChoices = (c: string[] | null) => (c === null ? null : [...c].sort());

/**
 * Whether two answers say the same: numbers by value ("2.50" is 2.5), choices as a set, and no row
 * the same as an empty answer.
 */
export function sameAnswer(a: StoredValue | null, b: StoredValue | null): boolean {
  const x = a ?? EMPTY;
  const y = b ?? EMPTY;
  return (
    (x.valueNumber === null ? null : Number(x.valueNumber)) ===
      (y.valueNumber === null ? null : Number(y.valueNumber)) &&
    x.valueBool === y.valueBool &&
    x.valueText === y.valueText &&
    JSON.stringify(sortedChoices(x.valueChoices)) === JSON.stringify(sortedChoices(y.valueChoices)) &&
    x.notApplicable === y.notApplicable &&
    (x.comment ?? null) === (y.comment ?? null)
  );
}

/**
 * The merge rule of a save based on `baseVersion`, for one of its answers. `lastChangedIn` is the
 * response version of the answer's newest change (null: never changed). Any save after the base is
 * a colleague's, whoever made it (another officer, or the same officer in another tab): the rule
 * looks at versions, not at users.
 */
export function mergeDecision(
  baseVersion: number,
  mine: StoredValue,
  current: StoredValue | null,
  lastChangedIn: number | null,
): MergeDecision {
  if (sameAnswer(mine, current)) return 'unchanged';
  if (lastChangedIn === null || lastChangedIn <= baseVersion) return 'write';
  return 'conflict';
}
