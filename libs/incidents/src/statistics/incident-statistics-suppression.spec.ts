import { hiddenCells, ScopeFigure, SuppressionTable } from './incident-statistics-suppression';

/** A national scope and three regions; figures are municipalities per cell (incidents alike). */
function table(figures: Record<string, Record<string, number>>): SuppressionTable {
  return {
    national: 'national',
    regions: ['r1', 'r2', 'r3'],
    keys: ['all|*', 'c|a', 'c|b', 'c|c'],
    totalKey: 'all|*',
    rows: [{ total: 'all|*', parts: ['c|a', 'c|b', 'c|c'], overlapping: true }],
    additive: () => true,
    figure: (scope, key): ScopeFigure => {
      const n = figures[scope]?.[key] ?? 0;
      return { incidents: n, municipalities: n };
    },
  };
}

describe('hiddenCells', () => {
  const national = { 'all|*': 20, 'c|a': 14, 'c|b': 5, 'c|c': 1 };
  const r1 = { 'all|*': 8, 'c|a': 6, 'c|b': 2, 'c|c': 0 };
  const r2 = { 'all|*': 7, 'c|a': 5, 'c|b': 1, 'c|c': 1 };
  const r3 = { 'all|*': 5, 'c|a': 3, 'c|b': 2, 'c|c': 0 };

  it('hides a small cell and a complement in its row, so the total does not give it away', () => {
    const hidden = hiddenCells(table({ national, r1, r2, r3 }), 5);
    expect(hidden.has('national|c|c')).toBe(true);
    expect(['national|c|a', 'national|c|b'].some((id) => hidden.has(id))).toBe(true);
  });

  it('hides a complement in the column when one region hides a cell the national figure shows', () => {
    const hidden = hiddenCells(table({ national, r1, r2, r3 }), 5);
    // r3's class a (3 municipalities) is hidden; national a (14) is visible: another region's a must hide.
    expect(hidden.has('r3|c|a')).toBe(true);
    expect(['r1|c|a', 'r2|c|a'].some((id) => hidden.has(id))).toBe(true);
  });

  it('hides a region under K whole, and then a second region total', () => {
    const small = { 'all|*': 2, 'c|a': 2 };
    const hidden = hiddenCells(table({ national: { ...national, 'all|*': 17 }, r1, r2, r3: small }), 5);
    for (const key of ['all|*', 'c|a', 'c|b', 'c|c']) expect(hidden.has(`r3|${key}`)).toBe(true);
    expect(['r1|all|*', 'r2|all|*'].some((id) => hidden.has(id))).toBe(true);
  });

  it('hides nothing when every cell has K or none', () => {
    const big = { 'all|*': 10, 'c|a': 5, 'c|b': 5 };
    expect(
      hiddenCells(table({ national: { 'all|*': 20, 'c|a': 10, 'c|b': 10 }, r1: big, r2: big }), 5).size,
    ).toBe(0);
  });
});
