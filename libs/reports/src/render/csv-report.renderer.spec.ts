import { renderMunicipalityCsv, renderNationalCsv } from './csv-report.renderer';
import { municipalityReportModel, nationalReportModel, SUPPRESSED_QUESTION_KEY } from '../../test/fixtures';

const HEADER = 'key,text,own_value,national_mean,national_median,national_q1,national_q3,n,suppressed';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas and quotes). */
function parse(csv: string): string[][] {
  const records: string[][] = [];
  for (const line of csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)) {
    const fields = [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
      m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
    );
    records.push(fields);
  }
  return records;
}

describe(renderMunicipalityCsv.name, () => {
  const model = municipalityReportModel();
  const csv = renderMunicipalityCsv(model);
  const records = parse(csv);

  it('starts with a BOM and the header, then one row per scored question', () => {
    expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).toBe(true);
    expect(records).toHaveLength(1 + model.national.questions.length);
    expect(records.every((r) => r.length === 9)).toBe(true);
  });

  it('writes own answer and national figures with dot decimals and keeps Danish text intact', () => {
    const q = model.national.questions[0];
    const row = records.find((r) => r[0] === q.key)!;
    expect(row[1]).toBe(q.text);
    expect(row[1]).toMatch(/ø/);
    expect(row.slice(2)).toEqual([
      String(model.figures.questions[0].own),
      String(q.mean),
      String(q.median),
      String(q.q1),
      String(q.q3),
      String(q.n),
      'false',
    ]);
    expect(row[3]).toMatch(/^\d\.\d+$/);
  });

  it('leaves the figures of a suppressed question empty and marks it true', () => {
    const row = records.find((r) => r[0] === SUPPRESSED_QUESTION_KEY)!;
    expect(row.slice(3)).toEqual(['', '', '', '', '', 'true']);
  });

  it('quotes text containing commas', () => {
    expect(csv).toMatch(/,"[^"]*,[^"]*",/);
  });
});

describe(renderNationalCsv.name, () => {
  it('leaves own_value empty', () => {
    const records = parse(renderNationalCsv(nationalReportModel()));
    expect(records[0].join(',')).toBe(HEADER);
    expect(records.slice(1).every((r) => r[2] === '')).toBe(true);
  });
});
