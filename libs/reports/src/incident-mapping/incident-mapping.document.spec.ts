import type { IncidentCountDto, IncidentStatisticsScopeDto, IncidentYearFigures } from '@app/incidents';
import { renderDocumentPdf } from '../render/pdf-report.renderer';
import { incidentMappingDocument } from './incident-mapping.document';

// The package entry point runs a debug self-test when required directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ numpages: number; text: string }>;

const cell = (
  key: string,
  label: string,
  incidents: number,
  previous: number,
  per10k = 0,
): IncidentCountDto => ({
  key,
  label,
  incidents,
  per10k,
  previousIncidents: previous,
  changePercent: previous ? Math.round(((incidents - previous) / previous) * 1000) / 10 : null,
  suppressed: false,
});

function scope(kind: 'national' | 'region', key: string, label: string, population: number, total: number) {
  return {
    scope: kind,
    key,
    label,
    population,
    kSuppressed: false,
    total: cell(
      'all',
      label,
      total,
      Math.round(total * 0.9),
      Math.round((total / population) * 100_000) / 10,
    ),
    groups: Array.from({ length: 12 }, (_, i) => {
      const m = `2026-${String(i + 1).padStart(2, '0')}`;
      return cell(m, m, 1000 + i * 10, 900);
    }),
    personalDataBreaches: {
      total: cell('*', 'Brud', 1422, 1300),
      byStatus: [
        cell('notified', 'Anmeldt til Datatilsynet', 371, 350),
        cell('documented', 'Kun dokumenteret', 1040, 940),
        cell('undecided', 'Ikke afgjort', 11, 10),
      ],
      byType: [
        cell('utilsigtet-videregivelse', 'utilsigtet-videregivelse', 900, 800),
        cell('usikker-forsendelse-opbevaring', 'usikker-forsendelse-opbevaring', 300, 300),
        cell('fejl-i-adgangsstyring', 'fejl-i-adgangsstyring', 200, 190),
        cell('andet', 'andet', 22, 10),
      ],
    },
    obligations: [
      {
        kind: 'gdpr-art33',
        label: 'Anmeldelse til Datatilsynet (72 t)',
        decided: 371,
        metOnTime: 350,
        shareMetOnTime: 0.943,
        suppressed: false,
      },
    ],
    awareToContained: { medianHours: 6.4, incidents: 14000, suppressed: false },
    awareToResolved: { medianHours: 61.2, incidents: 13000, suppressed: false },
  } satisfies IncidentStatisticsScopeDto;
}

const REGIONS: Array<[string, string, number]> = [
  ['1081', 'Region Nordjylland', 594_634],
  ['1082', 'Region Midtjylland', 1_358_879],
  ['1083', 'Region Syddanmark', 1_237_413],
  ['1084', 'Region Hovedstaden', 1_891_778],
  ['1085', 'Region Sjælland', 849_857],
];

/** A year shaped like the demo log's: some 16,000 incidents across the country. */
function figures(): IncidentYearFigures {
  return {
    year: 2026,
    computedAt: new Date('2026-12-01T10:00:00Z'),
    stale: false,
    national: scope('national', 'all', 'Hele landet', 5_932_561, 16_250),
    classes: [cell('fraud', 'fraud', 9000, 8000), cell('malicious-code', 'malicious-code', 2000, 2500)],
    severities: [cell('low', 'Lav', 10_000, 9000), cell('critical', 'Kritisk', 40, 50)],
    regions: REGIONS.map(([code, name, population]) =>
      scope('region', code, name, population, Math.round(population / 365)),
    ),
    monthsByClass: Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`).flatMap(
      (month) => [
        { month, rsitClass: 'fraud', incidents: 750 },
        { month, rsitClass: 'malicious-code', incidents: 170 },
        { month, rsitClass: 'availability', incidents: 0 },
      ],
    ),
  };
}

describe(incidentMappingDocument.name, () => {
  const model = { figures: figures(), generatedAt: new Date('2026-12-01T12:00:00Z') };

  it('has the Danish title, and a month-by-class chart of the classes with incidents only', () => {
    const doc = incidentMappingDocument(model);
    expect(doc.title).toBe('Kortlægning af cyberhændelser 2026');
    const months = doc.sections.find((s) => s.heading === 'Hændelser pr. måned og RSIT-klasse')!;
    const chart = months.blocks.find((b) => b.kind === 'chart')!;
    expect(chart.kind === 'chart' && chart.config.data.datasets.map((d) => d.label)).toEqual([
      'Skadelig kode',
      'Svindel',
    ]);
    const table = months.blocks.find((b) => b.kind === 'table')!;
    expect(table.kind === 'table' && table.rows[1]).toEqual(['Svindel', ...Array(12).fill('750'), '9.000']);
  });

  it('renders a PDF with charts and the figures in Danish', async () => {
    const pdf = await renderDocumentPdf(incidentMappingDocument(model), model.generatedAt);
    const { text, numpages } = await pdfParse(pdf);
    const flat = text.replace(/·?\n/g, ' ');
    expect(numpages).toBeGreaterThanOrEqual(4);
    expect(flat).toContain('Kommunerne registrerede 16.250 hændelser i 2026, 27,4 pr. 10.000 indbyggere.');
    expect(flat).toContain('Kortlægningen nævner ingen kommune.');
    expect(text).toContain('Region Sjælland849.8572.328');
    expect(text).toContain('Inddæmmet6,4 t14.000');
    expect(text).toContain('Løst2,6 døgn13.000');
    expect(text).toContain('Anmeldelse til Datatilsynet (72 t)37135094,3 %');
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });
});
