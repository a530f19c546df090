import ExcelJS from 'exceljs';
import { csvDocument, danishWallClockText, DANISH_EXCEL } from './csv';

/** A cell of a plain table: text, a number, a time, or nothing. */
export type SheetCell = string | number | Date | null;

/** One column of a table export: its Danish header, its width in Excel, and its cell per row. */
export interface SheetColumn<R> {
  header: string;
  width: number;
  value: (row: R) => SheetCell;
  /** An Excel number format for a number column (default: Excel's general format). */
  numFmt?: string;
}

/** Excel's text format: a text cell stays text even when someone edits it. */
export const XLSX_TEXT_FORMAT = '@';
/** How a time shows in the workbook: Danish day-month-year and the time of day. */
export const XLSX_DATE_TIME_FORMAT = 'dd-mm-yyyy hh:mm';

/**
 * Excel has no time zones: a time is stored as the Danish wall-clock time it shows, so that
 * "01-03-2026 14:05" in the sheet is 14:05 in Copenhagen, winter or summer.
 */
export const xlsxWallClock = (d: Date) => new Date(`${danishWallClockText(d).replace(' ', 'T')}:00Z`);

/** The rows as a Danish Excel CSV (`;`, decimal comma, BOM, CRLF), with formula-like texts neutralised. */
export function tableCsv<R>(columns: Array<SheetColumn<R>>, rows: R[]): Buffer {
  return Buffer.from(
    csvDocument(
      columns.map((c) => c.header),
      rows.map((r) => columns.map((c) => c.value(r))),
      DANISH_EXCEL,
    ),
    'utf8',
  );
}

/**
 * The rows as one sheet of typed cells: numbers as numbers, times as dates, texts as text cells in
 * Excel's text format, so a text that begins with "=" is shown, never run (exceljs only writes a
 * formula for a `{ formula }` value). The header is bold, frozen and has a filter.
 */
export async function tableXlsx<R>(
  columns: Array<SheetColumn<R>>,
  rows: R[],
  options: { sheetName: string; title: string; created?: Date },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'KL – Baseline';
  workbook.title = options.title;
  if (options.created) workbook.created = workbook.modified = options.created;
  const sheet = workbook.addWorksheet(options.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  rows.forEach((row, i) => {
    const cells = sheet.getRow(i + 2);
    columns.forEach((column, j) => {
      const value = column.value(row);
      if (value === null) return;
      const cell = cells.getCell(j + 1);
      if (value instanceof Date) {
        cell.value = xlsxWallClock(value);
        cell.numFmt = XLSX_DATE_TIME_FORMAT;
      } else if (typeof value === 'number') {
        cell.value = value;
        if (column.numFmt) cell.numFmt = column.numFmt;
      } else {
        cell.value = value;
        cell.numFmt = XLSX_TEXT_FORMAT;
      }
    });
  });
  if (columns.length > 0)
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
