import type { Browser } from 'playwright-core';
import { resetData } from './support/test-app';
import { createUser } from './support/factories';
import { launchChromium } from './support/browser';
import { createSsoTestApp, SSO_TEST_LABEL, SsoTestApp } from './support/oidc-provider';

describe('SSO sign-in in a real browser (e2e)', () => {
  let sso: SsoTestApp;
  let browser: Browser;

  beforeAll(async () => {
    sso = await createSsoTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sso?.close();
  });
  beforeEach(() => resetData(sso.t.db));

  it.each([
    { width: 375, javaScript: false },
    { width: 1280, javaScript: true },
  ])(
    'signs an officer in through the provider at $width px (JavaScript: $javaScript)',
    async ({ width, javaScript }) => {
      const officer = await createUser(sso.t.db, 'municipality_officer', 151);
      await sso.idp.addAccount(`browser-${width}`, { email: officer.email, email_verified: true });
      await sso.idp.nextLogin(`browser-${width}`);
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width, height: 800 },
      });
      const page = await context.newPage();

      await page.goto(`${sso.app}/haendelser`);
      expect(new URL(page.url()).pathname).toBe('/login');
      const button = page.getByRole('link', { name: SSO_TEST_LABEL });
      expect(await button.isVisible()).toBe(true);
      // Nothing wider than the screen (the page would scroll sideways on a phone).
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `/tmp/oidc-login-${width}.png`, fullPage: true });

      await button.click();
      await page.waitForURL(`${sso.app}/haendelser`);
      expect(await page.locator('h1').innerText()).toBe('Hændelser');
      await context.close();
    },
  );

  it('tells someone without an account, in Danish, to contact the administrator', async () => {
    await sso.idp.addAccount('browser-stranger', { email: 'ny@kommune.dk', email_verified: true });
    await sso.idp.nextLogin('browser-stranger');
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${sso.app}/login`);
    await page.getByRole('link', { name: SSO_TEST_LABEL }).click();
    await page.waitForURL(/\/auth\/oidc\/callback/);
    expect(await page.locator('.alert-error').innerText()).toContain(
      'Din konto findes ikke i Baseline — kontakt din administrator.',
    );
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/oidc-refused-375.png', fullPage: true });
    expect((await context.cookies()).some((c) => c.name.endsWith('baseline_session'))).toBe(false);
    await context.close();
  });
});
