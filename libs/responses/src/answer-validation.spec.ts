import type { Question } from '@app/surveys';
import { validateAnswer } from './answer-validation';

const scale = [1, 2, 3, 4, 5];
const question = (over: Partial<Question>): Question =>
  ({
    key: 'q',
    type: 'scale',
    allowNotApplicable: false,
    min: null,
    max: null,
    integer: false,
    maxLength: null,
    options: null,
    ...over,
  }) as Question;

describe('validateAnswer', () => {
  it('accepts scale levels and refuses anything outside the scale', () => {
    expect(validateAnswer(question({}), { questionKey: 'q', value: 4 }, scale)).toMatchObject({
      ok: true,
      stored: { valueNumber: '4' },
    });
    expect(validateAnswer(question({}), { questionKey: 'q', value: 6 }, scale)).toEqual({
      ok: false,
      reason: 'NOT_A_SCALE_LEVEL',
      problem: 'must be one of the scale levels 1, 2, 3, 4, 5; got 6',
    });
    expect(validateAnswer(question({}), { questionKey: 'q', value: '4' }, scale)).toMatchObject({
      ok: false,
    });
    expect(validateAnswer(question({}), { questionKey: 'q', value: 3.5 }, scale)).toMatchObject({
      ok: false,
    });
  });

  it('allows "not applicable" only where the question does, and without a value', () => {
    expect(validateAnswer(question({}), { questionKey: 'q', notApplicable: true }, scale)).toMatchObject({
      ok: false,
    });
    const na = question({ allowNotApplicable: true });
    expect(validateAnswer(na, { questionKey: 'q', notApplicable: true }, scale)).toMatchObject({
      ok: true,
      stored: { notApplicable: true },
    });
    expect(validateAnswer(na, { questionKey: 'q', notApplicable: true, value: 3 }, scale)).toMatchObject({
      ok: false,
    });
  });

  it('checks numbers against integer and bounds', () => {
    const n = question({ type: 'number', integer: true, min: '0', max: '100' });
    expect(validateAnswer(n, { questionKey: 'q', value: 12 }, scale)).toMatchObject({
      ok: true,
      stored: { valueNumber: '12' },
    });
    expect(validateAnswer(n, { questionKey: 'q', value: 1.5 }, scale)).toEqual({
      ok: false,
      reason: 'NOT_A_WHOLE_NUMBER',
      problem: 'must be a whole number; got 1.5',
    });
    expect(validateAnswer(n, { questionKey: 'q', value: -1 }, scale)).toEqual({
      ok: false,
      reason: 'BELOW_MINIMUM',
      problem: 'must be at least 0; got -1',
      limit: 0,
    });
    expect(validateAnswer(n, { questionKey: 'q', value: 'many' }, scale)).toMatchObject({ ok: false });
  });

  it('checks choices, yes/no and text', () => {
    const options = [
      { value: 'a', label: { da: 'A' } },
      { value: 'b', label: { da: 'B' } },
    ];
    expect(
      validateAnswer(question({ type: 'single_choice', options }), { questionKey: 'q', value: 'c' }, scale),
    ).toMatchObject({ ok: false });
    expect(
      validateAnswer(
        question({ type: 'multi_choice', options }),
        { questionKey: 'q', value: ['a', 'a'] },
        scale,
      ),
    ).toMatchObject({ ok: false });
    expect(
      validateAnswer(
        question({ type: 'multi_choice', options }),
        { questionKey: 'q', value: ['b', 'a'] },
        scale,
      ),
    ).toMatchObject({
      ok: true,
      stored: { valueChoices: ['b', 'a'] },
    });
    expect(
      validateAnswer(question({ type: 'yes_no' }), { questionKey: 'q', value: 'yes' }, scale),
    ).toMatchObject({ ok: false });
    expect(
      validateAnswer(
        question({ type: 'text', maxLength: 5 }),
        { questionKey: 'q', value: 'too long' },
        scale,
      ),
    ).toMatchObject({ ok: false });
  });

  it('clears an answer with null', () => {
    expect(validateAnswer(question({}), { questionKey: 'q', value: null }, scale)).toMatchObject({
      ok: true,
      stored: { valueNumber: null },
    });
  });
});
