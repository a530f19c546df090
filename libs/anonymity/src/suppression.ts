/**
 * Small-group suppression (docs/statistics.md, "Suppression") over one row of cells that share a published total
 * (the levels of one question, the regions of one subject, the size classes). A cell describing 1 …
 * K−1 municipalities is hidden (primary). Once a row hides anything, the total minus the visible
 * cells is the sum of the hidden ones, so:
 * - a row whose total is below K is hidden whole: its cells describe fewer than K municipalities;
 * - every cell below K is hidden with it, zeros included: a zero beside one hidden cell tells which
 *   cell holds the rest;
 * - and the smallest visible cells are hidden too (complementary suppression) until the hidden cells
 *   hold at least two non-empty ones that together describe at least K municipalities. When one
 *   municipality can sit in several cells (`overlapping`: answers per level over all questions), a sum
 *   says nothing about how many there are, so one hidden cell must reach K on its own.
 * `forced` cells are hidden for a reason outside the row (a group whose participation is hidden).
 * A row with nothing hidden shows its zeros: they describe nobody.
 */
export function suppressedKeys<T extends { key: string; n: number }>(
  cells: T[],
  k: number,
  options: { forced?: ReadonlySet<string>; overlapping?: boolean } = {},
): Set<string> {
  const total = cells.reduce((sum, c) => sum + c.n, 0);
  if (total > 0 && total < k) return new Set(cells.map((c) => c.key));
  const forced = options.forced ?? new Set<string>();
  const hidden = new Set(cells.filter((c) => forced.has(c.key) || (c.n > 0 && c.n < k)).map((c) => c.key));
  if (hidden.size === 0) return hidden;
  for (const c of cells) if (c.n < k) hidden.add(c.key);
  const covered = () => {
    const h = cells.filter((c) => hidden.has(c.key) && c.n > 0);
    const enough = options.overlapping ? h.some((c) => c.n >= k) : h.reduce((sum, c) => sum + c.n, 0) >= k;
    return h.length >= 2 && enough;
  };
  const visible = cells
    .filter((c) => !hidden.has(c.key))
    .sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  for (const c of visible) {
    if (covered()) break;
    hidden.add(c.key);
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
  suppressed: boolean;
}

const SUPPRESSED: Cell = {
  n: null,
  mean: null,
  sd: null,
  median: null,
  q1: null,
  q3: null,
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
    suppressed: false,
  };
}

/** A cell whose n stays published but whose moments and order statistics would reveal hidden cells. */
export function withoutMoments<T extends Cell>(cell: T): T {
  return { ...cell, mean: null, sd: null, median: null, q1: null, q3: null };
}

/**
 * A number question publishes n, mean and sd only. Its answers are whole numbers, so a median or
 * quartile is, with an odd group or equal neighbours, one municipality's answer, and no rounding
 * changes that (docs/statistics.md). The recompute stores none; this keeps them out of the shape too.
 */
export function numberFigures<T extends Cell>(cell: T): Omit<T, 'median' | 'q1' | 'q3'> {
  const { median: _median, q1: _q1, q3: _q3, ...published } = cell;
  return published;
}

export { round };
