import request from 'supertest';
import { createEdition } from './support/editions';
import { createUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { cookieHeader } from './support/cookie-jar';
import { signInWeb } from './support/web-session';

/** KL's usage figures: raw hits beside unique downloads, and the activity chart's table in Danish. */
describe('Usage (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('counts unique downloads once per user, report and Danish day, beside the raw hits', async () => {
    const klUser = await createUser(t.db, 'kl_analyst');
    const kl = await tokenFor(t.http, klUser);
    const a = await createUser(t.db, 'municipality_officer', 151);
    const b = await createUser(t.db, 'municipality_officer', 151);
    await tokenFor(t.http, a);
    const edition = await createEdition(t.http, kl, 2026);
    const download = (user: string, code: number, format: string, at: string) =>
      t.db.query(
        `INSERT INTO report_downloads (edition_id, kind, municipality_code, format, user_id, downloaded_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [edition.id, code === 0 ? 'national' : 'municipality', code, format, user, at],
      );
    // A: the PDF twice and the CSV once on 1 March, once on 2 March: two unique downloads.
    await download(a.id, 151, 'pdf', '2026-03-01T09:00:00Z');
    await download(a.id, 151, 'csv', '2026-03-01T10:00:00Z');
    await download(a.id, 151, 'pdf', '2026-03-01T11:00:00Z');
    await download(a.id, 151, 'pdf', '2026-03-02T09:00:00Z');
    // B: 23.30 on 1 March and 00.30 on 2 March in Danish time (both 1 March in UTC): two days.
    await download(b.id, 151, 'json', '2026-03-01T22:30:00Z');
    await download(b.id, 151, 'json', '2026-03-01T23:30:00Z');
    await download(a.id, 0, 'pdf', '2026-03-01T09:00:00Z');
    await download(a.id, 0, 'pdf', '2026-03-01T09:05:00Z');

    const usage = await request(t.http).get('/api/v1/usage').auth(kl, { type: 'bearer' }).expect(200);
    expect(usage.body.downloads).toEqual([
      { year: 2026, municipalityCode: 0, municipalityName: null, downloads: 2, uniqueDownloads: 1 },
      { year: 2026, municipalityCode: 151, municipalityName: 'Ballerup', downloads: 6, uniqueDownloads: 4 },
    ]);

    const { jar } = await signInWeb(t.http, klUser);
    const page = await request(t.http)
      .get('/administration/brug')
      .set('Cookie', cookieHeader(jar))
      .set('Accept', 'text/html')
      .expect(200);
    const text = page.text.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    const month = new Intl.DateTimeFormat('da-DK', {
      timeZone: 'Europe/Copenhagen',
      month: 'long',
      year: 'numeric',
    }).format(new Date());
    expect(text).toMatch(
      new RegExp(`Aktive kommuner pr. måned \\(diagrammets tal\\) Måned Aktive kommuner ${month} 1`),
    );
    expect(page.text).toContain(`&quot;labels&quot;:[&quot;${month}&quot;]`);
    expect(text).toContain('Baseline 2026 8 5');
    expect(text).toContain('2026 Ballerup 6 4');
  });
});
