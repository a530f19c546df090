import { renderDanishCsv, renderMachineCsv } from './csv-report.renderer';
import { municipalityReportModel, nationalReportModel, SUPPRESSED_QUESTION_KEY } from '../../test/fixtures';

/** Splits `;`-separated RFC 4180 text into records of fields (quoted fields may hold `;` and quotes). */
function parse(csv: string): string[][] {
  return csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) =>
        m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
      ),
    );
}
const danish = (v: number) => String(v).replace('.', ',');

const DANISH_HEADER = [
  'Type',
  'Område',
  'Nøgle',
  'Tekst',
  'Kommunen',
  'Landsgennemsnit',
  'Forskel',
  'Median',
  'Nedre kvartil',
  'Øvre kvartil',
  'Standardafvigelse',
  'Antal kommuner (n)',
  'Enhed',
];

describe(renderDanishCsv.name, () => {
  const model = municipalityReportModel();
  const csv = renderDanishCsv(model);
  const [header, ...rows] = parse(csv);
  const row = (key: string) => rows.find((r) => r[2] === key)!;
  const col = (name: string) => header.indexOf(name);

  it('is UTF-8 with a BOM, semicolon-separated, with Danish headers', () => {
    expect(csv.startsWith(`\uFEFF${DANISH_HEADER.join(';')}\r\n`)).toBe(true);
    expect(rows.every((r) => r.length === DANISH_HEADER.length)).toBe(true);
  });

  it('holds the overall index, every scored area, every question and the number questions', () => {
    const types = rows.map((r) => r[0]);
    expect(types[0]).toBe('Samlet indeks');
    const scoredAreas = model.national.areas.filter((a) => a.mean !== null || a.suppressed);
    expect(types.filter((t) => t === 'Område')).toHaveLength(scoredAreas.length);
    expect(types.filter((t) => t === 'Spørgsmål')).toHaveLength(model.national.questions.length);
    expect(types.filter((t) => t === 'Talspørgsmål')).toHaveLength(model.national.numbers.length);
    // In that order: overall, areas, questions, number questions.
    expect(types).toEqual([...types].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b)));
  });

  it('sorts the questions by area, in the areas’ order, and keeps the questionnaire order within one', () => {
    const areaTitles = model.national.areas.map((a) => a.title);
    const questions = rows.filter((r) => r[0] === 'Spørgsmål');
    const areaIndexes = questions.map((r) => areaTitles.indexOf(r[1]));
    expect(areaIndexes.every((i) => i >= 0)).toBe(true);
    expect(areaIndexes).toEqual([...areaIndexes].sort((a, b) => a - b));
    const firstArea = model.national.questions.filter((q) => q.areaKey === model.national.areas[0].key);
    expect(questions.slice(0, firstArea.length).map((r) => r[2])).toEqual(firstArea.map((q) => q.key));
  });

  it('writes figures with decimal commas, e.g. 3,012 and a negative difference as -0,35', () => {
    const overall = rows[0];
    expect(overall[col('Kommunen')]).toBe('3,364');
    expect(overall[col('Landsgennemsnit')]).toBe('3,012');
    expect(overall[col('Forskel')]).toBe(danish(model.figures.overall.delta!));
    const q = model.figures.questions.find((x) => x.delta !== null && x.delta < 0)!;
    expect(row(q.key)[col('Forskel')]).toBe(danish(q.delta!));
    expect(row(q.key)[col('Forskel')]).toMatch(/^-\d+,\d+$/);
    expect(csv).not.toMatch(/;-?\d+\.\d+(;|\r)/);
  });

  it('marks a hidden figure in Danish, never as 0 or an empty cell', () => {
    const hidden = row(SUPPRESSED_QUESTION_KEY);
    for (const name of ['Landsgennemsnit', 'Median', 'Nedre kvartil', 'Øvre kvartil', 'Antal kommuner (n)'])
      expect(hidden[col(name)]).toBe('Skjult (færre end 5 kommuner)');
    const hiddenNumber = model.national.numbers.find((n) => n.suppressed)!;
    expect(row(hiddenNumber.key)[col('Landsgennemsnit')]).toBe('Skjult (færre end 5 kommuner)');
  });

  it('shows a figure that is not published, such as a number question’s median, as "–"', () => {
    const number = row(model.national.numbers[0].key);
    expect(number[col('Median')]).toBe('–');
    expect(number[col('Enhed')]).toBe(model.national.numbers[0].unit ?? '');
  });
});

