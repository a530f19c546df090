import { findUnsafeInput, MAX_INPUT_DEPTH, textProblem } from './unsafe-input';

describe(findUnsafeInput.name, () => {
  it('accepts ordinary Danish text, emoji (a valid surrogate pair), numbers and nulls', () => {
    expect(findUnsafeInput({ a: ['Ærø 😀', 1, null, true], b: { c: 'æøå' } }, 'body')).toBeNull();
  });

  it('names the field holding a NUL or a lone surrogate, in document order', () => {
    const body = { version: 0, answers: [{ comment: 'ok' }, { comment: 'x\u0000', value: '\ud800' }] };
    expect(findUnsafeInput(body, 'body')).toEqual({
      field: 'body.answers[1].comment',
      problem: 'contains a NUL character',
    });
    expect(findUnsafeInput({ a: ['\udc00'] }, 'query')).toEqual({
      field: 'query.a[0]',
      problem: 'contains a lone UTF-16 surrogate',
    });
  });

  it('refuses a key that is not storable, naming its object', () => {
    expect(findUnsafeInput({ x: { '\ud800': 1 } }, 'body')).toEqual({
      field: 'body.x',
      problem: 'has a key that contains a lone UTF-16 surrogate',
    });
  });

  it('allows nesting up to the limit and refuses one level more, without recursing', () => {
    const nest = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH), 'body')).toBeNull();
    expect(findUnsafeInput(nest(MAX_INPUT_DEPTH + 1), 'body')?.problem).toBe(
      `is nested deeper than ${MAX_INPUT_DEPTH} levels`,
    );
    expect(findUnsafeInput(nest(100_000), 'body')?.problem).toMatch(/nested deeper/);
  });
});

describe(textProblem.name, () => {
  it.each([
    ['\ud83d\ude00', null],
    ['\ude00\ud83d', 'contains a lone UTF-16 surrogate'],
    ['a\ud83d', 'contains a lone UTF-16 surrogate'],
    ['\u0000', 'contains a NUL character'],
  ])('%j → %s', (text, problem) => {
    expect(textProblem(text)).toBe(problem);
  });
});
