/**
 * Small-group suppression (design §3 Anonymity). A cell describing fewer than K municipalities (or
 * answers) is hidden. When exactly one cell of a breakdown is hidden, it could be recovered from
 * the total and the other cells, so the smallest remaining cell is hidden too (complementary
 * suppression). Cells with 0 describe nobody and stay visible.
 */
export function suppressedKeys<T extends { key: string; n: number }>(cells: T[], k: number): Set<string> {
  const primary = cells.filter((c) => c.n > 0 && c.n < k);
  const hidden = new Set(primary.map((c) => c.key));
  if (primary.length === 1) {
    const complement = cells
      .filter((c) => !hidden.has(c.key) && c.n > 0)
      .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key))[0];
    if (complement) hidden.add(complement.key);
  }
  return hidden;
}

/** A statistic cell as published: the figures, or `suppressed: true` with none of them. */
export interface Cell {
  n: number | null;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  min: number | null;
  max: number | null;
  suppressed: boolean;
}

const SUPPRESSED: Cell = {
  n: null,
  mean: null,
  sd: null,
  median: null,
  q1: null,
  q3: null,
  min: null,
  max: null,
  suppressed: true,
};

const round = (v: number | null, digits = 3) =>
  v === null ? null : Math.round(v * 10 ** digits) / 10 ** digits;

/** No row means nobody is in the group: published as n = 0, which reveals no one. */
export function publishCell(row: Omit<Cell, 'suppressed'> | undefined, hidden: boolean): Cell {
  if (hidden) return { ...SUPPRESSED };
  if (!row) return { ...SUPPRESSED, n: 0, suppressed: false };
  return {
    n: row.n,
    mean: round(row.mean),
    sd: round(row.sd),
    median: round(row.median),
    q1: round(row.q1),
    q3: round(row.q3),
    min: round(row.min),
    max: round(row.max),
    suppressed: false,
  };
}

export { round };
