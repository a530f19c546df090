import type { StoredValue } from './answer-validation';
import { mergeDecision, sameAnswer } from './answer-merge';

const answer = (s: Partial<StoredValue>): StoredValue => ({
  valueNumber: null,
  valueBool: null,
  valueText: null,
  valueChoices: null,
  notApplicable: false,
  comment: null,
  ...s,
});

describe('mergeDecision', () => {
  const level3 = answer({ valueNumber: '3' });
  const level4 = answer({ valueNumber: '4' });

  it('stores an answer nobody changed after the base version', () => {
    expect(mergeDecision(5, level4, level3, 5)).toBe('write');
    expect(mergeDecision(5, level4, level3, 2)).toBe('write');
  });

  it('stores an answer that was never changed', () => {
    expect(mergeDecision(0, level4, null, null)).toBe('write');
    expect(mergeDecision(7, level4, null, null)).toBe('write');
  });

  it('is a conflict when a colleague changed the question after the base version', () => {
    expect(mergeDecision(5, level4, level3, 6)).toBe('conflict');
  });

  it('is a conflict when a colleague cleared the question after the base version', () => {
    expect(mergeDecision(5, level4, null, 6)).toBe('conflict');
  });

  it('is no conflict when the colleague saved the same answer', () => {
    expect(mergeDecision(5, level3, answer({ valueNumber: '3.0' }), 6)).toBe('unchanged');
    expect(mergeDecision(5, answer({}), null, 6)).toBe('unchanged');
  });

  it('sees a changed comment or "not applicable" as a different answer', () => {
    expect(mergeDecision(5, answer({ valueNumber: '3', comment: 'x' }), level3, 6)).toBe('conflict');
    expect(mergeDecision(5, answer({ notApplicable: true }), null, 6)).toBe('conflict');
  });
});

describe('sameAnswer', () => {
  it('compares choices as a set and an empty answer as no answer', () => {
    expect(sameAnswer(answer({ valueChoices: ['a', 'b'] }), answer({ valueChoices: ['b', 'a'] }))).toBe(true);
    expect(sameAnswer(answer({ valueChoices: ['a'] }), answer({ valueChoices: ['a', 'b'] }))).toBe(false);
    expect(sameAnswer(answer({}), null)).toBe(true);
    expect(sameAnswer(answer({ valueBool: false }), null)).toBe(false);
    expect(sameAnswer(answer({ valueText: 'ja' }), answer({ valueText: 'nej' }))).toBe(false);
  });
});
