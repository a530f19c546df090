import { Browser, chromium } from 'playwright-core';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';
import { createUser, TEST_PASSWORD } from './support/factories';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('Web sign-in in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listenLocally(t);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(() => resetData(t.db));

  it('signs an officer in, greets them with role and municipality, and signs out', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    await t.db.query(
      `INSERT INTO notifications (user_id, dedupe_key, title, body, link) VALUES ($1, 'r1', 'Påmindelse: Baseline 2025', 'Fristen nærmer sig.', '/undersoegelser')`,
      [officer.id],
    );
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await page.getAttribute('html', 'lang')).toBe('da');

    await page.getByLabel('E-mailadresse').fill(officer.email);
    await page.getByLabel('Adgangskode').fill('forkert');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForLoadState();
    expect(await page.locator('.alert-error').innerText()).toContain(
      'Forkert e-mailadresse eller adgangskode',
    );

    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('h1').innerText()).toBe('Velkommen, Test municipality_officer');
    expect(await page.locator('#beskeder + .alert').innerText()).toContain('Påmindelse: Baseline 2025');
    const lead = await page.locator('.font-lead').innerText();
    expect(lead).toContain('Informationssikkerhedskoordinator');
    expect(lead).toContain('Ballerup Kommune');
    // The DKFDS stylesheet is really applied (IBM Plex Sans is its typeface).
    expect(
      await page
        .locator('body')
        .evaluate((body) => body.ownerDocument.defaultView!.getComputedStyle(body).fontFamily),
    ).toContain('IBM Plex Sans');
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'baseline_session')).toMatchObject({ httpOnly: true });

    await page.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
    await page.close();
  });

  it('refuses a sign-in form posted without the CSRF token', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ email: officer.email, password: TEST_PASSWORD }).toString(),
      redirect: 'manual',
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('Du har ikke adgang til siden');
  });
});
