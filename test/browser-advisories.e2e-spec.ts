import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { resetAdvisories } from './support/advisories';
import { launchChromium, signIn } from './support/browser';
import { createUser, TestUser } from './support/factories';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';

/** Set ADVISORY_SHOTS_DIR to keep a full-page screenshot of each page at 1280 px. */
const SHOTS = process.env.ADVISORY_SHOTS_DIR;

/** A date two days ahead in Copenhagen, as the date input takes it. */
function inTwoDays(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(
    new Date(Date.now() + 2 * 24 * 3_600_000),
  );
}

describe('The advisory pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ballerup: TestUser;
  let aalborg: TestUser;
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
    await resetData(t.db);
    await resetAdvisories(t);
    ballerup = await createUser(t.db, 'municipality_officer', 151);
    aalborg = await createUser(t.db, 'municipality_officer', 851);
    analyst = await createUser(t.db, 'cert_analyst');
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const shoot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}-1280.png`, fullPage: true });
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

  it('KommuneCERT sends an advisory to a region; an officer there opens and answers it; the matrix shows it', async () => {
    const cert = await signIn(browser, base, analyst);
    await cert.getByRole('link', { name: 'Varsler fra KommuneCERT' }).click();
    await cert.getByRole('link', { name: 'Nyt varsel' }).click();
    await cert.waitForURL(`${base}/varsler/ny`);

    // Nothing filled in: refused beside the fields, nothing sent.
    expect(await post(cert, () => cert.getByRole('button', { name: 'Send varslet' }).click())).toBe(422);
    expect(await cert.locator('#error-summary').innerText()).toContain('Skriv en overskrift.');
    await shoot(cert, 'form-errors');

    await cert.getByLabel('Overskrift').fill('Kritisk sårbarhed i PAN-OS');
    await cert.getByLabel('Resumé').fill('Sårbarheden udnyttes aktivt. Opdatér straks.');
    await cert.getByLabel('Beskrivelse').fill('Fjernkørsel af kode uden login i GlobalProtect.');
    await cert.getByLabel('Alvor').selectOption('critical');
    await cert.getByLabel('TLP-mærkning').selectOption('green');
    await cert.getByLabel(/^Berørte produkter/).fill('Palo Alto PAN-OS 10.2');
    await cert.getByLabel(/^CVE-numre/).fill('CVE-2024-3400');
    await cert.getByLabel('Anbefalede handlinger').fill('Installér rettelsen.');
    await cert.getByLabel('Dato').fill(inTwoDays());
    await cert.getByLabel('Klokken (dansk tid)').fill('16:00');
    await cert.getByLabel('Udvalgte regioner og kommuner').check();
    await cert.getByLabel('Region Hovedstaden', { exact: true }).check();
    expect(await post(cert, () => cert.getByRole('button', { name: 'Send varslet' }).click())).toBe(303);
    await cert.waitForURL(/\/varsler\/[0-9a-f-]{36}\?besked=sendt$/);
    const id = /\/varsler\/([0-9a-f-]{36})/.exec(cert.url())![1];
    expect(await cert.locator('.advisory-matrix tbody tr').count()).toBe(29);

    // The officer in Ballerup (Region Hovedstaden): unanswered in the list, read on opening, then answered.
    const officer = await signIn(browser, base, ballerup);
    await officer.getByRole('link', { name: 'Varsler fra KommuneCERT' }).click();
    await officer.waitForURL(`${base}/varsler`);
    const row = officer.locator(`tr[data-advisory="${id}"]`);
    expect(await row.innerText()).toContain('Ikke åbnet');
    await shoot(officer, 'officer-list');
    await row.getByRole('link', { name: 'Kritisk sårbarhed i PAN-OS' }).click();
    await officer.waitForURL(`${base}/varsler/${id}`);
    expect(await officer.locator('.advisory-answer').innerText()).toContain('Læst');
    expect(await officer.locator('main').innerText()).toContain('CVE-2024-3400');

    expect(await post(officer, () => officer.getByRole('button', { name: 'Gem svar' }).click())).toBe(303);
    await officer.getByLabel('Afhjulpet').check();
    await officer.getByLabel(/^Kommentar til KommuneCERT/).fill('Opdateret til 10.2.9 i nat.');
    expect(await post(officer, () => officer.getByRole('button', { name: 'Gem svar' }).click())).toBe(303);
    expect(await officer.locator('.alert-success').innerText()).toContain('Kommunens svar er gemt');
    expect(await officer.locator('.advisory-answer').innerText()).toContain('Afhjulpet');
    await shoot(officer, 'officer-answered');

    await cert.goto(`${base}/varsler/${id}`);
    const ballerupRow = cert.locator('.advisory-matrix tr[data-municipality="151"]');
    expect(await ballerupRow.innerText()).toContain('Afhjulpet');
    expect(await ballerupRow.innerText()).toContain('Opdateret til 10.2.9 i nat.');
    expect(await cert.locator('#svar-heading').locator('..').innerText()).toContain('Svaret: 1 af 29');
    await shoot(cert, 'cert-advisory');
    await cert.goto(`${base}/varsler`);
    await shoot(cert, 'cert-list');
    await cert.goto(`${base}/varsler/${id}`);

    // Aalborg (Region Nordjylland) was not sent it: the page does not exist for it.
    const foreign = await signIn(browser, base, aalborg);
    expect((await foreign.goto(`${base}/varsler/${id}`))?.status()).toBe(404);
    await foreign.goto(`${base}/varsler`);
    expect(await foreign.locator('tr[data-advisory]').count()).toBe(0);

    // Withdrawn: the officer sees why, and can no longer answer.
    await cert.getByLabel('Begrundelse til kommunerne').fill('Sendt til forkerte modtagere.');
    expect(await post(cert, () => cert.getByRole('button', { name: 'Træk varslet tilbage' }).click())).toBe(
      303,
    );
    await officer.goto(`${base}/varsler/${id}`);
    expect(await officer.locator('main').innerText()).toContain('Varslet er trukket tilbage');
    expect(await officer.getByRole('button', { name: 'Gem svar' }).count()).toBe(0);
  });
});
