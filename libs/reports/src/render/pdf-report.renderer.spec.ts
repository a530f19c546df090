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

/** The PDF's objects as text: the structure tree is plain dictionaries, never compressed by pdfkit. */
const objects = (pdf: Buffer) => pdf.toString('latin1');
/** The dictionary of object `n 0 obj`. */
const object = (pdf: Buffer, ref: string) =>
  new RegExp(`\\n${ref.replace(' R', '')} obj\\n([\\s\\S]*?)\\nendobj`).exec(objects(pdf))?.[1] ?? '';
const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' };
/** Decodes a PDF literal string `(…)` as pdfkit writes it: escaped, UTF-16BE after a BOM. */
function pdfString(raw: string): string {
  const bytes = Buffer.from(
    raw.slice(1, -1).replace(/\\([nrtbf()\\])/g, (_, c: string) => ESCAPES[c] ?? c),
    'latin1',
  );
  return bytes[0] === 0xfe && bytes[1] === 0xff
    ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le')
    : bytes.toString('latin1');
}
/** Every structure element: its type and, if it has one, its alternative text. */
function structureElements(pdf: Buffer): Array<{ type: string; alt: string | null }> {
  return [...objects(pdf).matchAll(/<<\n\/S \/(\w+)\n([\s\S]*?)>>\nendobj/g)].map((m) => {
    const alt = /\/Alt (\((?:\\.|[^\\)])*\))/.exec(m[2]);
    return { type: m[1], alt: alt ? pdfString(alt[1]) : null };
  });
}

describe('tagged PDF (PDF/UA)', () => {
  let municipal: Buffer;
  let national: Buffer;

  beforeAll(async () => {
    municipal = await renderMunicipalityPdf(municipalityReportModel('Ærø'));
    national = await renderNationalPdf(nationalReportModel());
  });

  it('declares itself tagged, Danish, PDF/UA-1 and shows its title', () => {
    for (const pdf of [municipal, national]) {
      const text = objects(pdf);
      expect(text.startsWith('%PDF-1.7')).toBe(true);
      expect(text).toMatch(/\/StructTreeRoot \d+ 0 R/);
      const markInfo = /\/MarkInfo (\d+ 0 R)/.exec(text)?.[1] ?? 'none';
      expect(object(pdf, markInfo)).toContain('/Marked true');
      expect(text).toMatch(/\/Lang \(da-DK\)/);
      expect(text).toMatch(/\/DisplayDocTitle true/);
      expect(text).toContain('pdfuaid:part');
    }
  });

  it('has a structure tree of headings, paragraphs, tables and figures with alternative text', () => {
    const elements = structureElements(municipal);
    const types = new Set(elements.map((e) => e.type));
    for (const type of ['Document', 'H1', 'H2', 'P', 'Table', 'TR', 'TH', 'TD', 'Figure'])
      expect(types).toContain(type);
    expect(elements.filter((e) => e.type === 'H1')).toHaveLength(1);
    const figures = elements.filter((e) => e.type === 'Figure');
    // The municipality report has two charts: the areas radar and the trend line.
    expect(figures).toHaveLength(2);
    expect(figures.map((f) => f.alt)).toEqual([
      expect.stringContaining('Radardiagram: Ærø Kommunes score pr. område'),
      expect.stringContaining('Linjediagram'),
    ]);
    const nationalFigures = structureElements(national).filter((e) => e.type === 'Figure');
    expect(nationalFigures.length).toBeGreaterThanOrEqual(2);
    expect(nationalFigures.every((f) => f.alt && f.alt.length > 20)).toBe(true);
  });
});
