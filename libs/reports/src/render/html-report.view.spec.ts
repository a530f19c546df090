import { municipalityReportModel, nationalReportModel, SUPPRESSED_CELL } from '../../test/fixtures';
import { municipalityReportHtml, nationalReportHtml } from './html-report.view';

/** The chart configurations embedded in the canvases, unescaped as a browser would. */
function charts(fragment: string) {
  // Either quote is fine: both are escaped inside the attribute.
  return [...fragment.matchAll(/<canvas\s+data-chart=(["'])(.*?)\1/g)]
    .map((m) => m[2])
    .map((attr) =>
      JSON.parse(
        attr
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
      ),
    );
}

/** One report section's HTML, from its heading to the end of the section. */
function section(fragment: string, heading: string) {
  const start = fragment.indexOf(`<h2>${heading}</h2>`);
  expect(start).toBeGreaterThan(-1);
  return fragment.slice(start, fragment.indexOf('</section>', start));
}

describe(municipalityReportHtml.name, () => {
  const fragment = municipalityReportHtml(municipalityReportModel('Brøndby'));

  it("sets the municipality's attacks and breaches against the national mean, never a median or quartile", () => {
    const numbers = section(fragment, 'Angreb og brud');
    expect(numbers).toMatch(/<th[^>]*>Landsgennemsnit<\/th>/);
    // Own 420 attacks per day against the fixture's national mean of 310.
    expect(numbers).toMatch(/<td[^>]*>420<\/td>\s*<td[^>]*>310<\/td>/);
    expect(numbers).not.toMatch(/<th[^>]*>[^<]*([Mm]edian|kvartil|Midterste halvdel)/);
  });

  it('says how the municipality compares in words, with the minus sign in signed figures', () => {
    expect(fragment).toContain(
      'Landsgennemsnittet er 3,01, så kommunen ligger 0,35 over landsgennemsnittet.',
    );
    const below = municipalityReportModel('Brøndby');
    below.figures.overall = { ...below.figures.overall, own: 2.662, delta: -0.35 };
    expect(municipalityReportHtml(below)).toContain('så kommunen ligger 0,35 under landsgennemsnittet.');
    expect(fragment).not.toMatch(/fra gennemsnittet/);
    // Signed figures in tables: "−0,35", never "-0,35".
    expect(fragment).toMatch(/<td[^>]*>−\d,\d\d<\/td>/);
    expect(fragment).not.toMatch(/>-\d/);
  });

  it('is a fragment with the same figures as the PDF', () => {
    expect(fragment).not.toMatch(/<html|<body/);
    expect(fragment).toContain('Kommunerapport – Brøndby Kommune');
    expect(fragment).toContain('Kommunens samlede indeks for 2025 er 3,36');
    expect(fragment).toContain('Skjult (færre end 5 kommuner)');
  });

  it('holds the radar and trend charts as parseable chart.js configurations', () => {
    const configs = charts(fragment);
    expect(configs.map((c) => c.type)).toEqual(['radar', 'line']);
    expect(configs[0].data.datasets[0].label).toBe('Brøndby Kommune');
    expect(fragment).toMatch(/<canvas[^>]*role="img"[^>]*aria-label="Radardiagram/);
  });

  it('uses DKFDS zebra tables with captions', () => {
    expect(fragment).toContain('<table class="table table--zebra">');
    expect(fragment).toMatch(/<caption>\s*Score pr\. område\s*<\/caption>/);
  });
});

describe(nationalReportHtml.name, () => {
  it("is headed by the edition's title", () => {
    const model = nationalReportModel();
    model.national.edition.title = 'Baseline 2025 – cyber- og informationssikkerhed';
    expect(nationalReportHtml(model)).toMatch(
      /<h1>\s*Baseline 2025 – cyber- og informationssikkerhed\s*<\/h1>/,
    );
  });

  it('writes changes in per cent as "−19,1 %" and shares as "8,5 %"', () => {
    const fragment = nationalReportHtml(nationalReportModel());
    expect(fragment).toMatch(/<td[^>]*>−\d+,\d %<\/td>/);
    expect(fragment).toMatch(/<td[^>]*>\d+,\d %<\/td>/);
    expect(fragment).not.toMatch(/>-\d/);
  });

  it('holds the level and area charts and the regional table', () => {
    const fragment = nationalReportHtml(nationalReportModel());
    expect(charts(fragment).map((c) => c.type)).toEqual(['bar', 'bar']);
    expect(fragment).toMatch(/<caption>\s*Samlet indeks pr\. region\s*<\/caption>/);
    expect(fragment).toContain('Landsrapport');
  });

  it('relates the incident rates to the maturity quartiles, hidden ones marked, no boundaries', () => {
    const html = section(nationalReportHtml(nationalReportModel()), 'Hændelser og modenhed');
    const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/gs)].map((m) =>
      [...m[1].matchAll(/<t[dh][^>]*>\s*(.*?)\s*<\/t[dh]>/gs)].map((c) => c[1]),
    );
    expect(rows).toEqual([
      ['Kvartil (samlet indeks)', 'Kommuner', 'Hændelser pr. 10.000 indbyggere'],
      ['1 (laveste modenhed)', '21', 'Skjult (færre end 5 kommuner)'],
      ['2', '21', '31,4'],
      ['3', '21', '27,3'],
      ['4 (højeste modenhed)', '21', '22,8'],
      ['Alle kommuner', '98', '28,6'],
    ]);
    expect(html).toContain('i 2025 pr. 10.000 indbyggere');
    expect(html).toContain('Kvartilernes grænser oplyses ikke.');
  });
});

describe(`${nationalReportHtml.name} and anonymity`, () => {
  it('prints no lowest or highest index, and medians and quartiles to one decimal', () => {
    const fragment = nationalReportHtml(nationalReportModel());
    expect(fragment).not.toMatch(/Laveste|Højeste/);
    expect(fragment).toMatch(/Median<\/th><td[^>]*>3,1</);
    expect(fragment).toMatch(/Nedre kvartil<\/th><td[^>]*>2,7</);
  });

  it('prints attacks and breaches as mean, sd and n, never a median or quartile (an answer of one municipality)', () => {
    const numbers = section(nationalReportHtml(nationalReportModel()), 'Angreb og brud');
    expect(numbers).toMatch(/<th[^>]*>Gennemsnit<\/th>/);
    expect(numbers).toMatch(/<th[^>]*>Standardafvigelse<\/th>/);
    // The fixture's attacks per day: mean 310, sd 220, n 84.
    expect(numbers).toMatch(/<td[^>]*>310<\/td>\s*<td[^>]*>220<\/td>\s*<td[^>]*>84<\/td>/);
    expect(numbers).not.toMatch(/<th[^>]*>[^<]*([Mm]edian|kvartil)/);
  });

  it('says that fewer than K took part instead of the count, when the edition is hidden whole', () => {
    const model = nationalReportModel();
    const national = {
      ...model.national,
      participation: {
        ...model.national.participation,
        participants: null,
        sharePercent: null,
        suppressed: true,
      },
      overall: { ...model.national.overall, ...SUPPRESSED_CELL },
    };
    const fragment = nationalReportHtml({ ...model, national });
    expect(fragment).toContain('Færre end 5 af 98 kommuner har indsendt besvarelsen for 2025');
    expect(fragment).not.toContain('91 af 98');
    expect(fragment).toContain('Landsgennemsnittet er skjult');
  });
});
