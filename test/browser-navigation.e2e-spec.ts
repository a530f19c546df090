import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, signIn } from './support/browser';
import { seedDemoStatistics } from './support/demo-statistics';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createTestApp, TestApp, listenLocally } from './support/test-app';

/** Ballerup's officer's confidential content: the municipality's name, on its report and home page. */
const CONFIDENTIAL = /Ballerup/;

describe('Navigation, sign-out and sessions in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ids: Record<number, string>;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await seedDemoStatistics(t);
    base = await listenLocally(t);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const officer = () => createUser(t.db, 'municipality_officer', 151);

  /** Fills in and sends the sign-in form the page shows. */
  async function fillSignIn(page: Page, user: TestUser) {
    await page.getByLabel('E-mailadresse').fill(user.email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
  }

  it('shows nothing confidential on Back after "Log af"', async () => {
    const page = await signIn(browser, base, await officer());
    await page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Rapporter' })
      .click();
    await page.getByRole('link', { name: 'Baseline 2024' }).click();
    await page.waitForURL(`${base}/rapporter/${ids[2024]}`);
    expect(await page.locator('main').innerText()).toMatch(CONFIDENTIAL);
    await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Forside' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('main').innerText()).toMatch(CONFIDENTIAL);

    await page.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(`${base}/login`);
    // Back twice: to the home page, then to the municipal report; each time only the sign-in page.
    for (let i = 0; i < 2; i++) {
      await page.goBack();
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname).toBe('/login');
      expect(await page.locator('h1').innerText()).toBe('Log ind');
      expect(await page.locator('body').innerText()).not.toMatch(CONFIDENTIAL);
    }
  });

  it('has a mobile menu at 375 px with the navigation, the user and "Log af"', async () => {
    const page = await signIn(browser, base, await officer());
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${base}/haendelser`);
    // DKFDS hides the header's user and menu below 992 px; the drawer holds them.
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    expect(await drawer.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Log af' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Menu' }).click();
    await drawer.waitFor();
    expect(await drawer.innerText()).toContain('Test municipality_officer');
    expect(await drawer.innerText()).toContain('Ballerup Kommune');
    const current = drawer.locator('[aria-current]');
    expect(await current.innerText()).toBe('Hændelser');
    expect(await drawer.getByRole('link').allInnerTexts()).toEqual([
      'Forside',
      'Undersøgelser',
      'Rapporter',
      'Landsresultater',
      'Hændelser',
      'Varsler',
    ]);
    // Nothing sticks out sideways at 375 px.
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/baseline-mobile-menu.png' });
    await drawer.getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(`${base}/login`);
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('shows the mobile menu in the header without JavaScript', async () => {
    const page = await signIn(browser, base, await officer(), { javaScript: false });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${base}/`);
    const logOff = page.getByRole('button', { name: 'Log af' });
    expect(await logOff.count()).toBe(1);
    expect(await page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link').count()).toBe(6);
    await page.screenshot({ path: '/tmp/baseline-mobile-menu-no-js.png' });
    await logOff.click();
    await page.waitForURL(`${base}/login`);
  });

  it('signs in and lands on the page that was asked for', async () => {
    const user = await officer();
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${base}/haendelser?vis=mine`);
    expect(page.url()).toBe(`${base}/login?next=%2Fhaendelser%3Fvis%3Dmine`);
    await fillSignIn(page, user);
    await page.waitForURL(`${base}/haendelser?vis=mine`);
    expect(await page.locator('h1').innerText()).toBeTruthy();
    // A return address to another site is ignored.
    await page.context().clearCookies();
    await page.goto(`${base}/login?next=${encodeURIComponent('//evil.example/x')}`);
    await fillSignIn(page, user);
    await page.waitForURL(`${base}/`);
  });

  it('keeps an answer typed after the session ended, and saves it after signing in again', async () => {
    const user = await officer();
    const page = await signIn(browser, base, user);
    const survey = `${base}/undersoegelser/${ids[2025]}?omraade=risk-policy`;
    await page.goto(survey);
    // The session ends: the browser drops the cookie when its lifetime is over.
    await page.context().clearCookies({ name: 'baseline_session' });
    const policy = page.locator('#q-governance-security-policy');
    await policy.getByLabel('Niveau 4: Styret og målt').check();
    await policy.getByLabel(/^Kommentar/).fill('Revideret i år');
    await policy.getByLabel(/^Kommentar/).blur();
    const warning = page.locator('.keep-unsaved-notice');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Du er blevet logget ud');

    await warning.getByRole('link', { name: 'Log ind igen' }).click();
    await page.waitForURL(/\/login\?next=/);
    await fillSignIn(page, user);
    await page.waitForURL(survey);
    const saved = page.locator('.keep-unsaved-notice.alert-success');
    await saved.waitFor();
    expect(await saved.innerText()).toContain('sat ind igen og gemt');
    expect(await policy.getByLabel('Niveau 4: Styret og målt').isChecked()).toBe(true);
    expect(await policy.getByLabel(/^Kommentar/).inputValue()).toBe('Revideret i år');
    const mine = await request(t.http)
      .get(`/api/v1/editions/${ids[2025]}/my-response`)
      .auth(await tokenFor(t.http, user), { type: 'bearer' })
      .expect(200);
    expect(mine.body.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          questionKey: 'governance.security-policy',
          value: 4,
          comment: 'Revideret i år',
        }),
      ]),
    );
    // Kept once: a reload restores nothing more.
    await page.reload();
    expect(await page.locator('.keep-unsaved-notice').count()).toBe(0);
  });

  it('puts nothing kept back for another user in the same tab', async () => {
    const first = await officer();
    const page = await signIn(browser, base, first);
    const survey = `${base}/undersoegelser/${ids[2025]}?omraade=risk-policy`;
    await page.goto(survey);
    await page.context().clearCookies({ name: 'baseline_session' });
    await page.locator('#q-governance-security-policy').getByLabel('Niveau 2: Gentageligt').check();
    await page.locator('.keep-unsaved-notice').waitFor();
    await page.goto(
      `${base}/login?next=${encodeURIComponent(new URL(survey).pathname + new URL(survey).search)}`,
    );
    await fillSignIn(page, await createUser(t.db, 'municipality_officer', 147));
    await page.waitForURL(survey);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.keep-unsaved-notice').count()).toBe(0);
    expect(
      await page.locator('#q-governance-security-policy').getByLabel('Niveau 2: Gentageligt').isChecked(),
    ).toBe(false);
  });
});
