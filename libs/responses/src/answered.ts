import type { StoredValue } from './answer-validation';

/** The columns of `answers` that hold a value; an answer has at most one of them set. */
export const ANSWER_VALUE_FIELDS = ['valueNumber', 'valueBool', 'valueText', 'valueChoices'] as const;

const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * The SQL twin of `isAnswered`, for an `answers` row aliased `a` (ResponsesRepository: progress,
 * participation, missing required questions). Built from the same field list; answered.spec.ts
 * checks that the list is every value column of `Answer`.
 */
export const ANSWERED_SQL = `(a.not_applicable OR ${ANSWER_VALUE_FIELDS.map((f) => `a.${snake(f)} IS NOT NULL`).join(' OR ')})`;

/** A stored answer's value, whichever column holds it; null when none does. */
export function answerValue(row: Omit<StoredValue, 'notApplicable' | 'comment'>): unknown {
  if (row.valueNumber !== null) return Number(row.valueNumber);
  if (row.valueBool !== null) return row.valueBool;
  if (row.valueChoices !== null) return row.valueChoices;
  return row.valueText;
}

/**
 * Whether an answer counts as answered: a value, or an explicit "not applicable". The one definition
 * for the API, the web's progress and submit checks; `ANSWERED_SQL` is its twin in SQL.
 */
export function isAnswered(a: { notApplicable: boolean; value: unknown } | undefined): boolean {
  return !!a && (a.notApplicable || (a.value !== null && a.value !== undefined));
}
