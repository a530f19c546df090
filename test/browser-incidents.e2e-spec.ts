import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, signIn } from './support/browser';
import { createUser, TestUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';

/** Set INCIDENT_SHOTS_DIR to keep screenshots of each page at 375 and 1280 px. */
const SHOTS = process.env.INCIDENT_SHOTS_DIR;

/** Today in Copenhagen as the date input takes it, and a time an hour ago. */
function copenhagenNow(offsetMs = 0) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Copenhagen',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(Date.now() + offsetMs));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

describe('The incident pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ballerup: TestUser;
  let analyst: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listenLocally(t);
    browser = await launchChromium();
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(async () => {
    await t.owner.query(
      'TRUNCATE incidents, incident_events, incident_comments, incident_attachments, incident_obligations, incident_intake_keys, incident_reference_counters CASCADE',
    );
    await resetData(t.db);
    ballerup = await createUser(t.db, 'municipality_officer', 151);
    analyst = await createUser(t.db, 'cert_analyst');
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const shoot = async (page: Page, name: string) => {
    if (!SHOTS) return;
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
    // At 375 px a long page is kept in parts of 1,400 px, so that each can be looked at closely.
    await page.setViewportSize({ width: 375, height: 800 });
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    for (let part = 0; part * 1400 < height; part++) {
      const clip = { x: 0, y: part * 1400, width: 375, height: Math.min(1400, height - part * 1400) };
      await page.screenshot({ path: `${SHOTS}/${name}-375-${part + 1}.png`, fullPage: true, clip });
    }
    await page.setViewportSize({ width: 1280, height: 1000 });
  };
  /** Clicks a button that posts a form and returns the status of that POST. */
  const post = async (page: Page, click: () => Promise<void>) => {
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.request().resourceType() === 'document',
      ),
      click(),
    ]);
    await page.waitForLoadState();
    return res.status();
  };
  const apiIncident = async (id: string) =>
    (
      await request(t.http)
        .get(`/api/v1/incidents/${id}`)
        .auth(await tokenFor(t.http, analyst), { type: 'bearer' })
        .expect(200)
    ).body as {
      status: string;
      assigneeId: string | null;
      rsitClass: string;
      rsitType: string;
      severity: string;
    };

  /** The officer reports a breach through the form; returns the incident page's id. */
  async function reportThroughForm(page: Page): Promise<string> {
    await page.getByRole('link', { name: 'Anmeld en hændelse' }).first().click();
    await page.waitForURL(`${base}/haendelser/ny`);
    await page.getByLabel('Oplysninger sendt til den forkerte modtager').check();
    await page.getByLabel('Overskrift').fill('Brev med sagsakter sendt til forkert borger');
    await page.getByLabel(/^Beskriv kort/).fill('En sagsbehandler sendte et brev til en forkert adresse.');
    const earlier = copenhagenNow(-60 * 60_000);
    await page.getByLabel('Dato').fill(earlier.date);
    await page.getByLabel('Klokken (dansk tid)').fill(earlier.time);
    await page.locator('#systems-down').getByLabel('Nej').check();
    await page.locator('#personal-data').getByLabel('Ja').check();
    await page.getByLabel('Utilsigtet videregivelse').check();
    await page.getByLabel(/^Cirka hvor mange personer/).fill('40');
    await page.getByLabel('Helbredsoplysninger').check();
    await page.locator('#notifiable').getByLabel('Ved ikke').check();
    expect(await post(page, () => page.getByRole('button', { name: 'Anmeld hændelsen' }).click())).toBe(303);
    await page.waitForURL(/\/haendelser\/[0-9a-f-]{36}\?besked=anmeldt$/);
    return /\/haendelser\/([0-9a-f-]{36})/.exec(page.url())![1];
  }

  it('an officer reports an incident, sees it with its deadline and comments; another municipality gets 404', async () => {
    const page = await signIn(browser, base, ballerup);
    expect(await page.locator('#haendelser-nu').innerText()).toContain('Kommunens åbne hændelser');
    await shoot(page, 'officer-home-empty');
    await page.getByRole('link', { name: 'Alle hændelser' }).click();
    await page.waitForURL(`${base}/haendelser`);
    await shoot(page, 'officer-list-empty');

    const id = await reportThroughForm(page);
    expect(await page.locator('.alert-success').innerText()).toContain('Hændelsen er anmeldt');
    const h1 = await page.locator('h1').innerText();
    expect(h1).toMatch(/KCERT-\d{4}-0001/);
    expect(h1).toContain('Brev med sagsakter sendt til forkert borger');
    const art33 = page.locator('[data-obligation="gdpr-art33"]');
    expect(await art33.innerText()).toContain('Anmeldelse til Datatilsynet');
    expect(await art33.innerText()).toMatch(/forfalder om (70 t \d+ min|71 t)/);
    expect(await page.locator('.incident-details').innerText()).toContain('Informationssikkerhed');
    expect(await page.locator('.incident-details').innerText()).toContain('Læk af fortrolige oplysninger');

    await page.getByLabel('Ny kommentar').fill('Borgeren er kontaktet og har slettet brevet.');
    expect(await post(page, () => page.getByRole('button', { name: 'Tilføj kommentar' }).click())).toBe(303);
    expect(await page.locator('.incident-comments').innerText()).toContain('Borgeren er kontaktet');
    expect(await page.locator('.incident-timeline').innerText()).toContain('Kommentar tilføjet');

    // Attachments: a file whose content is not an allowed type is refused beside the field.
    const upload = async (name: string, mimeType: string, content: string) => {
      await page
        .getByLabel('Tilføj et bilag')
        .setInputFiles({ name, mimeType, buffer: Buffer.from(content) });
      return post(page, () => page.getByRole('button', { name: 'Upload bilag' }).click());
    };
    expect(await upload('rapport.pdf', 'application/pdf', 'MZ\x90\x00 not a pdf')).toBe(422);
    expect(
      await page.locator('.form-group', { has: page.locator('#attachment-file') }).innerText(),
    ).toContain('Filen er ikke en tilladt type');
    expect(await upload('stor.txt', 'text/plain', 'x'.repeat(10 * 1024 * 1024 + 1))).toBe(303);
    expect(page.url()).toContain('fejl=bilag-for-stort');
    expect(await page.locator('#attachment-file-error').innerText()).toContain('Filen er større end 10 MB.');
    expect(await upload('log.txt', 'text/plain', 'Mail sendt 08:02 til forkert modtager\n')).toBe(303);
    const link = page.locator('.incident-attachments a', { hasText: 'log.txt' });
    const download = await page.request.get(`${base}${await link.getAttribute('href')}`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toBe('Mail sendt 08:02 til forkert modtager\n');
    await shoot(page, 'officer-incident');

    // A notification recorded without a time is refused beside the field.
    await page.locator('[data-obligation="gdpr-art33"] summary').click();
    expect(await post(page, () => page.getByRole('button', { name: 'Gem indsendelse' }).click())).toBe(422);
    expect(await page.locator('#gdpr-art33-submitted-at .form-error-message').innerText()).toContain(
      'Skriv dato og klokkeslæt for indsendelsen.',
    );
    const now = copenhagenNow();
    await page.locator('#gdpr-art33-submitted-at-date').fill(now.date);
    await page.locator('#gdpr-art33-submitted-at-time').fill(now.time);
    await page.getByLabel(/^Modtagerens reference/).fill('DT-2026-123');
    expect(await post(page, () => page.getByRole('button', { name: 'Gem indsendelse' }).click())).toBe(303);
    expect(await page.locator('[data-obligation="gdpr-art33"]').innerText()).toContain('DT-2026-123');

    await page.goto(`${base}/haendelser`);
    expect(await page.locator('tr[data-reference]').count()).toBe(1);
    expect(await page.locator('tr[data-reference]').innerText()).toContain('Brev med sagsakter');
    await shoot(page, 'officer-list');
    await page.goto(`${base}/`);
    expect(await page.locator('#haendelser-nu').locator('..').innerText()).toContain('Brev med sagsakter');
    await shoot(page, 'officer-home');

    // Another municipality's officer does not learn that the incident exists.
    const foreign = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 101));
    const res = await foreign.goto(`${base}/haendelser/${id}`);
    expect(res?.status()).toBe(404);
    expect(await foreign.locator('h1').innerText()).toBe('Siden findes ikke');
    await foreign.goto(`${base}/haendelser`);
    expect(await foreign.locator('tr[data-reference]').count()).toBe(0);
    // KL sees no incidents.
    const kl = await signIn(browser, base, await createUser(t.db, 'kl_analyst'));
    expect((await kl.goto(`${base}/haendelser/${id}`))?.status()).toBe(403);
    expect(await kl.locator('#haendelser-nu').count()).toBe(0);
  });

  it('shows bad input beside the field and keeps what was typed', async () => {
    const page = await signIn(browser, base, ballerup);
    await page.goto(`${base}/haendelser/ny`);
    await shoot(page, 'report-form');
    await page.getByLabel('Overskrift').fill('Mistænkelig mail');
    const later = copenhagenNow(3 * 60 * 60_000);
    await page.getByLabel('Dato').fill(later.date);
    await page.getByLabel('Klokken (dansk tid)').fill(later.time);
    await page.locator('#personal-data').getByLabel('Ja').check();
    await page.getByLabel(/^Cirka hvor mange personer/).fill('-5');
    expect(await post(page, () => page.getByRole('button', { name: 'Anmeld hændelsen' }).click())).toBe(422);

    const when = page.locator('#aware-at');
    expect(await when.getAttribute('class')).toContain('form-error');
    expect(await when.locator('.form-error-message').innerText()).toContain(
      'Tidspunktet kan ikke ligge i fremtiden.',
    );
    expect(await page.locator('#aware-at-date').getAttribute('aria-invalid')).toBe('true');
    const count = page.locator('.form-group', { has: page.locator('#approx-subjects') });
    expect(await count.getAttribute('class')).toContain('form-error');
    expect(await count.locator('.form-error-message').innerText()).toContain('Skriv et helt tal');
    expect(await page.locator('#approx-subjects').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#what-happened .form-error-message').innerText()).toContain(
      'Vælg, hvad der er sket.',
    );
    expect(await page.getByLabel('Overskrift').inputValue()).toBe('Mistænkelig mail');
    expect(await page.locator('#approx-subjects').inputValue()).toBe('-5');
    const summary = page.locator('#error-summary');
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(
      await summary
        .getByRole('link', { name: 'Tidspunktet kan ikke ligge i fremtiden.' })
        .getAttribute('href'),
    ).toBe('#aware-at-date');
    await shoot(page, 'report-form-errors');
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM incidents');
    expect(n).toBe(0);
  });

  it('KommuneCERT triages, assigns and closes an incident through the UI; a stale form shows the conflict', async () => {
    const officer = await signIn(browser, base, ballerup);
    await officer.goto(`${base}/haendelser`);
    const id = await reportThroughForm(officer);

    const page = await signIn(browser, base, analyst);
    const tiles = page.locator('.incident-tiles');
    expect(await tiles.innerText()).toMatch(/1\s+ikke tildelt/);
    await shoot(page, 'cert-home');
    await tiles.getByRole('link', { name: /ikke tildelt/ }).click();
    await page.waitForURL(`${base}/haendelser?vis=unassigned&status=aabne`);
    expect(await page.locator('[aria-current="page"]', { hasText: 'Ikke tildelt' }).count()).toBe(1);
    const row = page.locator('tr[data-reference]');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('Ballerup');
    // Filters are kept in the URL.
    await page.getByLabel('Status').selectOption('new');
    await page.getByLabel('Søg i tekst og reference').fill('sagsakter');
    await page.getByRole('button', { name: 'Filtrér' }).click();
    await page.waitForURL(/vis=unassigned&kommune=&status=new&alvor=&q=sagsakter$/);
    expect(await page.locator('tr[data-reference]').count()).toBe(1);
    await shoot(page, 'cert-queue');
    await page.goto(`${base}/haendelser?q=findes-ikke`);
    expect(await page.locator('tr[data-reference]').count()).toBe(0);
    await page.goto(`${base}/haendelser?vis=overdue`);
    expect(await page.locator('tr[data-reference]').count()).toBe(0);
    await page.goto(`${base}/haendelser?vis=unassigned`);
    await page.locator('tr[data-reference] a').click();
    await page.waitForURL(`${base}/haendelser/${id}`);

    // A second tab keeps the page as it is now (version 1).
    const stale = await page.context().newPage();
    await stale.goto(`${base}/haendelser/${id}`);

    await page.getByLabel('Klassifikation (RSIT)').selectOption('fraud/phishing');
    await page.locator('#triage-severity').selectOption('high');
    expect(await post(page, () => page.getByRole('button', { name: 'Gem vurdering' }).click())).toBe(303);
    expect(await page.locator('.alert-success').innerText()).toContain('Vurderingen er gemt');
    expect(await page.locator('.incident-timeline').innerText()).toContain('RSIT-klasse');
    expect(await post(page, () => page.getByRole('button', { name: 'Tildel mig' }).click())).toBe(303);
    expect(await page.locator('.incident-details').innerText()).toContain('Test cert_analyst');

    // The stale tab's change is refused and the current state is shown, not overwritten.
    await stale.locator('#triage-severity').selectOption('low');
    expect(await post(stale, () => stale.getByRole('button', { name: 'Gem vurdering' }).click())).toBe(409);
    expect(await stale.locator('.alert-warning').innerText()).toContain('Nogen har ændret hændelsen');
    expect(await stale.locator('#triage-severity').inputValue()).toBe('high');
    expect(await apiIncident(id)).toMatchObject({
      severity: 'high',
      rsitClass: 'fraud',
      rsitType: 'phishing',
    });

    // An internal comment is for KommuneCERT only.
    await page.getByLabel('Ny kommentar').fill('Afsender matcher kampagne fra i går.');
    await page.getByLabel('Kun KommuneCERT (intern kommentar)').check();
    expect(await post(page, () => page.getByRole('button', { name: 'Tilføj kommentar' }).click())).toBe(303);
    await officer.goto(`${base}/haendelser/${id}`);
    expect(await officer.locator('body').innerText()).not.toContain('Afsender matcher kampagne');

    // A duplicate needs the original's reference: the error is beside the field.
    await page.getByLabel('Dublet af en anden hændelse').check();
    expect(await post(page, () => page.getByRole('button', { name: 'Skift status' }).click())).toBe(422);
    expect(
      await page.locator('.form-group', { has: page.locator('#status-duplicate-of') }).innerText(),
    ).toContain('Skriv referencen på den oprindelige hændelse');

    for (const step of ['Tag under vurdering', 'Sæt under behandling', 'Markér som løst', 'Luk hændelsen']) {
      await page.getByLabel(step).check();
      expect(await post(page, () => page.getByRole('button', { name: 'Skift status' }).click())).toBe(303);
      expect(await page.locator('.alert-success').innerText()).toContain('Status er skiftet');
    }
    await shoot(page, 'cert-incident');
    expect(await apiIncident(id)).toMatchObject({ status: 'closed', assigneeId: analyst.id });
    expect(await page.locator('.incident-details').innerText()).toContain('Lukket');
    // A closed incident offers only reopening.
    expect(await page.locator('#status-to input').count()).toBe(1);
  });
});
