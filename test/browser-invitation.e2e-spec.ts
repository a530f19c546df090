import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signIn, submitForm } from './support/browser';
import { createUser } from './support/factories';
import { SmtpInbox, startSmtpInbox } from './support/smtp-inbox';
import { totpCode } from './support/mfa';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';

const CHOSEN = 'lilla-slæbebåd-stiger-op-7';

/**
 * Signs in through the login form with e-mail and password, and with a code from the authenticator
 * app holding `totpSecret` when the account has one.
 */
async function signInWithPassword(
  page: Page,
  base: string,
  email: string,
  password: string,
  totpSecret?: string,
): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadresse').fill(email);
  await page.getByLabel('Adgangskode', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  if (totpSecret) {
    await page.waitForURL(`${base}/login/mfa`);
    // The next step's code: the enrolment used this step's.
    await page.getByRole('textbox', { name: 'Kode', exact: true }).fill(await totpCode(totpSecret, 1));
    await page.getByRole('button', { name: 'Log ind' }).click();
  }
  await page.waitForURL(`${base}/`);
}

describe('An invitation in a real browser: invite, open the e-mailed link, set the password, sign in (e2e)', () => {
  let t: TestApp;
  let smtp: SmtpInbox;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    process.env.SMTP_URL = smtp.url;
    t = await createTestApp();
    base = await listenLocally(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    // The next spec file shares the database: Ballerup's officers need no second factor there.
    await resetData(t.db);
    delete process.env.SMTP_URL;
    await browser?.close();
    await t.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.mails.length = 0;
    await resetData(t.db);
  });

  it('takes KL’s invitation of an officer to the officer’s first sign-in with a second factor, at 1280 and 375 px', async () => {
    // Ballerup requires its officers to use MFA (issue 13: each municipality can).
    await t.db.query('UPDATE municipalities SET officers_must_use_mfa = true WHERE code = 151');
    const kl = await createUser(t.db, 'kl_analyst');
    const klPage = await signIn(browser, base, kl);
    await klPage.getByRole('link', { name: 'Administration' }).first().click();
    await klPage.getByRole('link', { name: 'Invitationer' }).first().click();
    expect(new URL(klPage.url()).pathname).toBe('/administration/invitationer');
    // KL invites officers only: the form offers no other role.
    expect(await klPage.locator('#role option').allInnerTexts()).toEqual([
      'Informationssikkerhedskoordinator',
    ]);

    // A bad address is explained in Danish at the field, and nothing is sent.
    await klPage.getByLabel('E-mailadresse').fill('anne.hansen@');
    expect(await submitForm(klPage, 'Inviter')).toBe(422);
    expect(await klPage.locator('#email-error').innerText()).toContain('Skriv en gyldig e-mailadresse');
    expect(smtp.mails).toHaveLength(0);

    await klPage.getByLabel('E-mailadresse').fill('anne.hansen@ballerup.dk');
    await klPage.getByLabel('Navn (valgfrit)').fill('Anne Hansen');
    await klPage.getByLabel('Kommune', { exact: true }).selectOption('151');
    expect(await submitForm(klPage, 'Inviter')).toBe(201);
    expect(await klPage.locator('.alert-success').innerText()).toContain(
      'anne.hansen@ballerup.dk er inviteret',
    );
    expect(await klPage.locator('#invitations').innerText()).toContain('Afventer');
    await klPage.screenshot({ path: join(tmpdir(), 'baseline-invitations-1280.png'), fullPage: true });

    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toBe('anne.hansen@ballerup.dk');
    const path = /http:\/\/localhost:3000(\/adgangskode\/ny\?token=[A-Za-z0-9_-]+)/.exec(
      smtp.mails[0].text,
    )![1];

    // The invitee, on a phone.
    const phone = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const page = await phone.newPage();
    await page.goto(`${base}${path}`);
    expect(await page.locator('h1').innerText()).toBe('Vælg din adgangskode');
    expect(await page.locator('#username').inputValue()).toBe('anne.hansen@ballerup.dk');
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(tmpdir(), 'baseline-set-password-375.png'), fullPage: true });

    await page.getByLabel('Ny adgangskode').fill('password2024!');
    await page.getByLabel('Gentag adgangskoden').fill('password2024!');
    expect(await submitForm(page, 'Gem adgangskode')).toBe(422);
    expect(await page.locator('#password-error').innerText()).toContain('for almindelig');

    await page.getByLabel('Ny adgangskode').fill(CHOSEN);
    await page.getByLabel('Gentag adgangskoden').fill(CHOSEN);
    expect(await submitForm(page, 'Gem adgangskode')).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Adgangskoden er gemt');

    await page.getByRole('link', { name: 'Gå til log ind' }).click();
    // The first sign-in: the password, then setting up the authenticator app before any page opens.
    await page.getByLabel('E-mailadresse').fill('anne.hansen@ballerup.dk');
    await page.getByLabel('Adgangskode', { exact: true }).fill(CHOSEN);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.waitForURL(`${base}/login/mfa/tilmeld`);
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(375);
    const secret = (await page.locator('.mfa-secret').innerText()).replace(/\s/g, '');
    await page.getByLabel('Kode fra appen').fill(await totpCode(secret));
    expect(await submitForm(page, 'Bekræft og log ind')).toBe(200);
    expect(await page.locator('.mfa-recovery-codes code').count()).toBe(10);
    await page.getByRole('link', { name: 'Jeg har gemt koderne – fortsæt' }).click();
    await page.waitForURL(`${base}/`);
    expect(await page.locator('.font-lead').first().innerText()).toContain('Ballerup Kommune');
    // On a phone "Log af" sits in the menu drawer.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog', { name: 'Menu' }).getByRole('button', { name: 'Log af' }).click();
    await page.waitForURL(`${base}/login`);

    // From now on the password alone does not get in; the code from the app does.
    await signInWithPassword(page, base, 'anne.hansen@ballerup.dk', CHOSEN, secret);
    expect(await page.locator('.font-lead').first().innerText()).toContain('Ballerup Kommune');
    await page.goto(`${base}/undersoegelser`);
    expect(new URL(page.url()).pathname).toBe('/undersoegelser');

    // The link worked once.
    await page.goto(`${base}${path}`);
    expect(await page.locator('.alert-error').innerText()).toContain('Linket er allerede brugt');
    await phone.close();
  });

  it('resets a forgotten password from the sign-in page, with the same notice for an unknown address', async () => {
    const officer = await createUser(t.db, 'municipality_officer', 147);
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}/login`);
    await page.getByRole('link', { name: 'Glemt adgangskode?' }).click();
    await page.getByLabel('E-mailadresse').fill('ingen@frederiksberg.dk');
    await submitForm(page, 'Send link');
    const unknownNotice = (await page.locator('.alert-success').innerText()).replace(
      'ingen@frederiksberg.dk',
      'X',
    );
    await page.getByLabel('E-mailadresse').fill(officer.email);
    await submitForm(page, 'Send link');
    expect((await page.locator('.alert-success').innerText()).replace(officer.email, 'X')).toBe(
      unknownNotice,
    );

    for (let i = 0; i < 100 && smtp.mails.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(smtp.mails.map((m) => m.to)).toEqual([officer.email]);
    const path = /http:\/\/localhost:3000(\/adgangskode\/ny\?token=[A-Za-z0-9_-]+)/.exec(
      smtp.mails[0].text,
    )![1];
    await page.goto(`${base}${path}`);
    expect(await page.locator('h1').innerText()).toBe('Vælg en ny adgangskode');
    await page.getByLabel('Ny adgangskode').fill(CHOSEN);
    await page.getByLabel('Gentag adgangskoden').fill(`${CHOSEN}x`);
    expect(await submitForm(page, 'Gem adgangskode')).toBe(422);
    expect(await page.locator('#passwordRepeat-error').innerText()).toContain('ikke ens');
    await page.getByLabel('Ny adgangskode').fill(CHOSEN);
    await page.getByLabel('Gentag adgangskoden').fill(CHOSEN);
    expect(await submitForm(page, 'Gem adgangskode')).toBe(200);
    await page.getByRole('link', { name: 'Gå til log ind' }).click();
    await signInWithPassword(page, base, officer.email, CHOSEN);
    await context.close();
  });

  it('changes the password on /konto/adgangskode and ends the other browser’s session', async () => {
    const kl = await createUser(t.db, 'kl_analyst');
    const other = await signIn(browser, base, kl);
    const page = await signIn(browser, base, kl);
    await page.goto(`${base}/konto/adgangskode`);
    await page.getByLabel('Nuværende adgangskode').fill('forkert-adgangskode');
    await page.getByLabel('Ny adgangskode').fill(CHOSEN);
    await page.getByLabel('Gentag den nye adgangskode').fill(CHOSEN);
    expect(await submitForm(page, 'Skift adgangskode')).toBe(400);
    expect(await page.locator('#currentPassword-error').innerText()).toContain('forkert');

    await page.getByLabel('Nuværende adgangskode').fill('correct-horse-battery-staple');
    await page.getByLabel('Ny adgangskode').fill(CHOSEN);
    await page.getByLabel('Gentag den nye adgangskode').fill(CHOSEN);
    await submitForm(page, 'Skift adgangskode');
    expect(await page.locator('.alert-success').innerText()).toContain('Din adgangskode er skiftet');
    // This browser stays signed in; the other one is sent to the sign-in page.
    await page.goto(`${base}/`);
    expect(new URL(page.url()).pathname).toBe('/');
    await other.goto(`${base}/`);
    expect(new URL(other.url()).pathname).toBe('/login');
  });
});
