import { municipalityReportModel, nationalReportModel, SUPPRESSED_CELL } from './fixtures';
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

describe(municipalityReportHtml.name, () => {
  const fragment = municipalityReportHtml(municipalityReportModel('Brøndby'));

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
  it('holds the level and area charts and the regional table', () => {
    const fragment = nationalReportHtml(nationalReportModel());
    expect(charts(fragment).map((c) => c.type)).toEqual(['bar', 'bar']);
    expect(fragment).toMatch(/<caption>\s*Samlet indeks pr\. region\s*<\/caption>/);
    expect(fragment).toContain('Landsrapport');
  });
});

describe(`${nationalReportHtml.name} and anonymity`, () => {
  it('prints no lowest or highest index, and medians and quartiles to one decimal', () => {
    const fragment = nationalReportHtml(nationalReportModel());
    expect(fragment).not.toMatch(/Laveste|Højeste/);
    expect(fragment).toMatch(/Median<\/th><td[^>]*>3,1</);
    expect(fragment).toMatch(/Nedre kvartil<\/th><td[^>]*>2,7</);
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
