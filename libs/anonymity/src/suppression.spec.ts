import { numberFigures, publishCell, suppressedKeys } from './suppression';

describe('suppressedKeys', () => {
  const cells = (ns: Record<string, number>) => Object.entries(ns).map(([key, n]) => ({ key, n }));
  const K = 5;

  it('hides nothing when every group has at least K, and shows empty groups', () => {
    expect(suppressedKeys(cells({ a: 0, b: 5, c: 9, d: 20 }), K)).toEqual(new Set());
  });

  it('hides a whole row whose total is below K, zeros included', () => {
    expect(suppressedKeys(cells({ a: 0, b: 0, c: 1, d: 0, e: 0 }), K)).toEqual(
      new Set(['a', 'b', 'c', 'd', 'e']),
    );
  });

  it('hides a small group and, as its complement, the next smallest', () => {
    expect(suppressedKeys(cells({ a: 3, b: 9, c: 7, d: 20 }), K)).toEqual(new Set(['a', 'c']));
  });

  it('hides the zeros beside a hidden cell, so they do not point at it', () => {
    expect(suppressedKeys(cells({ a: 0, b: 2, c: 30, d: 6 }), K)).toEqual(new Set(['a', 'b', 'd']));
  });

  it('needs no complement when two hidden groups describe K together', () => {
    expect(suppressedKeys(cells({ a: 2, b: 3, c: 7 }), K)).toEqual(new Set(['a', 'b']));
  });

  it('adds a complement when the hidden groups together describe fewer than K', () => {
    expect(suppressedKeys(cells({ a: 1, b: 2, c: 7, d: 9 }), K)).toEqual(new Set(['a', 'b', 'c']));
  });

  it('gives a group hidden for an outside reason a complement too', () => {
    expect(suppressedKeys(cells({ a: 9, b: 6, c: 20 }), K, { forced: new Set(['a']) })).toEqual(
      new Set(['a', 'b']),
    );
  });

  it('needs one hidden cell of K when a municipality can be counted in several cells', () => {
    expect(suppressedKeys(cells({ a: 2, b: 3, c: 7, d: 9 }), K, { overlapping: true })).toEqual(
      new Set(['a', 'b', 'c']),
    );
  });

  it('never leaves a hidden cell derivable from the total and the visible cells (every row of 4 cells up to 7)', () => {
    const derivable: string[] = [];
    for (let i = 0; i < 8 ** 4; i++) {
      const ns = [0, 1, 2, 3].map((d) => Math.floor(i / 8 ** d) % 8);
      const row = ns.map((n, d) => ({ key: String(d), n }));
      const hidden = row.filter((c) => suppressedKeys(row, K).has(c.key));
      const total = ns.reduce((a, b) => a + b, 0);
      const hiddenSum = hidden.reduce((a, c) => a + c.n, 0);
      const visibleSmall = row.some((c) => !hidden.includes(c) && c.n > 0 && c.n < K);
      const pinned =
        hidden.length === 1 || (hidden.length > 0 && hidden.length < row.length && hiddenSum < K);
      if (visibleSmall || (total > 0 && pinned)) derivable.push(ns.join(','));
    }
    expect(derivable).toEqual([]);
  });
});

describe('publishCell', () => {
  it('drops every figure from a suppressed cell', () => {
    const row = { n: 3, mean: 4, sd: 1, median: 4, q1: 3, q3: 5 };
    expect(publishCell(row, true)).toEqual({
      n: null,
      mean: null,
      sd: null,
      median: null,
      q1: null,
      q3: null,
      suppressed: true,
    });
    expect(publishCell(row, false)).toMatchObject({ n: 3, mean: 4, suppressed: false });
  });
});

describe('numberFigures', () => {
  it('publishes n, mean and sd of a number question and no median or quartile', () => {
    const cell = publishCell({ n: 7, mean: 31.4, sd: 12.5, median: 30, q1: 12, q3: 40 }, false);
    expect(numberFigures({ ...cell, previousMean: 28 })).toEqual({
      n: 7,
      mean: 31.4,
      sd: 12.5,
      suppressed: false,
      previousMean: 28,
    });
  });
});
