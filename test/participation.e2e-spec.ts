import request from 'supertest';
import { SurveyRemindersService } from '@app/responses';
import { createUser, tokenFor } from './support/factories';
import { openWithParticipation } from './support/participation';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { cookieHeader } from './support/cookie-jar';
import { signInWeb } from './support/web-session';
import { binary, expectInertText, expectNoLiveFormula, readWorkbook } from './support/spreadsheets';

/** KL's participation list: filters, order, Danish exports, and "send reminder now". */
describe('Participation for KL (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let editionId: string;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** Ballerup (Hovedstaden) submitted, signed by a hostile display name; Aarhus is in progress. */
  beforeEach(async () => {
    await resetData(t.db);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    editionId = (await openWithParticipation(t, kl, '=HYPERLINK("https://evil.example")')).id;
  });

  const get = (path: string) =>
    request(t.http).get(`/api/v1/editions/${editionId}/participation${path}`).auth(kl, { type: 'bearer' });
  const names = (body: { municipalities: Array<{ municipalityName: string }> }) =>
    body.municipalities.map((m) => m.municipalityName);

  it('filters by region and status and sorts by name, region, status and last activity', async () => {
    const all = (await get('').expect(200)).body;
    expect(all.summary).toEqual({ municipalities: 98, submitted: 1, inProgress: 1, notStarted: 96 });
    expect(names(all).slice(0, 3)).toEqual(['Albertslund', 'Allerød', 'Assens']);
    expect(names(all).at(-1)).toBe('Aarhus');

    const hovedstaden = (await get('?region=1084').expect(200)).body;
    expect(hovedstaden.municipalities).toHaveLength(29);
    expect(hovedstaden.summary.municipalities).toBe(98);
    expect(names((await get('?status=in_progress').expect(200)).body)).toEqual(['Aarhus']);
    expect(names((await get('?region=1084&status=submitted').expect(200)).body)).toEqual(['Ballerup']);
    expect(names((await get('?region=1082&status=submitted').expect(200)).body)).toEqual([]);

    const byStatus = names((await get('?sort=status').expect(200)).body);
    expect(byStatus.slice(-2)).toEqual(['Aarhus', 'Ballerup']);
    expect(names((await get('?sort=lastActivity').expect(200)).body).slice(0, 2)).toEqual([
      'Aarhus',
      'Ballerup',
    ]);
    const byRegion = (await get('?sort=region').expect(200)).body.municipalities;
    expect(byRegion[0].regionName).toBe('Region Hovedstaden');

    for (const bad of ['?region=9999', '?region=abc', '?status=done', '?sort=answers', '?extra=1']) {
      const res = await get(bad).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
    const officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101));
    await request(t.http)
      .get(`/api/v1/editions/${editionId}/participation`)
      .auth(officer, { type: 'bearer' })
      .expect(403);
  });

  it('exports the selection as a Danish CSV (; BOM, Danish headers) and a typed XLSX, with formulas neutralised', async () => {
    const csv = await get('/export.csv?region=1084&sort=status').expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('baseline-2026-deltagelse.csv');
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Kommunekode;Kommune;Region;Status;Fremdrift (%);Besvarede obligatoriske spørgsmål;' +
        'Obligatoriske spørgsmål;Seneste aktivitet;Indsendt den;Indsendt af',
    );
    expect(lines).toHaveLength(1 + 29);
    const ballerup = lines.at(-1)!.split(';');
    expect(ballerup.slice(0, 5)).toEqual(['151', 'Ballerup', 'Region Hovedstaden', 'Indsendt', '100']);
    expect(ballerup[7]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(lines.at(-1)).toContain(`;"'=HYPERLINK(""https://evil.example"")"`);
    expect(csv.text).not.toMatch(/(^|;|\r\n)"?[=+\-@]/);
    expectNoLiveFormula(csv.text);

    const xlsx = await get('/export.xlsx?status=submitted').buffer(true).parse(binary).expect(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = await readWorkbook(xlsx.body as Buffer);
    const sheet = book.getWorksheet('Deltagelse')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(1).getCell(2).value).toBe('Kommune');
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(151);
    expect(row.getCell(5).value).toBe(100);
    expect(row.getCell(9).value).toBeInstanceOf(Date);
    expectInertText(row.getCell(10), '=HYPERLINK("https://evil.example")');

    await get('/export.pdf').expect(404);
    await get('/export.csv?status=nope').expect(400);
  });

  it('sends a reminder now to the municipalities not submitted, once per municipality per day, through a job', async () => {
    await createUser(t.db, 'municipality_officer', 101);
    await createUser(t.db, 'municipality_officer', 101);
    await createUser(t.db, 'municipality_officer', 147, { active: false });
    const remind = () =>
      request(t.http)
        .post(`/api/v1/editions/${editionId}/participation/reminders`)
        .auth(kl, { type: 'bearer' });
    const first = await remind().expect(202);
    // Aarhus (in progress) and København (not started, two officers); Ballerup submitted, Frederiksberg
    // has no active officer.
    expect(first.body).toMatchObject({ municipalities: 2, recipients: 3, alreadyRemindedToday: 0 });
    expect(first.body.jobId).toMatch(/^reminders-now-/);

    const reminders = t.app.get(SurveyRemindersService);
    const day = new Intl.DateTimeFormat('sv-SE', {
      timeZone: 'Europe/Copenhagen',
      dateStyle: 'short',
    }).format(new Date());
    expect(await reminders.sendNow(editionId, day)).toMatchObject({ municipalities: 2, notified: 3 });
    expect(await reminders.sendNow(editionId, day)).toMatchObject({ municipalities: 0, notified: 0 });
    const perUser = await t.db.query(
      `SELECT u.municipality_code AS code, count(n.id)::int AS n FROM users u
       LEFT JOIN notifications n ON n.user_id = u.id AND n.dedupe_key LIKE 'survey-reminder-now:%'
       WHERE u.role = 'municipality_officer' GROUP BY u.id, u.municipality_code ORDER BY 1, 2`,
    );
    expect(perUser).toEqual([
      { code: 101, n: 1 },
      { code: 101, n: 1 },
      { code: 147, n: 0 },
      { code: 151, n: 0 },
      { code: 751, n: 1 },
    ]);
    const again = await remind().expect(202);
    expect(again.body).toMatchObject({ municipalities: 0, recipients: 0, alreadyRemindedToday: 2 });
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'edition.reminders-requested' AND target_id = $1`,
      [editionId],
    );
    expect(audit.n).toBe(2);

    await request(t.http)
      .post(`/api/v1/editions/${editionId}/close`)
      .auth(kl, { type: 'bearer' })
      .send({ reason: 'Test' })
      .expect(200);
    expect((await remind().expect(409)).body.code).toBe('EDITION_WRONG_STATUS');
  });

  it('gives KL the page with filters, sortable headers, export links and the reminder button with its count', async () => {
    const klUser = await createUser(t.db, 'kl_analyst');
    const { jar } = await signInWeb(t.http, klUser);
    const page = (path: string) =>
      request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
    const base = `/administration/udgaver/${editionId}/deltagelse`;
    const html = (await page(`${base}?region=1084&status=submitted`).expect(200)).text;
    expect(html).toContain('Viser 1 kommune af 98.');
    expect(html).toContain('data-municipality="151"');
    expect(html).not.toContain('data-municipality="751"');
    expect(html).toContain(`href="${base}/eksport.csv?region=1084&amp;status=submitted"`);
    expect(html).toContain(`href="${base}?region=1084&amp;status=submitted&amp;sortering=lastActivity"`);
    expect(html).toMatch(/<th scope="col" aria-sort="ascending">\s*Kommune/);
    expect(html).toContain('Send påmindelse nu');
    expect(html.replace(/\s+/g, ' ')).toContain(
      'de 97 kommuner, der ikke har indsendt (1 i gang, 96 ikke påbegyndt)',
    );
    // The filter form as a phone sends it (the headers are folded into cards there): empty fields, an order.
    const sorted = (await page(`${base}?region=&status=&sortering=lastActivity`).expect(200)).text;
    expect(sorted).toMatch(/<option value="lastActivity" selected>/);
    expect(sorted.indexOf('data-municipality="751"')).toBeLessThan(sorted.indexOf('data-municipality="151"'));
    const csv = await page(`${base}/eksport.csv?status=in_progress`).expect(200);
    expect(csv.text.slice(1).trimEnd().split('\r\n')).toHaveLength(2);
    const notice = (await page(`${base}?besked=paamindelse&kommuner=2&allerede=1`).expect(200)).text;
    expect(notice.replace(/\s+/g, ' ')).toContain(
      'Påmindelsen sendes til 2 kommuner. 1 kommune havde allerede fået en i dag.',
    );
  });
});
