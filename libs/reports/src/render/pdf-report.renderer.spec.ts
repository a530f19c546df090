import { municipalityReportModel, nationalReportModel } from '../../test/fixtures';
import { renderMunicipalityPdf, renderNationalPdf } from './pdf-report.renderer';

// The package entry point runs a debug self-test when required directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ numpages: number; text: string }>;

describe(renderMunicipalityPdf.name, () => {
  let pdf: Buffer;
  let parsed: { numpages: number; text: string };

  beforeAll(async () => {
    pdf = await renderMunicipalityPdf(municipalityReportModel('Ærø'));
    parsed = await pdfParse(pdf);
  });

  it('is a multi-page PDF titled with the municipality, æ and ø intact', () => {
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(parsed.numpages).toBeGreaterThanOrEqual(3);
    expect(parsed.text).toContain('Kommunerapport – Ærø Kommune');
    expect(parsed.text).toContain('Baseline 2025');
  });

  it('states the overall index and the national average with Danish decimal commas', () => {
    expect(parsed.text).toContain('Kommunens samlede indeks for 2025 er 3,36');
    expect(parsed.text).toContain('Landsgennemsnittet er 3,01');
    expect(parsed.text).toContain('den øverste fjerdedel');
  });

  it('numbers the pages and embeds the charts as images', () => {
    expect(parsed.text).toContain('Side 1 af');
    expect(parsed.text).toContain(`Side ${parsed.numpages} af ${parsed.numpages}`);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });

  it('marks suppressed figures instead of printing 0', () => {
    expect(parsed.text).toContain('Skjult (færre end 5');
    expect(parsed.text).toContain('Om anonymitet og skjulte tal');
  });
});

describe(renderNationalPdf.name, () => {
  it('renders participation, level change, regions with suppression and charts', async () => {
    const pdf = await renderNationalPdf(nationalReportModel());
    const { numpages, text } = await pdfParse(pdf);
    expect(numpages).toBeGreaterThanOrEqual(3);
    expect(text).toContain('Landsrapport');
    expect(text).toContain('91 af 98 kommuner');
    expect(text).toContain('Antallet af svar på niveau 5 (Optimeret) faldt 19,1 %');
    expect(text).toContain('Region Sjælland');
    expect(text).toMatch(/Region Nordjylland\s*Skjult/);
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
  });
});
