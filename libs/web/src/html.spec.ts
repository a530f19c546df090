import { html } from './html';

describe('html', () => {
  it('escapes interpolated text', () => {
    expect(html`<p>${'<script>alert("x")</script>'}</p>`.value).toBe(
      '<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
    );
  });

  it('keeps nested fragments and drops empty values', () => {
    const items = ['æ', 'ø'].map((x) => html`<li>${x}</li>`);
    expect(
      html`<ul>
        ${items}${null}${false}
      </ul>`.value,
    ).toBe('<ul><li>æ</li><li>ø</li></ul>');
  });
});
