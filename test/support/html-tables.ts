/** The text of an HTML fragment: tags dropped, the few entities html`` writes decoded, spaces collapsed. */
export function textOf(fragment: string): string {
  return fragment
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The element with this id, as HTML ('' when the page has none). */
export function elementById(page: string, id: string): string {
  const start = page.search(new RegExp(`<(\\w+)[^>]*\\sid="${id}"`));
  if (start < 0) return '';
  const tag = /^<(\w+)/.exec(page.slice(start))![1];
  const end = page.indexOf(`</${tag}>`, start);
  return page.slice(start, end + tag.length + 3);
}

/** The rows of the table with this id, each a list of its cells' text (header rows included). */
export function tableRows(page: string, id: string): string[][] {
  return [...elementById(page, id).matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) => textOf(cell[1])),
  );
}

/** A figure as the Danish pages write it ("1.234", "12,5") as a number. */
export function danishNumber(text: string): number {
  return Number(text.replace(/\./g, '').replace(',', '.').replace(/\s*%$/, ''));
}
