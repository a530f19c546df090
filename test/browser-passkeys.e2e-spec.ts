import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, submitForm } from './support/browser';
import { createTestApp, listenLocally, resetData, TestApp, TestAppOptions } from './support/test-app';
import { createUser, TEST_PASSWORD } from './support/factories';

/** Chromium's virtual authenticator (CDP): a platform passkey that approves without a person. */
async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}

describe('Passkeys in a real browser with a virtual authenticator (e2e)', () => {
  const options: TestAppOptions = {};
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp(options);
    // WebAuthn needs a domain as relying party, not an IP address: the browser uses localhost.
    base = (await listenLocally(t)).replace('127.0.0.1', 'localhost');
    options.publicUrl = base;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(() => resetData(t.db));

  it('adds a passkey on /konto/mfa and signs in with it after the password', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 151);
    const page = await signIn(browser, base, officer);
    await addVirtualAuthenticator(page);
    await page.goto(`${base}/konto/mfa`);
    await page.getByLabel('Navn på nøglen').fill('Testnøgle');
    await page.getByRole('button', { name: 'Tilføj adgangsnøgle' }).click();
    await page.locator('#passkey-result.alert-success').waitFor();
    expect(await page.locator('#passkey-result').innerText()).toContain('Gem dine gendannelseskoder');
    await page.reload();
    expect(await page.locator('main').innerText()).toContain('Testnøgle');

    await page.getByRole('button', { name: 'Log af' }).first().click();
    await page.waitForURL(`${base}/login`);
    await page.getByLabel('E-mailadresse').fill(officer.email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await submitForm(page, 'Log ind');
    expect(new URL(page.url()).pathname).toBe('/login/mfa');
    await page.getByRole('button', { name: 'Brug adgangsnøgle' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('h1').innerText()).toContain('Velkommen');
    const [entry] = await t.db.query(
      `SELECT details FROM audit_log WHERE actor_id = $1 AND action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1`,
      [officer.id],
    );
    expect(entry.details).toMatchObject({ channel: 'web', mfa: 'webauthn' });
    await page.context().close();
  });
});
