import ExcelJS from 'exceljs';
import request from 'supertest';
import { INCIDENT_READ_VIEWS, IncidentStatisticsJobsService } from '@app/incidents';
import { IncidentQuartilesDto, StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { launchChromium, signIn } from './support/browser';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, MiniAnswers, miniQuestionnaire } from './support/mini-editions';
import { resetIncidents } from './support/incidents';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const K = 5;
const CODES = [
  101, 147, 151, 153, 155, 157, 159, 161, 163, 165, 167, 169, 173, 175, 183, 185, 187, 190, 201, 210, 217,
  219, 223, 230, 240, 250, 253, 259, 260, 265,
];
/** The non-participant of the first edition: its incidents are the attacker's target. */
const TARGET = 751;

/** Overall index of the mini questionnaire (areas a: weight 2, b: 1; a.one 1, a.two 3), by hand. */
const overallOf = (a: Record<string, number | 'na'>) => {
  const area = (2 * ((Number(a['a.one']) + 3 * Number(a['a.two'])) / 4) + Number(a['b.x'])) / 3;
  return area;
};
/** Hyndman–Fan type 7, as docs/statistics.md states it. */
const percentile = (sorted: number[], p: number) => {
  const h = p * (sorted.length - 1);
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[lo + 1] ?? sorted[lo]) - sorted[lo]);
};
const roundTo = (v: number, digits: number) => Math.round(v * 10 ** digits + 1e-9) / 10 ** digits;

/**
 * Answers with overall indices 1, 7/6, 8/6, …: the index is (a.one + 3·a.two + 2·b.x) / 6, so the
 * i-th municipality answers levels summing to 6 + i. Steps of 1/6 keep every quartile of 24 or
 * more municipalities at K or more after the quartiles are rounded to one decimal.
 */
function answersFor(codes: number[]): MiniAnswers {
  const levels = [1, 2, 3, 4, 5];
  return Object.fromEntries(
    codes.map((code, i) => {
      const [one, two, x] = levels
        .flatMap((a) => levels.flatMap((b) => levels.map((c) => [a, b, c])))
        .find(([a, b, c]) => a + 3 * b + 2 * c === 6 + i)!;
      return [code, { 'a.one': one, 'a.two': two, 'b.x': x, 'n.attacks': 1 }];
    }),
  );
}

/** The quartile each participant's report states: its index against the rounded national quartiles. */
function quartilesOf(answers: MiniAnswers): Map<number, number> {
  const scores = new Map(Object.entries(answers).map(([code, a]) => [Number(code), overallOf(a)]));
  const sorted = [...scores.values()].sort((a, b) => a - b);
  const [q1, median, q3] = [0.25, 0.5, 0.75].map((p) => roundTo(percentile(sorted, p), 1));
  return new Map(
    [...scores].map(([code, s]) => {
      const own = roundTo(s, 3);
      return [code, own <= q1 ? 1 : own <= median ? 2 : own <= q3 ? 3 : 4];
    }),
  );
}

