import { csvDocument } from './csv';
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

function csv(national: NationalFigures, own: (key: string) => number | null | undefined): string {
  // Numbers stay numbers: machine-readable dot decimals, whatever the locale, never neutralised.
  return csvDocument(
    HEADER,
    national.questions.map((q) => [
      q.key,
      q.text,
      own(q.key),
      q.mean,
      q.median,
      q.q1,
      q.q3,
      q.n,
      q.suppressed,
    ]),
  );
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