const ORDER = ['Samlet indeks', 'Område', 'Spørgsmål', 'Talspørgsmål'];

describe(renderMachineCsv.name, () => {
  const model = municipalityReportModel();
  const csv = renderMachineCsv(model);
  const [header, ...rows] = parse(csv);
  const row = (key: string) => rows.find((r) => r[2] === key)!;

  it('has no BOM, semicolons, English keys and dot decimals', () => {
    expect(csv.startsWith('type;area_key;key;text;own_value;national_mean;delta;')).toBe(true);
    expect(header.at(-1)).toBe('suppressed');
    expect(rows[0].slice(0, 6)).toEqual(['overall', '', 'overall', 'Samlet indeks', '3.364', '3.012']);
    const q = model.national.questions[0];
    expect(row(q.key)[1]).toBe(q.areaKey);
    expect(row(q.key)[5]).toBe(String(q.mean));
  });

  it('leaves a hidden figure empty and says so in `suppressed`', () => {
    const hidden = row(SUPPRESSED_QUESTION_KEY);
    expect(hidden.slice(5, 12)).toEqual(['', '', '', '', '', '', '']);
    expect(hidden.at(-1)).toBe('true');
    expect(rows[0].at(-1)).toBe('false');
  });
});

describe('the national report’s spreadsheets', () => {
  it('have no column for a municipality’s own figures', () => {
    const model = nationalReportModel();
    const [danishHeader] = parse(renderDanishCsv(model));
    const [machineHeader] = parse(renderMachineCsv(model));
    expect(danishHeader).not.toContain('Kommunen');
    expect(danishHeader).not.toContain('Forskel');
    expect(machineHeader).not.toContain('own_value');
    expect(machineHeader).not.toContain('delta');
  });
});

describe('the incidents by maturity quartile in the spreadsheets', () => {
  const model = nationalReportModel();

  it('are rows of their own type in the Danish CSV, a hidden rate written as such', () => {
    const [header, ...rows] = parse(renderDanishCsv(model));
    const col = (name: string) => header.indexOf(name);
    const incidents = rows.filter((r) => r[col('Type')] === 'Hændelser pr. modenhedskvartil');
    expect(
      incidents.map((r) => [
        r[col('Tekst')],
        r[col('Antal kommuner (n)')],
        r[col('Hændelser pr. 10.000 indbyggere')],
      ]),
    ).toEqual([
      ['Kvartil 1 (laveste modenhed)', '21', 'Skjult (færre end 5 kommuner)'],
      ['Kvartil 2', '21', '31,4'],
      ['Kvartil 3', '21', '27,25'],
      ['Kvartil 4 (højeste modenhed)', '21', '22,8'],
      ['Alle kommuner', '98', '28,6'],
    ]);
    // No other figure of an incident row, and no rate beside a survey figure.
    expect(incidents.every((r) => r[col('Landsgennemsnit')] === '–')).toBe(true);
    const question = rows.find((r) => r[col('Type')] === 'Spørgsmål')!;
    expect(question[col('Hændelser pr. 10.000 indbyggere')]).toBe('–');
  });

  it('leave a hidden rate empty in the machine CSV with `suppressed` true', () => {
    const [header, ...rows] = parse(renderMachineCsv(model));
    const col = (name: string) => header.indexOf(name);
    const first = rows.find((r) => r[col('type')] === 'incidents' && r[col('key')] === 'quartile-1')!;
    expect([first[col('n')], first[col('incidents_per_10k')], first[col('suppressed')]]).toEqual([
      '21',
      '',
      'true',
    ]);
    const second = rows.find((r) => r[col('key')] === 'quartile-2')!;
    expect([second[col('incidents_per_10k')], second[col('suppressed')]]).toEqual(['31.4', 'false']);
  });

  it('are not in a municipality’s report', () => {
    const [header] = parse(renderDanishCsv(municipalityReportModel()));
    expect(header).not.toContain('Hændelser pr. 10.000 indbyggere');
  });
});
