import type { ReportModel } from '../report-model';
import { ALL_MUNICIPALITIES, quartileLabel } from './incident-quartiles-section';

/**
 * A report's figures as rows for spreadsheets: the overall index, every area, every scored
 * question (by area, then in questionnaire order) and the number questions. The Danish CSV, the
 * machine CSV and the XLSX are all written from these rows, so they always agree.
 *
 * Every figure comes from the report model, i.e. from the statistics service, already suppressed:
 * `suppressed` marks a national cell that describes fewer than K municipalities, and its figures
 * are null. A null figure of a shown row is one that is not published (e.g. a median that would
 * give away hidden answer levels) or an unanswered own question.
 */
export type FigureRowType = 'overall' | 'area' | 'question' | 'number' | 'incidents';

export interface FigureRow {
  type: FigureRowType;
  areaKey: string | null;
  areaTitle: string | null;
  key: string;
  text: string;
  unit: string | null;
  /** The municipality's own figure; undefined in the national report. */
  own?: number | null;
  nationalMean: number | null;
  /** own − nationalMean; undefined in the national report. */
  delta?: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  sd: number | null;
  n: number | null;
  /** Incidents per 10,000 inhabitants: only the national report's incident rows. */
  incidentsPer10k?: number | null;
  suppressed: boolean;
  /** Set where `n` has its own suppression (a quartile's municipalities); else `suppressed` holds for it. */
  nSuppressed?: boolean;
}

/**
 * How a figure reads: a score on the 1–5 scale (two decimals), a median or quartile (published to
 * one decimal for the index and areas, docs/statistics.md; a question's may be 2.75), a count, or
 * any number.
 */
export type FigureKind = 'score' | 'signedScore' | 'quantile' | 'count' | 'number';

export interface FigureColumn {
  field: keyof FigureRow;
  /** Danish header (the Danish CSV and the XLSX). */
  da: string;
  /** English key (the machine CSV). */
  en: string;
  /** A figure column; text columns have none. */
  kind?: FigureKind;
  /** Only in a municipality's report. */
  ownOnly?: boolean;
  /** Only in the national report. */
  nationalOnly?: boolean;
  /** A national statistic, hidden when the row is suppressed. */
  national?: boolean;
}

export const TYPE_LABELS: Record<FigureRowType, string> = {
  overall: 'Samlet indeks',
  area: 'Område',
  question: 'Spørgsmål',
  number: 'Talspørgsmål',
  incidents: 'Hændelser pr. modenhedskvartil',
};

export const FIGURE_COLUMNS: FigureColumn[] = [
  { field: 'type', da: 'Type', en: 'type' },
  { field: 'areaTitle', da: 'Område', en: 'area_key' },
  { field: 'key', da: 'Nøgle', en: 'key' },
  { field: 'text', da: 'Tekst', en: 'text' },
  { field: 'own', da: 'Kommunen', en: 'own_value', kind: 'score', ownOnly: true },
  { field: 'nationalMean', da: 'Landsgennemsnit', en: 'national_mean', kind: 'score', national: true },
  { field: 'delta', da: 'Forskel', en: 'delta', kind: 'signedScore', ownOnly: true, national: true },
  { field: 'median', da: 'Median', en: 'national_median', kind: 'quantile', national: true },
  { field: 'q1', da: 'Nedre kvartil', en: 'national_q1', kind: 'quantile', national: true },
  { field: 'q3', da: 'Øvre kvartil', en: 'national_q3', kind: 'quantile', national: true },
  { field: 'sd', da: 'Standardafvigelse', en: 'national_sd', kind: 'number', national: true },
  { field: 'n', da: 'Antal kommuner (n)', en: 'n', kind: 'count', national: true },
  { field: 'unit', da: 'Enhed', en: 'unit' },
  {
    field: 'incidentsPer10k',
    da: 'Hændelser pr. 10.000 indbyggere',
    en: 'incidents_per_10k',
    kind: 'number',
    national: true,
    nationalOnly: true,
  },
];

/** The columns a report of this kind has: a national report has no own figures, a municipality's no incident rows. */
export const columnsFor = (model: ReportModel, columns = FIGURE_COLUMNS) =>
  columns.filter((c) => (model.kind === 'municipality' ? !c.nationalOnly : !c.ownOnly));

/** An incident row has only a count and a rate; no other row has a rate. */
const appliesTo = (row: FigureRow, column: FigureColumn) =>
  row.type === 'incidents'
    ? column.field === 'n' || column.field === 'incidentsPer10k'
    : column.field !== 'incidentsPer10k';

/** Whether the row's figure in this column is hidden (fewer than K municipalities, or a complement). */
export const isHidden = (row: FigureRow, column: FigureColumn): boolean =>
  !!column.national &&
  appliesTo(row, column) &&
  (column.field === 'n' && row.nSuppressed !== undefined ? row.nSuppressed : row.suppressed);

