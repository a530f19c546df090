import { mkdirSync } from 'node:fs';
import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, submitForm } from './support/browser';
import { createUser, TEST_PASSWORD, TestUser } from './support/factories';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';

const SHOTS = '/tmp/adminweb-shots';

/**
 * The administrator unlocks and then deactivates an officer in a real browser, at 1280 px and at
 * 375 px, with JavaScript off at 375 px to prove the confirmation pages need none.
 */
describe('Administration of users in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listenLocally(t);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(async () => {
    await resetData(t.db);
    admin = await createUser(t.db, 'platform_admin');
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const apiSignIn = (user: TestUser) =>
    request(t.http).post('/api/v1/auth/login').send({ email: user.email, password: TEST_PASSWORD });
  const lock = (user: TestUser) =>
    t.db.query(
      `INSERT INTO sign_in_failures (scope, email, address, window_start, failures, blocked_until)
       VALUES ('account', $1, '', now(), 100, now() + interval '10 minutes')`,
      [user.email],
    );
  const noSideways = async (page: Page, width: number) =>
    expect(await page.locator('html').evaluate((html) => html.scrollWidth)).toBeLessThanOrEqual(width);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  /** The table row of a user (a card below the breakpoint). */
  const rowOf = (page: Page, user: TestUser) => page.locator(`tr[data-user="${user.email}"]`);

  for (const { width, javaScript } of [
    { width: 1280, javaScript: true },
    { width: 375, javaScript: false },
  ]) {
    it(`unlocks and deactivates an officer at ${width} px${javaScript ? '' : ' without JavaScript'}`, async () => {
      const officer = await createUser(t.db, 'municipality_officer', 151, {
        email: `jens-${width}@ballerup.dk`,
      });
      await lock(officer);
      expect((await apiSignIn(officer)).status).toBe(429);
      // An authenticator app and a passkey, as enrolment leaves them, for the MFA reset below.
      await t.db.query(
        `INSERT INTO mfa_totp (user_id, secret_sealed, confirmed_at) VALUES ($1, 'x', now())`,
        [officer.id],
      );
      await t.db.query(
        `INSERT INTO webauthn_credentials (user_id, credential_id, public_key, name) VALUES ($1, $2, '\\x00', 'Nøgle')`,
        [officer.id, `key-${width}`],
      );

      const page = await signIn(browser, base, admin, { javaScript });
      await page.setViewportSize({ width, height: 900 });
      // From the main menu (the drawer below 992 px) to the users.
      if (width < 992) {
        await page.goto(`${base}/administration`);
      } else {
        await page
          .getByRole('navigation', { name: 'Hovedmenu' })
          .getByRole('link', { name: 'Administration' })
          .click();
      }
      await page.waitForURL(`${base}/administration`);
      await shot(page, `index-${width}`);
      await page.locator('#admin-tools').getByRole('link', { name: 'Brugere' }).click();
      await page.waitForURL(`${base}/administration/brugere`);

      // Find the locked officer with the filter.
      await page.getByLabel('Navn eller e-mail').fill('jens');
      await page.getByLabel('Tilstand').selectOption('locked');
      await page.getByRole('button', { name: 'Søg' }).click();
      await page.waitForURL(/tilstand=locked/);
      await expect(rowOf(page, officer).innerText()).resolves.toContain('Låst');
      await noSideways(page, width);
      await shot(page, `users-locked-${width}`);

      await rowOf(page, officer)
        .getByRole('link', { name: /Lås op/ })
        .click();
      await page.waitForURL(`${base}/administration/brugere/${officer.id}/laas-op`);
      expect(await page.locator('h1').innerText()).toBe('Lås Test municipality_officer op?');
      await noSideways(page, width);
      await shot(page, `confirm-unlock-${width}`);
      expect(await submitForm(page, 'Lås brugeren op')).toBe(303);
      expect(await page.locator('.alert-success').innerText()).toContain('Brugeren er låst op');
      expect((await apiSignIn(officer)).status).toBe(200);
      await expect(rowOf(page, officer).innerText()).resolves.toContain('Godkendelsesapp og 1 passkey');

      await rowOf(page, officer)
        .getByRole('link', { name: /Nulstil totrinsbekræftelse/ })
        .click();
      await page.waitForURL(`${base}/administration/brugere/${officer.id}/nulstil-mfa`);
      await noSideways(page, width);
      await shot(page, `confirm-mfa-reset-${width}`);
      expect(await submitForm(page, 'Nulstil totrinsbekræftelse')).toBe(303);
      expect(await page.locator('.alert-success').innerText()).toContain('totrinsbekræftelse er nulstillet');
      await page.goto(`${base}/administration/brugere?q=jens`);
      await expect(rowOf(page, officer).innerText()).resolves.toContain('Ingen');

      await rowOf(page, officer)
        .getByRole('link', { name: /Deaktivér/ })
        .click();
      await page.waitForURL(`${base}/administration/brugere/${officer.id}/deaktiver`);
      await shot(page, `confirm-deactivate-${width}`);
      expect(await submitForm(page, 'Deaktivér brugeren')).toBe(303);
      expect(await page.locator('.alert-success').innerText()).toContain('Brugeren er deaktiveret');
      await expect(rowOf(page, officer).innerText()).resolves.toContain('Deaktiveret');
      await noSideways(page, width);
      await shot(page, `users-after-${width}`);
      expect((await apiSignIn(officer)).status).toBe(401);
    });
  }

  it('shows the audit log and the API keys without sideways scrolling at 375 px', async () => {
    const page = await signIn(browser, base, admin);
    for (const [path, name] of [
      ['/administration/revision', 'audit'],
      ['/administration/api-noegler', 'api-keys'],
      ['/konto', 'account'],
    ]) {
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${base}${path}`);
        await noSideways(page, width);
        await shot(page, `${name}-${width}`);
      }
    }
    await page.goto(`${base}/administration/revision`);
    expect(await submitForm(page, 'Verificér kæden')).toBe(200);
    expect(await page.locator('#verification').innerText()).toContain('Kæden er i orden');
    await shot(page, 'audit-verified-375');
  });
});
