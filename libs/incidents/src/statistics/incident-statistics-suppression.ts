import { suppressedKeys } from '@app/anonymity';

/** A figure of one scope: the incidents behind it and how many municipalities they come from. */
export interface ScopeFigure {
  incidents: number;
  municipalities: number;
}

/**
 * The published figures as one table: the national scope and the region scopes, each with the
 * same cell keys. Within a scope, `rows` are cells that add up to a published total (the groups of
 * the groupBy to the scope's incidents, the breach statuses and types to the breaches); `overlapping`
 * when one municipality can sit in several cells of the row (months, classes, severities). Across
 * scopes, each `additive` cell of the regions adds up to the national one (the regions partition the
 * municipalities), so a national figure minus the visible regions is the sum of the hidden ones.
 */
export interface SuppressionTable {
  national: string;
  regions: string[];
  keys: string[];
  /** The scope's own total; a region whose total is hidden is hidden whole. */
  totalKey: string;
  rows: Array<{ total: string; parts: string[]; overlapping: boolean }>;
  additive: (key: string) => boolean;
  figure: (scope: string, key: string) => ScopeFigure;
  /** Cells that are the same figure in two places (a region's total and the national row's region cell). */
  same?: Array<[string, string, string, string]>;
}

export const cellId = (scope: string, key: string) => `${scope}|${key}`;

/**
 * The hidden cells (`scope|key`) under K, as the survey statistics hide them (docs/statistics.md,
 * docs/incident-statistics.md): primary (1 … K−1 municipalities), a scope under K hidden whole, a
 * hidden row total hides its row, and complementary suppression in every row and every
 * region-to-national column, repeated until nothing changes, since hiding a cell for a column can
 * uncover it through its row and the other way round.
 */
export function hiddenCells(t: SuppressionTable, k: number): Set<string> {
  const hidden = new Set<string>();
  const scopes = [t.national, ...t.regions];
  const hide = (scope: string, key: string) => {
    const id = cellId(scope, key);
    if (hidden.has(id)) return false;
    hidden.add(id);
    return true;
  };
  for (const scope of scopes) {
    const total = t.figure(scope, t.totalKey).municipalities;
    for (const key of t.keys) {
      const m = t.figure(scope, key).municipalities;
      if ((total > 0 && total < k) || (m > 0 && m < k)) hide(scope, key);
    }
  }
  const applyRow = (scope: string, parts: string[], overlapping: boolean, whole: boolean): boolean => {
    let changed = false;
    if (whole) {
      for (const key of parts) changed = hide(scope, key) || changed;
      return changed;
    }
    const cells = parts.map((key) => ({ key, n: t.figure(scope, key).municipalities }));
    const forced = new Set(parts.filter((key) => hidden.has(cellId(scope, key))));
    for (const key of suppressedKeys(cells, k, { forced, overlapping }))
      changed = hide(scope, key) || changed;
    return changed;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const scope of scopes) {
      if (hidden.has(cellId(scope, t.totalKey))) changed = applyRow(scope, t.keys, false, true) || changed;
      for (const row of t.rows) {
        const whole = hidden.has(cellId(scope, row.total));
        changed = applyRow(scope, row.parts, row.overlapping, whole) || changed;
      }
    }
    for (const key of t.keys.filter(t.additive)) {
      if (hidden.has(cellId(t.national, key))) continue;
      const cells = t.regions.map((scope) => ({ key: scope, n: t.figure(scope, key).municipalities }));
      const forced = new Set(t.regions.filter((scope) => hidden.has(cellId(scope, key))));
      for (const scope of suppressedKeys(cells, k, { forced })) changed = hide(scope, key) || changed;
    }
    for (const [scopeA, keyA, scopeB, keyB] of t.same ?? []) {
      if (hidden.has(cellId(scopeA, keyA))) changed = hide(scopeB, keyB) || changed;
      if (hidden.has(cellId(scopeB, keyB))) changed = hide(scopeA, keyA) || changed;
    }
  }
  return hidden;
}
