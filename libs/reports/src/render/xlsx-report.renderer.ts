import { DASH, formatDate } from '@app/ui';
import ExcelJS from 'exceljs';
import type { ReportModel } from '../report-model';
import { columnsFor, FigureColumn, FigureKind, FigureRow, figureRows, isHidden, kindOf } from './figure-rows';
import { quartileText, reportSubtitle, suppressionNote, suppressedText } from './report-texts';

/**
 * Excel number formats. They are written with "." and "," in Excel's locale-neutral notation; a
 * Danish Excel shows 2,14 and 1.234,5 from them.
 */
const NUMBER_FORMATS: Record<FigureKind, string> = {
  score: '0.00',
  signedScore: '+0.00;-0.00;0.00',
  quantile: '0.0#',
  count: '0',
  number: '#,##0.0##',
};
/** Excel's text format: a cell stays text even when someone edits it, so "=…" never becomes a formula. */
const TEXT = '@';

interface SheetColumn {
  header: string;
  width: number;
  /** A text cell, or a figure of this kind (the row may refine it, see kindOf). */
  value: (row: FigureRow) => { text: string } | { number: number | null; kind: FigureKind } | 'hidden';
}

const text = (value: string | null) => ({ text: value ?? '' });

/** Figure columns of the report kind, limited to `fields`, in the order of FIGURE_COLUMNS. */
function figureColumns(model: ReportModel, fields: Array<keyof FigureRow>): SheetColumn[] {
  return columnsFor(model)
    .filter((c) => c.kind && fields.includes(c.field))
    .map((c: FigureColumn) => ({
      header: c.da,
      width: Math.max(12, c.da.length + 2),
      value: (row) =>
        isHidden(row, c)
          ? 'hidden'
          : { number: (row[c.field] as number | null | undefined) ?? null, kind: kindOf(row, c)! },
    }));
}

const SCORE_FIELDS: Array<keyof FigureRow> = [
  'own',
  'nationalMean',
  'delta',
  'median',
  'q1',
  'q3',
  'sd',
  'n',
];
const NUMBER_FIELDS: Array<keyof FigureRow> = ['own', 'nationalMean', 'sd', 'n'];

function addTable(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: SheetColumn[],
  rows: FigureRow[],
  k: number,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => {
    const cells = sheet.getRow(i + 2);
    columns.forEach((column, j) => {
      const cell = cells.getCell(j + 1);
      const value = column.value(row);
      if (value === 'hidden') {
        cell.value = suppressedText(k);
        cell.numFmt = TEXT;
      } else if ('text' in value) {
        cell.value = value.text;
        cell.numFmt = TEXT;
        cell.alignment = { wrapText: true, vertical: 'top' };
      } else if (value.number === null) {
        cell.value = DASH;
        cell.alignment = { horizontal: 'right' };
      } else {
        cell.value = value.number;
        cell.numFmt = NUMBER_FORMATS[value.kind];
      }
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
}

/** "Oversigt": what the report is, the overall index, and how hidden figures are marked. */
function addSummary(workbook: ExcelJS.Workbook, model: ReportModel, overall: FigureRow) {
  const k = model.national.k;
  const sheet = workbook.addWorksheet('Oversigt', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: 'Oplysning', width: 34 },
    { header: 'Værdi', width: 70 },
  ];
  sheet.getRow(1).font = { bold: true };
  const add = (label: string, value: string | number, numFmt = TEXT) => {
    const row = sheet.addRow([label, value]);
    row.getCell(1).numFmt = TEXT;
    row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  };
  add('Udgave', model.national.edition.title);
  add('Rapport', reportSubtitle(model));
  add('Dannet', formatDate(model.generatedAt));
  for (const column of columnsFor(model).filter((c) => c.kind && SCORE_FIELDS.includes(c.field))) {
    const value = overall[column.field] as number | null | undefined;
    const label = `Samlet indeks – ${column.da.toLowerCase()}`;
    if (column.national && overall.suppressed) add(label, suppressedText(k));
    else if (value === null || value === undefined) add(label, DASH);
    else add(label, value, NUMBER_FORMATS[kindOf(overall, column)!]);
  }
  if (model.kind === 'municipality') add('Placering', quartileText(model.figures.overall.quartile));
  add('Anonymitetsgrænse (K)', k, NUMBER_FORMATS.count);
  add('Skjulte tal', suppressionNote(k));
}

/**
 * The report as an Excel workbook: typed number cells (Excel sums and charts them as they are)
 * on one sheet each for the summary, the areas, the questions and the number questions. Text is
 * written as text cells in text format, never as formulas, whatever a question text begins with.
 */
export async function renderXlsx(model: ReportModel): Promise<Buffer> {
  const rows = figureRows(model);
  const k = model.national.k;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KL – Baseline';
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  workbook.title = `${model.national.edition.title} – ${reportSubtitle(model)}`;

  addSummary(
    workbook,
    model,
    rows.find((r) => r.type === 'overall')!,
  );
  const area = { header: 'Område', width: 44, value: (r: FigureRow) => text(r.areaTitle) };
  const key = { header: 'Nøgle', width: 30, value: (r: FigureRow) => text(r.key) };
  const question = { header: 'Spørgsmål', width: 70, value: (r: FigureRow) => text(r.text) };
  addTable(
    workbook,
    'Områder',
    [area, key, ...figureColumns(model, SCORE_FIELDS)],
    rows.filter((r) => r.type === 'area'),
    k,
  );
  addTable(
    workbook,
    'Spørgsmål',
    [area, key, question, ...figureColumns(model, SCORE_FIELDS)],
    rows.filter((r) => r.type === 'question'),
    k,
  );
  addTable(
    workbook,
    'Angreb og brud',
    [
      key,
      question,
      { header: 'Enhed', width: 12, value: (r) => text(r.unit) },
      ...figureColumns(model, NUMBER_FIELDS),
    ],
    rows.filter((r) => r.type === 'number'),
    k,
  );
  if (model.kind === 'national')
    addTable(
      workbook,
      'Hændelser og modenhed',
      [
        { header: 'Kvartil (samlet indeks)', width: 30, value: (r) => text(r.text) },
        ...figureColumns(model, ['n', 'incidentsPer10k']),
      ],
      rows.filter((r) => r.type === 'incidents'),
      k,
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
