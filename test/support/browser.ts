import { Browser, chromium, Page } from 'playwright-core';
import { TEST_PASSWORD, TestUser } from './factories';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's chromium, headless, with nothing running in the background. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
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
}

/**
 * Signs a user in through the web form in a fresh browser context (its own cookies, so two
 * contexts are two people), optionally with JavaScript off to prove a page works without it.
 */
export async function signIn(
  browser: Browser,
  base: string,
  user: TestUser,
  options: { javaScript?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    javaScriptEnabled: options.javaScript ?? true,
    viewport: { width: 1280, height: 1000 },
  });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mailadresse').fill(user.email);
  await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await page.waitForURL(`${base}/`);
  return page;
}

/** Clicks a button that posts the page's form and returns the status of that POST (not a script's). */
export async function submitForm(page: Page, button: string): Promise<number> {
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && r.request().resourceType() === 'document'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ]);
  await page.waitForLoadState();
  return res.status();
}
