import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, submitForm } from './support/browser';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser } from './support/factories';
import { totpCode } from './support/mfa';

/** The page is no wider than the window (no sideways scrolling). */
const fitsWidth = (page: Page) =>
  page.locator('html').evaluate((html) => html.scrollWidth <= html.clientWidth);

async function passwordStep(page: Page, base: string, user: TestUser) {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await submitForm(page, 'Log ind');
}

describe('MFA in a real browser: enrol TOTP on /konto/mfa, sign out, sign in with a code (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ mfaRequiredRoles: ['kl_analyst'] });
    base = await listenLocally(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(() => resetData(t.db));

  it('works without JavaScript: QR code, confirm, recovery codes, then the second step at sign-in', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const page = await signIn(browser, base, officer, { javaScript: false });
    await page.goto(`${base}/konto/mfa`);
    expect(await page.locator('h1').innerText()).toBe('Totrinsbekræftelse');
    expect(await submitForm(page, 'Opsæt godkendelsesapp')).toBe(303);
    const qr = page.getByAltText('QR-kode til godkendelsesappen');
    // The image decoded (a broken data URL has no natural width).
    expect(
      await qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBeGreaterThan(0);
    const secret = (await page.locator('.mfa-secret').innerText()).replace(/\s/g, '');

    await page.getByLabel('Kode fra appen').fill('000000' === (await totpCode(secret)) ? '111111' : '000000');
    expect(await submitForm(page, 'Bekræft')).toBe(422);
    expect(await page.locator('#error-summary').innerText()).toContain('Koden er forkert eller udløbet');

    await page.getByLabel('Kode fra appen').fill(await totpCode(secret));
    expect(await submitForm(page, 'Bekræft')).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Dine gendannelseskoder');
    const codes = await page.locator('.mfa-recovery-codes code').allInnerTexts();
    expect(codes).toHaveLength(10);
    await page.getByRole('link', { name: 'Jeg har gemt koderne – fortsæt' }).click();
    expect(await page.locator('.alert-success').first().innerText()).toContain('Godkendelsesappen er sat op');

    await page.getByRole('button', { name: 'Log af' }).first().click();
    await page.waitForURL(`${base}/login`);
    await passwordStep(page, base, officer);
    expect(new URL(page.url()).pathname).toBe('/login/mfa');
    // The step before the code gives no access.
    await page.goto(`${base}/undersoegelser`);
    expect(new URL(page.url()).pathname).toBe('/login');

    await passwordStep(page, base, officer);
    await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(await totpCode(secret, 1));
    expect(await submitForm(page, 'Log ind')).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('h1').innerText()).toContain('Velkommen');

    // The same code again, on a new sign-in: refused in Danish.
    await page.getByRole('button', { name: 'Log af' }).first().click();
    await passwordStep(page, base, officer);
    await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(await totpCode(secret, 1));
    expect(await submitForm(page, 'Log ind')).toBe(401);
    expect(await page.locator('#error-summary').innerText()).toContain('Koden er allerede brugt');
    // A recovery code gets in.
    await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(codes[0]);
    expect(await submitForm(page, 'Log ind')).toBe(303);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.context().close();
  });

  it('sends a user whose role requires MFA to set it up before any page, at 375 and 1280 px', async () => {
    for (const width of [375, 1280]) {
      const user = await createUser(t.db, 'kl_analyst');
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await passwordStep(page, base, user);
      expect(new URL(page.url()).pathname).toBe('/login/mfa/tilmeld');
      expect(await page.locator('h1').innerText()).toBe('Opsæt totrinsbekræftelse');
      expect(await fitsWidth(page)).toBe(true);
      await page.goto(`${base}/`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await page.goBack();
      await page.reload();
      const secret = (await page.locator('.mfa-secret').innerText()).replace(/\s/g, '');
      await page.getByLabel('Kode fra appen').fill(await totpCode(secret));
      expect(await submitForm(page, 'Bekræft og log ind')).toBe(200);
      expect(await page.locator('.mfa-recovery-codes code').count()).toBe(10);
      expect(await fitsWidth(page)).toBe(true);
      await page.getByRole('link', { name: 'Jeg har gemt koderne – fortsæt' }).click();
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.locator('h1').innerText()).toContain('Velkommen');
      await page.goto(`${base}/konto/mfa`);
      expect(await fitsWidth(page)).toBe(true);
      expect(await page.locator('main').innerText()).toContain('Din konto skal bruge totrinsbekræftelse');
      await page.screenshot({ path: `/tmp/mfa-konto-${width}.png`, fullPage: true });
      await context.close();
    }
  });
});
