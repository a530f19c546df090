import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchChromium, signIn } from './support/browser';
import { createUser } from './support/factories';
import { resetIncidents } from './support/incidents';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

/** Set INCIDENT_SHOTS_DIR to keep screenshots of the work queue with the links at 375 and 1280 px. */
const SHOTS = process.env.INCIDENT_SHOTS_DIR;

/** KommuneCERT downloads the yearly mapping PDF from its work queue, on a phone and a desktop. */
describe('The incident mapping link in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    base = await listenLocally(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  for (const width of [375, 1280]) {
    it(`links this year's PDF at ${width} px, within the page, and the click downloads it`, async () => {
      const page = await signIn(browser, base, await createUser(t.db, 'cert_analyst'));
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/haendelser`);
      const year = Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Europe/Copenhagen', year: 'numeric' }).format(new Date()),
      );
      const link = page.getByRole('link', {
        name: `Kortlægning af cyberhændelser ${year} (PDF)`,
        exact: true,
      });
      await link.scrollIntoViewIfNeeded();
      expect(await link.isVisible()).toBe(true);
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/kortlaegning-link-${width}.png`, fullPage: true });
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      expect(download.suggestedFilename()).toBe(`kortlaegning-af-cyberhaendelser-${year}.pdf`);
      const text = (await pdfParse(readFileSync((await download.path())!))).text;
      expect(text).toContain(`Kortlægning af cyberhændelser`);
      await page.context().close();
    }, 60_000);
  }
});
