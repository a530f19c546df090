import { publishCell, suppressedKeys } from './suppression';

describe('suppressedKeys', () => {
  const cells = (ns: Record<string, number>) => Object.entries(ns).map(([key, n]) => ({ key, n }));

  it('hides nothing when every group has at least K', () => {
    expect(suppressedKeys(cells({ a: 5, b: 9, c: 20 }), 5)).toEqual(new Set());
  });

  it('hides a small group and, as its complement, the next smallest', () => {
    expect(suppressedKeys(cells({ a: 3, b: 9, c: 7, d: 20 }), 5)).toEqual(new Set(['a', 'c']));
  });

  it('needs no complement when two or more are already hidden', () => {
    expect(suppressedKeys(cells({ a: 3, b: 4, c: 7 }), 5)).toEqual(new Set(['a', 'b']));
  });

  it('leaves empty groups visible and never picks one as the complement', () => {
    expect(suppressedKeys(cells({ a: 0, b: 2, c: 30, d: 6 }), 5)).toEqual(new Set(['b', 'd']));
  });
});

describe('publishCell', () => {
  it('drops every figure from a suppressed cell', () => {
    const row = { n: 3, mean: 4, sd: 1, median: 4, q1: 3, q3: 5, min: 2, max: 5 };
    expect(publishCell(row, true)).toEqual({
      n: null,
      mean: null,
      sd: null,
      median: null,
      q1: null,
      q3: null,
      min: null,
      max: null,
      suppressed: true,
    });
    expect(publishCell(row, false)).toMatchObject({ n: 3, mean: 4, suppressed: false });
  });
});
