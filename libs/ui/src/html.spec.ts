import { html } from './html';

/** Prettier lays out html`` templates as HTML, so compare without the whitespace between tags. */
const compact = (s: string) => s.replace(/>\s+</g, '><').trim();

describe('html', () => {
  it('escapes interpolated text', () => {
    const out = html`<p>${'<script>alert("x")</script>'}</p>`.value;
    expect(compact(out)).toBe('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>');
  });

  it('keeps nested fragments and drops empty values', () => {
    const items = ['æ', 'ø'].map((x) => html`<li>${x}</li>`);
    expect(
      compact(
        html`<ul>
          ${items}${null}${false}
        </ul>`.value,
      ),
    ).toBe('<ul><li>æ</li><li>ø</li></ul>');
  });
});
