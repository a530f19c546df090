import { getMetadataArgsStorage } from 'typeorm';
import { Answer } from './answer.entity';
import { ANSWER_VALUE_FIELDS, ANSWERED_SQL, answerValue, isAnswered } from './answered';

const EMPTY = { valueNumber: null, valueBool: null, valueText: null, valueChoices: null };
const SET = { valueNumber: '0', valueBool: false, valueText: 'x', valueChoices: ['a'] } as const;

/** Evaluates ANSWERED_SQL for one row the way PostgreSQL would: its OR of terms, each term on the row. */
function sqlAnswered(row: Record<string, unknown>): boolean {
  const inner = ANSWERED_SQL.replace(/^\(|\)$/g, '');
  return inner.split(' OR ').some((term) => {
    const notNull = /^a\.(\w+) IS NOT NULL$/.exec(term);
    if (notNull) return row[notNull[1]] !== null;
    const flag = /^a\.(\w+)$/.exec(term);
    if (flag) return row[flag[1]] === true;
    throw new Error(`unexpected term ${term}`);
  });
}

const toColumns = (v: Record<string, unknown>, notApplicable: boolean) => ({
  value_number: v.valueNumber,
  value_bool: v.valueBool,
  value_text: v.valueText,
  value_choices: v.valueChoices,
  not_applicable: notApplicable,
});

describe('isAnswered', () => {
  it('lists every value column of Answer, so a new one cannot be forgotten in TS or SQL', () => {
    const columns = getMetadataArgsStorage()
      .columns.filter((c) => c.target === Answer && c.propertyName.startsWith('value'))
      .map((c) => c.propertyName);
    expect([...ANSWER_VALUE_FIELDS].sort()).toEqual(columns.sort());
  });

  const cases: Array<[string, Record<string, unknown>, boolean, boolean]> = [
    ['nothing', EMPTY, false, false],
    ['only "not applicable"', EMPTY, true, true],
    ...ANSWER_VALUE_FIELDS.map((f): [string, Record<string, unknown>, boolean, boolean] => [
      `only ${f} (a falsy ${JSON.stringify(SET[f])})`,
      { ...EMPTY, [f]: SET[f] },
      false,
      true,
    ]),
  ];

  it.each(cases)('%s: TS and SQL agree', (_name, values, notApplicable, expected) => {
    const stored = values as typeof EMPTY;
    expect(isAnswered({ notApplicable, value: answerValue(stored) })).toBe(expected);
    expect(sqlAnswered(toColumns(values, notApplicable))).toBe(expected);
  });

  it('an empty text counts as unanswered, since validation stores it as null', () => {
    expect(isAnswered({ notApplicable: false, value: null })).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
  });
});
