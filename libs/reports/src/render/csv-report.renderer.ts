import type { MunicipalityReportModel, NationalFigures, NationalReportModel } from '../report-model';

const HEADER = [
  'key',
  'text',
  'own_value',
  'national_mean',
  'national_median',
  'national_q1',
  'national_q3',
  'n',
  'suppressed',
];
/** Excel only reads a CSV as UTF-8 (and shows æ/ø/å) when it starts with a byte order mark. */
const BOM = '\uFEFF';

/** RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes. */
const field = (v: string | number | boolean | null | undefined) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function csv(national: NationalFigures, own: (key: string) => number | null | undefined): string {
  const rows = national.questions.map((q) =>
    [q.key, q.text, own(q.key), q.mean, q.median, q.q1, q.q3, q.n, q.suppressed].map(field).join(','),
  );
  // Numbers go through String(): machine-readable dot decimals, whatever the locale.
  return BOM + [HEADER.join(','), ...rows].join('\r\n') + '\r\n';
}

/** One row per scored question: the municipality's own answer next to the national figures. */
export function renderMunicipalityCsv(model: MunicipalityReportModel): string {
  const own = new Map(model.figures.questions.map((q) => [q.key, q.own]));
  return csv(model.national, (key) => own.get(key));
}

/** One row per scored question with the national figures; `own_value` stays empty. */
export function renderNationalCsv(model: NationalReportModel): string {
  return csv(model.national, () => null);
}
