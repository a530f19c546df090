import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { Clock } from '@app/config';
import { IncidentStatisticsJobsService } from '@app/incidents';
import { DemoAdvisoriesSeeder, DemoIncidentsSeeder } from '@app/seed';
import { resetAdvisories } from './support/advisories';
import { launchChromium, signIn } from './support/browser';
import { createUser, TestUser } from './support/factories';
import { resetIncidents } from './support/incidents';
import { createTestApp, listenLocally, resetData, TestApp } from './support/test-app';

/** Full-page screenshots for a person to look at (DASHBOARD_SHOTS_DIR, default /tmp/dash-shots). */
const SHOTS = process.env.DASHBOARD_SHOTS_DIR ?? '/tmp/dash-shots';
const WIDTHS = [375, 1280];

/** How far the page reaches sideways, and the charts' right edges (tests have no DOM types). */
async function measure(page: Page) {
  const scrollWidth = await page.locator('html').evaluate((el) => el.scrollWidth);
  const boxes = await Promise.all(
    (await page.locator('canvas[data-chart]').all()).map((c) => c.boundingBox()),
  );
  return { scrollWidth, charts: boxes.filter((b) => b !== null).map((b) => b.x + b.width) };
}

describe('KommuneCERT dashboard and the officer’s figures in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let cert: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    await resetAdvisories(t);
    cert = await createUser(t.db, 'cert_analyst', null, { email: 'cert@baseline.local' });
    officer = await createUser(t.db, 'municipality_officer', 151);
    await new DemoIncidentsSeeder(t.db, t.app.get(Clock)).seed();
    await new DemoAdvisoriesSeeder(t.db, t.app.get(Clock)).seed();
    await t.app.get(IncidentStatisticsJobsService).run();
    base = await listenLocally(t);
    browser = await launchChromium();
    mkdirSync(SHOTS, { recursive: true });
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  it('draws the charts with JavaScript, beside their tables, within 375 and 1280 px', async () => {
    const page = await signIn(browser, base, cert);
    // The home page leads to it, and so does the main menu.
    await page.getByRole('link', { name: 'Overblik over hændelser' }).click();
    await page.waitForURL(`${base}/overblik`);
    expect(await page.locator('nav[aria-label="Hovedmenu"] [aria-current="page"]').first().innerText()).toBe(
      'Overblik',
    );
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.reload();
      await page.waitForSelector('canvas[data-chart][data-rendered="true"]');
      expect(await page.locator('canvas[data-rendered="true"]').count()).toBe(2);
      for (const id of [
        'open-counts',
        'due-soon',
        'per-month-by-class',
        'regions',
        'advisory-rates',
        'top-municipalities',
      ]) {
        expect({ id, visible: await page.locator(`#${id}`).isVisible() }).toEqual({ id, visible: true });
      }
      // The stacked chart has a series per class with incidents, as the table has a column each.
      const series = await page
        .locator('canvas[data-rendered="true"]')
        .first()
        .evaluate(
          (c) => (c as unknown as { chart: { data: { datasets: unknown[] } } }).chart.data.datasets.length,
        );
      const columns = await page.locator('#per-month-by-class thead th').count();
      expect(series).toBe(columns - 2);
      const m = await measure(page);
      expect({ width, scrollWidth: m.scrollWidth }).toEqual({ width, scrollWidth: expect.any(Number) });
      expect(m.scrollWidth).toBeLessThanOrEqual(width);
      for (const right of m.charts) expect(right).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/overblik-js-${width}.png`, fullPage: true });
    }
  }, 120_000);

  it('shows the tables without JavaScript, and no empty chart box', async () => {
    const page = await signIn(browser, base, cert, { javaScript: false });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${base}/overblik`);
      expect(await page.locator('.chart-box').first().isVisible()).toBe(false);
      expect(await page.locator('#per-month-by-class').isVisible()).toBe(true);
      expect(await page.locator('#advisory-rates').isVisible()).toBe(true);
      expect(await page.locator('#regions tbody tr').count()).toBe(5);
      // The year menu works as a plain form.
      await page.selectOption('#aar', String(new Date().getFullYear() - 1));
      await page.getByRole('button', { name: 'Vis året' }).click();
      expect(new URL(page.url()).searchParams.get('aar')).toBe(String(new Date().getFullYear() - 1));
      expect(await page.locator('h2#pr-maaned').innerText()).toContain(String(new Date().getFullYear() - 1));
      expect((await measure(page)).scrollWidth).toBeLessThanOrEqual(width);
      await page.goto(`${base}/overblik`);
      await page.screenshot({ path: `${SHOTS}/overblik-nojs-${width}.png`, fullPage: true });
    }
  }, 120_000);

  it('shows the officer its municipality against the region and the country, with and without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const page = await signIn(browser, base, officer, { javaScript });
      await page.goto(`${base}/haendelser`);
      await page.getByRole('link', { name: 'Kommunens hændelser i tal' }).click();
      await page.waitForURL(`${base}/haendelsestal`);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.reload();
        if (javaScript) await page.waitForSelector('canvas[data-rendered="true"]');
        expect(await page.locator('#rates tbody tr').allInnerTexts()).toEqual([
          expect.stringContaining('Ballerup Kommune'),
          expect.stringContaining('Region Hovedstaden'),
          expect.stringContaining('Hele landet'),
        ]);
        expect(await page.locator('.chart-box').isVisible()).toBe(javaScript);
        expect((await measure(page)).scrollWidth).toBeLessThanOrEqual(width);
        await page.screenshot({
          path: `${SHOTS}/haendelsestal-${javaScript ? 'js' : 'nojs'}-${width}.png`,
          fullPage: true,
        });
      }
      await page.context().close();
    }
  }, 120_000);
});