/** The figure a number question shows is a mean of counts, not a score: it reads as a number. */
export const kindOf = (row: FigureRow, column: FigureColumn): FigureKind | undefined =>
  row.type === 'number' && column.kind === 'score' ? 'number' : column.kind;

type NationalCell = Pick<FigureRow, 'median' | 'q1' | 'q3' | 'sd' | 'n' | 'suppressed'> & {
  mean: number | null;
};
const nationalFigures = (c: NationalCell) => ({
  nationalMean: c.mean,
  median: c.median,
  q1: c.q1,
  q3: c.q3,
  sd: c.sd,
  n: c.n,
  suppressed: c.suppressed,
});

/** The report's figure rows in reading order: overall, areas, questions by area, number questions. */
export function figureRows(model: ReportModel): FigureRow[] {
  const national = model.national;
  const mine = model.kind === 'municipality' ? model.figures : null;
  const areaTitles = new Map(national.areas.map((a) => [a.key, a.title]));
  const areaOrder = new Map(national.areas.map((a, i) => [a.key, i]));
  const base = { areaKey: null, areaTitle: null, unit: null };
  /** Own figure and difference: only in a municipality's report, null where it has none. */
  const ownFigures = (own: { own: number | null; delta: number | null } | undefined) =>
    mine ? { own: own?.own ?? null, delta: own?.delta ?? null } : {};
  const o = national.overall;
  const rows: FigureRow[] = [
    {
      ...base,
      type: 'overall',
      key: 'overall',
      text: 'Samlet indeks',
      ...ownFigures(mine?.overall),
      ...nationalFigures(o),
    },
  ];
  const ownAreas = new Map(mine?.areas.map((a) => [a.key, a]));
  for (const a of national.areas) {
    // An area without scored questions (only number or text questions) has no score to show.
    if (!a.suppressed && a.n === 0 && a.mean === null) continue;
    rows.push({
      ...base,
      type: 'area',
      areaKey: a.key,
      areaTitle: a.title,
      key: a.key,
      text: a.title,
      ...ownFigures(ownAreas.get(a.key)),
      ...nationalFigures(a),
    });
  }
  const ownQuestions = new Map(mine?.questions.map((q) => [q.key, q]));
  // A stable sort: within an area the questions keep their questionnaire order.
  const questions = [...national.questions].sort(
    (a, b) => (areaOrder.get(a.areaKey ?? '') ?? Infinity) - (areaOrder.get(b.areaKey ?? '') ?? Infinity),
  );
  for (const q of questions) {
    rows.push({
      ...base,
      type: 'question',
      areaKey: q.areaKey,
      areaTitle: q.areaKey ? (areaTitles.get(q.areaKey) ?? null) : null,
      key: q.key,
      text: q.text,
      ...ownFigures(ownQuestions.get(q.key)),
      ...nationalFigures(q),
    });
  }
  const ownNumbers = new Map(mine?.numbers.map((n) => [n.key, n]));
  for (const n of national.numbers) {
    // Number questions publish a mean and spread only: a median of counts would be one answer.
    rows.push({
      ...base,
      type: 'number',
      key: n.key,
      text: n.text,
      unit: n.unit,
      ...ownFigures({ own: ownNumbers.get(n.key)?.own ?? null, delta: null }),
      ...nationalFigures({ ...n, median: null, q1: null, q3: null }),
    });
  }
  if (model.kind === 'national') rows.push(...incidentRows(model));
  return rows;
}

/** The incidents by maturity quartile, and the whole country's rate: never a quartile's boundaries. */
function incidentRows(model: Extract<ReportModel, { kind: 'national' }>): FigureRow[] {
  const q = model.incidentQuartiles;
  const row = (key: string, text: string, n: number | null, nSuppressed: boolean) => ({
    type: 'incidents' as const,
    areaKey: null,
    areaTitle: null,
    key,
    text,
    unit: null,
    ...nationalFigures({ mean: null, median: null, q1: null, q3: null, sd: null, n, suppressed: false }),
    nSuppressed,
  });
  return [
    ...q.quartiles.map((c) => ({
      ...row(
        `quartile-${c.quartile}`,
        `Kvartil ${quartileLabel(c.quartile)}`,
        c.municipalities,
        c.municipalitiesSuppressed,
      ),
      incidentsPer10k: c.incidentsPer10k,
      suppressed: c.suppressed,
    })),
    {
      ...row('all', ALL_MUNICIPALITIES, model.national.participation.municipalities, false),
      incidentsPer10k: q.national.incidentsPer10k,
      suppressed: q.national.suppressed,
    },
  ];
}
