import { MAIN_MENU, markCurrent } from './main-menu';

describe(markCurrent.name, () => {
  const officer = MAIN_MENU.municipality_officer;
  const kl = MAIN_MENU.kl_analyst;
  const marked = (links: typeof officer, path: string | undefined) =>
    markCurrent(links, path)
      .map((mark, i) => mark && `${links[i].text}:${mark}`)
      .filter(Boolean);

  it('marks the link of the page itself, and the home link only on the home page', () => {
    expect(marked(officer, '/')).toEqual(['Forside:page']);
    expect(marked(officer, '/rapporter')).toEqual(['Rapporter:page']);
  });

  it('marks the section of a page under a link, by the longest matching path', () => {
    expect(marked(officer, '/haendelser/ny')).toEqual(['Hændelser:section']);
    expect(marked(kl, '/administration/udgaver/1/deltagelse')).toEqual(['Udgaver:section']);
    expect(marked(kl, '/administration/brug')).toEqual(['Brug:page']);
  });

  it('marks nothing on a page outside the menu, or a path that only starts like a link', () => {
    expect(marked(officer, '/findes-ikke')).toEqual([]);
    expect(marked(officer, '/rapporterne')).toEqual([]);
    expect(marked(kl, '/rapporter')).toEqual([]);
    expect(marked(officer, undefined)).toEqual([]);
  });
});
