import request from 'supertest';
import { createEdition, openEdition } from './support/editions';
import { openWithParticipation } from './support/participation';
import { createUser, TestUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { cookieHeader, csrfOf, Jar } from './support/cookie-jar';
import { signInWeb } from './support/web-session';

const ADMIN = '/administration/udgaver';
/** The page's text without tags and with single spaces, as a reader sees it. */
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** KL's lifecycle pages: every change that cannot be undone by a click states its consequences first. */
describe("KL's edition pages ask before acting (e2e)", () => {
  let t: TestApp;
  let klUser: TestUser;
  let kl: string;
  let jar: Jar;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    klUser = await createUser(t.db, 'kl_analyst');
    kl = await tokenFor(t.http, klUser);
    jar = (await signInWeb(t.http, klUser)).jar;
  });

  const get = (path: string) =>
    request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
  /** Posts a form as the page would (with a fresh CSRF token) and expects the status. */
  const post = async (path: string, form: Record<string, string>, status: number) => {
    const token = csrfOf((await get(ADMIN).expect(200)).text);
    return request(t.http)
      .post(path)
      .set('Cookie', cookieHeader(jar))
      .set('Accept', 'text/html')
      .type('form')
      .send({ _csrf: token, ...form })
      .expect(status);
  };
  const statusOf = async (id: string) =>
    (await request(t.http).get(`/api/v1/editions/${id}`).auth(kl, { type: 'bearer' }).expect(200)).body
      .status;

  it('offers "Luk" as a link to a page with the consequences; the page closes early only with a reason', async () => {
    const edition = await openWithParticipation(t, kl);
    const list = await get(ADMIN).expect(200);
    expect(list.text).not.toContain(`action="${ADMIN}/${edition.id}/luk"`);
    expect(list.text).toContain(`href="${ADMIN}/${edition.id}/luk"`);

    const confirm = await get(`${ADMIN}/${edition.id}/luk`).expect(200);
    const said = text(confirm.text);
    expect(said).toContain('Luk Baseline 2026?');
    expect(said).toContain('1 kommune har indsendt. Deres svar indgår i statistikken.');
    expect(said).toContain('1 kommune er i gang uden at have indsendt. Deres svar tæller ikke med');
    expect(said).toContain('96 kommuner er ikke gået i gang og kan ikke længere deltage.');
    expect(said).toContain('Statistikken for udgaven bliver beregnet.');
    expect(said).toContain('Svarfristen er ikke nået');
    expect(confirm.text).toContain(`action="${ADMIN}/${edition.id}/luk"`);
    expect(confirm.text).toMatch(/<textarea[^>]*name="reason"[^>]*required/);
    expect(await statusOf(edition.id)).toBe('open');

    const refused = await post(`${ADMIN}/${edition.id}/luk`, { reason: '  ' }, 422);
    expect(text(refused.text)).toContain('Skriv, hvorfor udgaven lukkes før svarfristen.');
    expect(refused.text).toMatch(/aria-invalid="true"/);
    expect(await statusOf(edition.id)).toBe('open');

    const closed = await post(`${ADMIN}/${edition.id}/luk`, { reason: 'Alle har svaret' }, 303);
    expect(closed.headers.location).toBe(`${ADMIN}?besked=lukket`);
    expect(await statusOf(edition.id)).toBe('closed');
    const [entry] = await t.db.query(
      `SELECT details FROM audit_log WHERE target_id = $1 AND action = 'edition.closed'`,
      [edition.id],
    );
    expect(entry.details).toMatchObject({ early: true, reason: 'Alle har svaret' });
    // A second tab's confirmation arrives late: explained, nothing changes.
    const late = await post(`${ADMIN}/${edition.id}/luk`, { reason: 'Igen' }, 409);
    expect(text(late.text)).toContain('Udgaven kan ikke lukkes, fordi den har status »Lukket«.');
  });

  it('offers "Offentliggør" as a page that says what becomes visible to all, then publishes', async () => {
    const edition = await openWithParticipation(t, kl);
    await post(`${ADMIN}/${edition.id}/luk`, { reason: 'Test' }, 303);
    const list = await get(ADMIN).expect(200);
    expect(list.text).not.toContain(`action="${ADMIN}/${edition.id}/offentliggoer"`);
    const confirm = await get(`${ADMIN}/${edition.id}/offentliggoer`).expect(200);
    const said = text(confirm.text);
    expect(said).toContain('Offentliggør Baseline 2026?');
    expect(said).toContain('Landsrapporten (PDF, HTML, CSV og JSON) kan hentes af alle kommuner');
    expect(said).toContain(
      'Landstal, regionstal og tal for kommunestørrelser bliver synlige for alle kommuner.',
    );
    expect(said).toContain('Grupper med færre end 5 kommuner vises som skjulte (anonymitetsgrænsen K = 5)');
    // Only Ballerup submitted: fewer than K, so the page warns and confirms knowingly.
    expect(said).toContain('Kun 1 kommune har indsendt Baseline 2026');
    expect(confirm.text).toContain('name="confirmSmallEdition" value="ja"');
    expect(await statusOf(edition.id)).toBe('closed');

    await post(`${ADMIN}/${edition.id}/offentliggoer`, { confirmSmallEdition: 'ja' }, 303);
    expect(await statusOf(edition.id)).toBe('published');

    const withdraw = await get(`${ADMIN}/${edition.id}/tilbagetraek`).expect(200);
    expect(text(withdraw.text)).toContain('Landsrapporten og landstallene kan ikke længere ses af kommuner');
    await post(`${ADMIN}/${edition.id}/tilbagetraek`, { reason: '' }, 422);
    expect(await statusOf(edition.id)).toBe('published');
    const done = await post(`${ADMIN}/${edition.id}/tilbagetraek`, { reason: 'Fejl i tallene' }, 303);
    expect(done.headers.location).toBe(`${ADMIN}?besked=trukket-tilbage`);
    expect(await statusOf(edition.id)).toBe('closed');
  });

  it("edits a draft's and an open edition's title and deadline in Danish, and deletes only a draft after asking", async () => {
    const draft = await createEdition(t.http, kl, 2027);
    const form = await get(`${ADMIN}/${draft.id}/rediger`).expect(200);
    expect(form.text).toContain('value="Baseline 2027"');
    const past = await post(`${ADMIN}/${draft.id}/rediger`, { title: 'X', closesAt: '2020-01-31' }, 422);
    expect(text(past.text)).toContain('Svarfristen skal ligge i fremtiden.');
    const blank = await post(`${ADMIN}/${draft.id}/rediger`, { title: ' ', closesAt: '' }, 422);
    expect(text(blank.text)).toContain('Skriv en titel');
    const year = new Date().getFullYear() + 1;
    await post(
      `${ADMIN}/${draft.id}/rediger`,
      { title: 'Baseline 2027 (ny)', closesAt: `${year}-03-31` },
      303,
    );
    const changed = await request(t.http).get(`/api/v1/editions/${draft.id}`).auth(kl, { type: 'bearer' });
    expect(changed.body.title).toBe('Baseline 2027 (ny)');
    expect(changed.body.closesAt).toBe(new Date(Date.UTC(year, 2, 31, 21, 59)).toISOString());

    const confirm = await get(`${ADMIN}/${draft.id}/slet`).expect(200);
    expect(text(confirm.text)).toMatch(/Kladden Baseline 2027 \(ny\) og dens spørgeskema med \d+ spørgsmål/);
    await post(`${ADMIN}/${draft.id}/slet`, {}, 303);
    await request(t.http).get(`/api/v1/editions/${draft.id}`).auth(kl, { type: 'bearer' }).expect(404);

    const open = await createEdition(t.http, kl, 2028);
    await openEdition(t.http, kl, open.id);
    const noDelete = await get(`${ADMIN}/${open.id}/slet`).expect(409);
    expect(noDelete.text).not.toContain(`action="${ADMIN}/${open.id}/slet"`);
    expect(text(noDelete.text)).toContain('Udgaven kan ikke slettes, fordi den har status »Åben«.');
    await post(`${ADMIN}/${open.id}/slet`, {}, 409);
    await post(`${ADMIN}/${open.id}/luk`, { reason: 'Test' }, 303);
    const noEdit = await post(`${ADMIN}/${open.id}/rediger`, { title: 'Sent', closesAt: '' }, 409);
    expect(text(noEdit.text)).toContain('Udgaven kan ikke ændres, fordi den har status »Lukket«.');
  });
});
