import { DASH } from '@app/ui';
import type { ReportModel } from '../report-model';
import { CsvValue, csvDocument, DANISH_EXCEL, MACHINE } from '@app/ui';
import { columnsFor, FigureColumn, FigureRow, figureRows, isHidden, TYPE_LABELS } from './figure-rows';
import { suppressedText } from './report-texts';

const kOf = (model: ReportModel) => model.national.k;

/** A hidden national figure must never read as 0 or as a blank a chart takes for 0. */
function danishValue(row: FigureRow, column: FigureColumn, k: number): CsvValue {
  if (column.field === 'type') return TYPE_LABELS[row.type];
  const value = row[column.field];
  if (!column.kind) return (value as string | null) ?? '';
  if (isHidden(row, column)) return suppressedText(k);
  return value === null || value === undefined ? DASH : (value as number);
}

/**
 * The spreadsheet for people: semicolons, decimal commas, a byte order mark and Danish headers, so
 * a Danish Excel opens it with a double click and reads 2,143 as a number. One row per figure,
 * with a "Type" column (Samlet indeks, Område, Spørgsmål, Talspørgsmål) to filter on.
 */
export function renderDanishCsv(model: ReportModel): string {
  const columns = columnsFor(model);
  const k = kOf(model);
  return csvDocument(
    columns.map((c) => c.da),
    figureRows(model).map((row) => columns.map((c) => danishValue(row, c, k))),
    DANISH_EXCEL,
  );
}

/** The machine's column of a figure column: the area by its key, not its title. */
function machineValue(row: FigureRow, column: FigureColumn): CsvValue {
  if (column.field === 'areaTitle') return row.areaKey;
  const value = row[column.field];
  return value === undefined ? null : (value as CsvValue);
}

/**
 * The CSV for scripts: `;`-separated with dot decimals, English keys and no byte order mark. A
 * hidden figure is empty with `suppressed` true, so a script cannot mistake it for a value.
 */
export function renderMachineCsv(model: ReportModel): string {
  const columns = columnsFor(model);
  return csvDocument(
    [...columns.map((c) => c.en), 'suppressed'],
    figureRows(model).map((row) => [
      ...columns.map((c) => (isHidden(row, c) ? null : machineValue(row, c))),
      row.suppressed,
    ]),
    MACHINE,
  );
}
