import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The blocks of a stylesheet: a rule may sit only at the top or inside an at-rule (@media,
 * @supports). A lost "}" (easy to lose where two branches append to the same file) nests the
 * following rules inside a style rule, and the browser silently drops them all.
 */
function nestingProblems(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const stack: string[] = [];
  const problems: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      const prelude = text.slice(start, i).trim();
      const parent = stack[stack.length - 1];
      if (parent !== undefined && !parent.startsWith('@')) {
        problems.push(`"${prelude}" opens inside the rule "${parent}"`);
      }
      stack.push(prelude);
      start = i + 1;
    } else if (c === '}') {
      if (stack.pop() === undefined) problems.push(`an extra "}" at offset ${i}`);
      start = i + 1;
    } else if (c === ';') {
      start = i + 1;
    }
  }
  return [...problems, ...stack.map((s) => `"${s}" is never closed`)];
}

describe('app.css', () => {
  it('closes every block, and nests rules only inside at-rules', () => {
    const css = readFileSync(join(__dirname, '..', 'assets', 'app.css'), 'utf8');
    expect(nestingProblems(css)).toEqual([]);
  });

  it('finds a lost closing brace', () => {
    expect(nestingProblems('.a {\n  color: red;\n.b {\n  color: blue;\n}\n')).toEqual([
      '".b" opens inside the rule ".a"',
      '".a" is never closed',
    ]);
  });
});
