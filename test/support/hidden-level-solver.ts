/**
 * The attacker of issue 8's follow-up: solves the hidden level cells of one published question row
 * from everything else the row publishes. Written independently of the application's code.
 */

/** One question row as published: levels in order, with counts or `null` for hidden cells. */
export interface PublishedRow {
  label: string;
  levels: Array<{ level: number; count: number | null }>;
  n: number | null;
  /** Every published figure about the row's answers; `null` for one that is not published. */
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** Further evidence of the mean, e.g. next year's `previousMean` or `mean − meanDelta`. */
  otherMeans?: number[];
}

const decimalsOf = (v: number) => (String(v).split('.')[1] ?? '').length;
/** True when `exact` rounds to `published` at the precision the published figure shows (slack for chains). */
const matches = (exact: number, published: number, slack = 0) =>
  Math.abs(exact - published) <= 0.5 * 10 ** -decimalsOf(published) + slack + 1e-9;

/** Hyndman–Fan type 7 percentile of the answers given as counts per level. */
function percentile(levels: number[], counts: number[], p: number): number {
  const n = counts.reduce((s, c) => s + c, 0);
  const pos = p * (n - 1);
  const valueAt = (i: number) => {
    let cum = 0;
    for (const [j, c] of counts.entries()) {
      cum += c;
      if (i < cum) return levels[j];
    }
    return levels[levels.length - 1];
  };
  const lo = Math.floor(pos);
  return valueAt(lo) + (valueAt(Math.ceil(pos)) - valueAt(lo)) * (pos - lo);
}

function consistent(row: PublishedRow, levels: number[], counts: number[]): boolean {
  const n = counts.reduce((s, c) => s + c, 0);
  const mean = levels.reduce((s, l, i) => s + l * counts[i], 0) / n;
  if (row.mean !== null && !matches(mean, row.mean)) return false;
  // A mean derived from a delta carries the rounding of two published figures.
  if ((row.otherMeans ?? []).some((m) => !matches(mean, m, 10 ** -decimalsOf(m)))) return false;
  if (row.sd !== null) {
    const sd =
      n > 1 ? Math.sqrt(levels.reduce((s, l, i) => s + counts[i] * (l - mean) ** 2, 0) / (n - 1)) : 0;
    if (!matches(sd, row.sd)) return false;
  }
  for (const [p, v] of [
    [0.5, row.median],
    [0.25, row.q1],
    [0.75, row.q3],
  ] as const) {
    if (v !== null && !matches(percentile(levels, counts, p), v)) return false;
  }
  return true;
}

/**
 * Every assignment of non-negative whole numbers to the hidden cells that agrees with n, the visible
 * cells and every published figure. `null` when n is not published (the row says nothing to solve).
 */
export function solutions(row: PublishedRow): number[][] | null {
  if (row.n === null) return null;
  const levels = row.levels.map((l) => l.level);
  const hidden = row.levels.flatMap((l, i) => (l.count === null ? [i] : []));
  const rest = row.n - row.levels.reduce((s, l) => s + (l.count ?? 0), 0);
  const found: number[][] = [];
  const counts = row.levels.map((l) => l.count ?? 0);
  const assign = (h: number, left: number) => {
    if (h === hidden.length - 1) {
      counts[hidden[h]] = left;
      if (consistent(row, levels, counts)) found.push(hidden.map((i) => counts[i]));
      return;
    }
    for (let v = 0; v <= left; v++) {
      counts[hidden[h]] = v;
      assign(h + 1, left - v);
    }
  };
  if (hidden.length > 0 && rest >= 0) assign(0, rest);
  return found;
}

/**
 * The hidden cells of the row whose value is the same in every consistent assignment (`found`, from
 * `solutions`): the attacker knows them. Empty when each hidden cell could take at least two values.
 */
export function pinnedCells(row: PublishedRow, found: number[][]): string[] {
  if (found.length === 0) return [];
  const hidden = row.levels.filter((l) => l.count === null);
  return hidden.flatMap((l, i) =>
    new Set(found.map((s) => s[i])).size === 1 ? [`${row.label} level ${l.level} = ${found[0][i]}`] : [],
  );
}
