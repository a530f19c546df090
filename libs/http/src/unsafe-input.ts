/** Deeper than this, a request body is refused before class-transformer and class-validator recurse into it. */
export const MAX_INPUT_DEPTH = 32;

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL (NUL) or any UTF-8 encoder (a lone surrogate) cannot take this text; null when it can. */
export function textProblem(text: string): string | null {
  if (text.includes(NUL)) return 'contains a NUL character';
  if (LONE_SURROGATE.test(text)) return 'contains a lone UTF-16 surrogate';
  return null;
}

export interface InputProblem {
  /** Where it is, e.g. `body.answers[0].comment`. */
  field: string;
  problem: string;
}

/** `parent.key`, or `parent[3]` for an array index. */
function fieldPath(parent: string, key: string, inArray: boolean): string {
  return inArray ? `${parent}[${key}]` : `${parent}.${key}`;
}

/**
 * The first string (value or key) that a database cannot store, or the first container nested deeper
 * than `maxDepth`. Iterative, so a hostile nesting cannot overflow the stack of the check itself.
 */
export function findUnsafeInput(
  value: unknown,
  root: string,
  maxDepth = MAX_INPUT_DEPTH,
): InputProblem | null {
  const stack: Array<{ value: unknown; field: string; depth: number }> = [{ value, field: root, depth: 0 }];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (typeof next.value === 'string') {
      const problem = textProblem(next.value);
      if (problem) return { field: next.field, problem };
      continue;
    }
    if (next.value === null || typeof next.value !== 'object') continue;
    const depth = next.depth + 1;
    if (depth > maxDepth) return { field: next.field, problem: `is nested deeper than ${maxDepth} levels` };
    const inArray = Array.isArray(next.value);
    const entries = Object.entries(next.value);
    for (const [key] of inArray ? [] : entries) {
      const keyProblem = textProblem(key);
      if (keyProblem) return { field: next.field, problem: `has a key that ${keyProblem}` };
    }
    // Reversed, so the first offending field in document order is the one reported.
    for (let i = entries.length - 1; i >= 0; i--) {
      stack.push({ value: entries[i][1], field: fieldPath(next.field, entries[i][0], inArray), depth });
    }
  }
  return null;
}