describe('Incidents by maturity quartile in the national report (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let population: Map<number, number>;
  /** Every inserted incident: [municipality, aware at, status]. */
  const incidents: Array<[number, Date, string]> = [];
  const editions: Record<number, { id: string; answers: MiniAnswers }> = {};
  let seq = 0;

  const insert = async (
    code: number,
    awareAt: Date,
    status = 'closed',
    duplicateOf: string | null = null,
  ) => {
    const [{ id }] = await t.owner.query(
      `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, status, rsit_class,
         rsit_type, severity, aware_at, duplicate_of_id, disposition)
       VALUES ($1, $2, 'cert', 'test', 'Testhændelse', $3, 'fraud', 'phishing', 'medium', $4, $5, $6) RETURNING id`,
      [
        `KCERT-2099-${String(++seq).padStart(4, '0')}`,
        code,
        status,
        awareAt,
        duplicateOf,
        status === 'not_an_incident' ? 'refuted' : null,
      ],
    );
    incidents.push([code, awareAt, status]);
    return id as string;
  };

  /** The counting rules of docs/incident-statistics.md, in plain TypeScript: the year in Danish time. */
  const counted = (code: number, year: number) =>
    incidents.filter(
      ([c, at, status]) =>
        c === code &&
        !['not_an_incident', 'duplicate'].includes(status) &&
        Number(at.toLocaleString('en-GB', { timeZone: 'Europe/Copenhagen', year: 'numeric' })) === year,
    ).length;

  const publishEdition = async (year: number, answers: MiniAnswers) => {
    const id = await createMiniEdition(
      t.db,
      t.app.get(EditionsService),
      year,
      miniQuestionnaire({ key: 'b.x' }),
      answers,
    );
    await request(t.http)
      .post(`/api/v1/editions/${id}/publish`)
      .auth(kl, { type: 'bearer' })
      .send(Object.keys(answers).length < K ? { confirmSmallEdition: true } : {})
      .expect(200);
    await t.app.get(StatisticsRecomputeService).run(id);
    editions[year] = { id, answers };
  };

  const report = (year: number, format = 'json') =>
    request(t.http)
      .get(`/api/v1/editions/${editions[year].id}/reports/national.${format}`)
      .auth(kl, { type: 'bearer' })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .then((r) => r.body as Buffer);
  const section = async (year: number): Promise<IncidentQuartilesDto> =>
    JSON.parse((await report(year)).toString('utf8')).incidentQuartiles;

  /** KL's national incident total of a year, from the incident statistics. */
  const nationalTotal = async (year: number): Promise<number | null> => {
    const res = await request(t.http)
      .get(`/api/v1/incident-statistics?from=${year}-01&to=${year}-12`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const national = res.body.scopes.find((s: { scope: string }) => s.scope === 'national');
    return national.total.suppressed ? null : national.total.incidents;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    const rows: Array<{ code: number; population: number }> = await t.db.query(
      `SELECT code, population FROM municipalities`,
    );
    population = new Map(rows.map((r) => [r.code, r.population]));

    // 2036: 24 participants; each has 1–3 incidents. Of the others only Aarhus (751) has any.
    for (const [i, code] of CODES.slice(0, 24).entries())
      for (let n = 0; n <= i % 3; n++) await insert(code, new Date(Date.UTC(2036, n * 4, 10, 12)));
    for (let n = 0; n < 7; n++) await insert(TARGET, new Date(Date.UTC(2036, n, 3, 9)));
    // Not counted, or counted in another year.
    const original = await insert(101, new Date(Date.UTC(2036, 5, 1)));
    await insert(101, new Date(Date.UTC(2036, 5, 1)), 'duplicate', original);
    await insert(147, new Date(Date.UTC(2036, 6, 1)), 'not_an_incident');
    await insert(151, new Date('2036-12-31T23:30:00Z')); // 1 January 2037 in Copenhagen
    await insert(153, new Date('2035-12-31T23:30:00Z')); // 1 January 2036 in Copenhagen
    // 2037: Aarhus takes part too. In the lowest quartile only two more have incidents; six
    // non-participants have some.
    const answers2037 = answersFor([...CODES.slice(0, 24), TARGET]);
    const lowest = [...quartilesOf(answers2037)].filter(([, q]) => q === 1).map(([code]) => code);
    for (const code of Object.keys(answers2037).map(Number))
      if (!lowest.includes(code) || lowest.indexOf(code) < 2)
        await insert(code, new Date(Date.UTC(2037, 2, 1)));
    for (const code of [270, 306, 316, 320, 326, 329]) await insert(code, new Date(Date.UTC(2037, 3, 1)));

    await publishEdition(2036, answersFor(CODES.slice(0, 24)));
    await publishEdition(2037, answers2037);
    // 2038: eight participants, two a quartile; 2039: four, published after confirming.
    await publishEdition(2038, answersFor(CODES.slice(0, 8)));
    await publishEdition(2039, answersFor(CODES.slice(0, 4)));
    await t.app.get(IncidentStatisticsJobsService).run();
  }, 120_000);
  afterAll(() => t.close());

  /** Per quartile, from the hand-made rows: members, municipalities with incidents, incidents, rate. */
  function expected(year: number) {
    const quartile = quartilesOf(editions[year].answers);
    return [1, 2, 3, 4].map((q) => {
      const members = [...quartile].filter(([, p]) => p === q).map(([code]) => code);
      const count = members.reduce((sum, code) => sum + counted(code, year), 0);
      const people = members.reduce((sum, code) => sum + population.get(code)!, 0);
      return {
        members,
        withIncidents: members.filter((code) => counted(code, year) > 0),
        incidents: count,
        rate: people > 0 ? Math.round((count / people) * 100_000) / 10 : null,
      };
    });
  }

  it('publishes each quartile’s municipalities and rate as computed independently, and the national rate', async () => {
    const published = await section(2036);
    const want = expected(2036);
    for (const q of want) expect(q.members.length).toBeGreaterThanOrEqual(K);
    expect(published.year).toBe(2036);
    expect(published.quartiles.map((q) => q.municipalities)).toEqual(want.map((q) => q.members.length));
    published.quartiles.forEach((q, i) => {
      if (!q.suppressed) expect(q.incidentsPer10k).toBe(want[i].rate);
    });
    const all = [...population.keys()];
    const total = all.reduce((sum, code) => sum + counted(code, 2036), 0);
    const people = all.reduce((sum, code) => sum + population.get(code)!, 0);
    expect(published.national).toEqual({
      incidentsPer10k: Math.round((total / people) * 100_000) / 10,
      suppressed: false,
    });
    // The same count as the incident statistics' national total of the year.
    expect(await nationalTotal(2036)).toBe(total);
    // No boundary, minimum or maximum of any quartile.
    expect(JSON.stringify(published)).not.toMatch(/q1|q3|median|min|max|bound/i);
  });

  /**
   * The groups of fewer than K municipalities with incidents whose count an attacker gets from
   * "national total − visible quartiles". Worst case: the attacker knows who sits in which quartile,
   * reads every visible rate as an exact count, knows who did not take part (KL sees participation),
   * and, in a second pass, even the non-participants' sum (as if other figures gave it away).
   */
  function disclosed(year: number, published: IncidentQuartilesDto, total: number | null): number[][] {
    if (total === null) return [];
    const want = expected(year);
    const participants = new Set(Object.keys(editions[year].answers).map(Number));
    const outside = [...population.keys()].filter((code) => !participants.has(code));
    const hidden = published.quartiles.flatMap((q, i) => (q.suppressed ? want[i].members : []));
    const found: number[][] = [];
    for (const unknown of [[...outside, ...hidden], hidden]) {
      const behind = unknown.filter((code) => counted(code, year) > 0);
      if (behind.length > 0 && behind.length < K) found.push(behind);
    }
    return found;
  }

  it('hides a quartile beside a lone non-participant with incidents, so the national total minus the quartiles is not its count', async () => {
    const published = await section(2036);
    expect(counted(TARGET, 2036)).toBe(7);
    expect(published.quartiles.filter((q) => q.suppressed)).toHaveLength(1);
    expect(disclosed(2036, published, await nationalTotal(2036))).toEqual([]);
    // Without the complement the attacker would have Aarhus' count: the test can fail.
    const unsuppressed = {
      ...published,
      quartiles: published.quartiles.map((q) => ({ ...q, suppressed: false })),
    };
    expect(disclosed(2036, unsuppressed, await nationalTotal(2036))).toEqual([[TARGET]]);
  });

  it('hides a quartile with fewer than K municipalities with incidents, and a complement among the quartiles', async () => {
    const published = await section(2037);
    const want = expected(2037);
    // Two by design, and Ballerup (151) by its incident at 00:30 on 1 January 2037 in Copenhagen.
    expect(want[0].withIncidents).toEqual([101, 147, 151]);
    expect(published.quartiles[0]).toMatchObject({ suppressed: true, incidentsPer10k: null });
    // The municipality count of the lowest quartile is not small, so it stays.
    expect(published.quartiles[0].municipalities).toBe(want[0].members.length);
    const others = published.quartiles.slice(1).filter((q) => q.suppressed);
    expect(others).toHaveLength(1);
    for (const q of published.quartiles.filter((x) => !x.suppressed))
      expect(q.incidentsPer10k).toBe(want[q.quartile - 1].rate);
    expect(disclosed(2037, published, await nationalTotal(2037))).toEqual([]);
  });

  it('lets no edition, read against its year’s national total from either year’s statistics, disclose a group under K', async () => {
    for (const year of [2036, 2037, 2038, 2039]) {
      const published = await section(year);
      const total = await nationalTotal(year);
      // The following year's statistics give the same total as `previousIncidents`.
      const next = await request(t.http)
        .get(`/api/v1/incident-statistics?from=${year + 1}-01&to=${year + 1}-12`)
        .auth(kl, { type: 'bearer' })
        .expect(200);
      const previous = next.body.scopes.find((s: { scope: string }) => s.scope === 'national').total;
      if (total !== null && previous.previousIncidents !== null)
        expect(previous.previousIncidents).toBe(total);
      expect(disclosed(year, published, total)).toEqual([]);
    }
    // Editions of other years count other incidents (each edition its own year), so two editions'
    // quartiles share no unknown: Aarhus outside in 2036 and inside in 2037 is two different counts.
    expect(counted(TARGET, 2036)).not.toBe(counted(TARGET, 2037));
  });

  it('suppresses every quartile of a small edition, and the whole section below K participants', async () => {
    const eight = await section(2038);
    expect(eight.suppressed).toBe(false);
    expect(eight.quartiles.every((q) => q.municipalitiesSuppressed && q.suppressed)).toBe(true);
    expect(eight.quartiles.every((q) => q.municipalities === null && q.incidentsPer10k === null)).toBe(true);
    const four = await section(2039);
    expect(four.suppressed).toBe(true);
    expect(four.national.suppressed).toBe(true);
  });

  it('shows the section in every format, hidden cells marked as elsewhere in the report', async () => {
    const html = (await report(2036, 'html')).toString('utf8');
    expect(html).toContain('<h2>Hændelser og modenhed</h2>');
    const start = html.indexOf('<h2>Hændelser og modenhed</h2>');
    expect(html.slice(start, html.indexOf('</section>', start))).toContain('Skjult (færre end 5 kommuner)');

    const pdf = await pdfParse(await report(2036, 'pdf'));
    expect(pdf.text).toContain('Hændelser og modenhed');
    expect(pdf.text).toContain('Kvartil (samlet indeks)');

    const csv = (await report(2036, 'csv')).toString('utf8');
    const lines = csv.split('\r\n').filter((l) => l.startsWith('Hændelser pr. modenhedskvartil'));
    expect(lines).toHaveLength(5);
    expect(lines.filter((l) => l.includes('Skjult (færre end 5 kommuner)'))).toHaveLength(1);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await report(2036, 'xlsx')) as unknown as ExcelJS.Buffer);
    const sheet = book.getWorksheet('Hændelser og modenhed')!;
    const rates: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && rates.push(row.getCell(3).value));
    expect(rates.filter((v) => v === 'Skjult (færre end 5 kommuner)')).toHaveLength(1);
    expect(rates.filter((v) => typeof v === 'number')).toHaveLength(4);
  });

  it('reads the incidents through a view the app role cannot write through', async () => {
    const view = INCIDENT_READ_VIEWS.countedIncidents;
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM ${view} WHERE aware_year = 2036`);
    expect(n).toBe([...population.keys()].reduce((sum, code) => sum + counted(code, 2036), 0));
    await expect(t.db.query(`DELETE FROM ${view}`)).rejects.toThrow(/permission denied/);
    await expect(t.db.query(`UPDATE ${view} SET rsit_class = 'other'`)).rejects.toThrow(/permission denied/);
  });

  it('shows the section on the national results page at 1280 and 375 px, the page never scrolling sideways', async () => {
    const base = await listenLocally(t);
    const browser = await launchChromium();
    try {
      const page = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 151));
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${base}/landsresultater/${editions[2036].id}`);
      const table = page.locator('table', { hasText: 'Hændelser pr. 10.000 indbyggere' });
      expect(await table.locator('caption').innerText()).toContain('efter modenhedskvartil');
      expect(await table.locator('tbody tr').count()).toBe(5);
      expect(await table.innerText()).toContain('Skjult (færre end 5 kommuner)');
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 812 });
        await table.scrollIntoViewIfNeeded();
        if (process.env.SCREENSHOT_DIR)
          await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/incident-quartiles-${width}.png` });
        expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(width);
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
