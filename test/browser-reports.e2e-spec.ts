import type { Browser } from 'playwright-core';
import { Clock } from '@app/config';
import { DemoEditionsSeeder } from '@app/seed';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { launchChromium, signIn } from './support/browser';
import { createUser } from './support/factories';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';

describe('Report pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let edition2024: string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await new DemoEditionsSeeder(t.app.get(EditionsService), t.db, t.app.get(Clock)).seed();
    const ids = Object.fromEntries(
      (await t.db.query('SELECT id, year FROM editions')).map((r: { id: string; year: number }) => [
        r.year,
        r.id,
      ]),
    );
    edition2024 = ids[2024];
    await t.app.get(StatisticsRecomputeService).run(ids[2023]);
    await t.app.get(StatisticsRecomputeService).run(ids[2024]);
    base = await listenLocally(t);
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it("shows Ballerup's officer the report with rendered charts, and counts the view", async () => {
    const page = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 151));
    await page.getByRole('link', { name: 'Mine rapporter' }).click();
    await page.getByRole('link', { name: 'Baseline 2024' }).click();
    await page.waitForSelector('canvas[data-chart][data-rendered="true"]');
    const charts = await page.locator('canvas[data-rendered="true"]').count();
    expect(charts).toBeGreaterThan(0);
    expect(await page.locator('main').innerText()).toContain('Ballerup');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'PDF' }).click();
    expect((await download).suggestedFilename()).toBe('baseline-2024-kommune-151.pdf');
    const [{ count }] = await t.db.query(
      `SELECT count(*)::int AS count FROM report_downloads WHERE municipality_code = 151 AND edition_id = $1`,
      [edition2024],
    );
    expect(count).toBe(2);
    await page.context().close();
  });

  it('puts the H1 first and the downloads after it, and offers the spreadsheets', async () => {
    const page = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 151));
    await page.goto(`${base}/rapporter/${edition2024}`, { timeout: 150_000 });
    const headings = await page.locator('main h1, main h2').allInnerTexts();
    expect(headings[0]).toBe('Baseline 2024');
    expect(headings[1]).toBe('Hent rapporten');
    for (const [name, file] of [
      ['CSV til Excel', 'baseline-2024-kommune-151.csv'],
      ['Excel-projektmappe (XLSX)', 'baseline-2024-kommune-151.xlsx'],
      ['CSV til programmer', 'baseline-2024-kommune-151.machine.csv'],
    ]) {
      const download = page.waitForEvent('download');
      await page.getByRole('link', { name }).click();
      expect((await download).suggestedFilename()).toBe(file);
    }
    const unknown = await page.goto(`${base}/rapporter/${edition2024}/kommune.exe`);
    expect(unknown?.status()).toBe(404);
    expect(await page.locator('main').innerText()).toContain('Rapporten findes ikke i formatet »exe«');
    await page.context().close();
  }, 240_000);

  it('fits the radar chart and all its labels on a 375 px phone', async () => {
    const user = await createUser(t.db, 'municipality_officer', 151);
    const page = await signIn(browser, base, user);
    await page.setViewportSize({ width: 375, height: 812 });
    // The first view renders the report in every format, which takes a while on a busy machine.
    await page.goto(`${base}/rapporter/${edition2024}`, { timeout: 150_000 });
    const radar = page.locator('canvas[data-rendered="true"]').first();
    await radar.scrollIntoViewIfNeeded();
    // SCREENSHOT_DIR=… keeps a picture of the chart for a person to look at.
    if (process.env.SCREENSHOT_DIR)
      await radar.screenshot({ path: `${process.env.SCREENSHOT_DIR}/radar-375.png` });
    // The chart instance report-charts.js keeps on the canvas; chart.js's radar scale keeps each
    // area label's box in _pointLabelItems.
    type Box = Record<'left' | 'right' | 'top' | 'bottom', number>;
    type RadarChart = {
      config: { type: string };
      width: number;
      height: number;
      scales: { r: { drawingArea: number; _pointLabelItems: Box[] } };
    };
    const fit = await radar.evaluate((canvas) => {
      const chart = (canvas as unknown as { chart: RadarChart }).chart;
      const box = canvas.getBoundingClientRect();
      const labels = chart.scales.r._pointLabelItems;
      return {
        type: chart.config.type,
        left: box.left,
        right: box.right,
        width: chart.width,
        height: chart.height,
        radius: chart.scales.r.drawingArea,
        labels: labels.map((l) => [l.left, l.right, l.top, l.bottom]),
      };
    });
    expect(fit.type).toBe('radar');
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(375);
    // Every area label lies inside the canvas, and the plot keeps a readable size.
    expect(fit.labels.length).toBeGreaterThanOrEqual(10);
    // (Half a pixel for chart.js's floating point.)
    for (const [left, right, top, bottom] of fit.labels) {
      expect(left).toBeGreaterThanOrEqual(-0.5);
      expect(right).toBeLessThanOrEqual(fit.width + 0.5);
      expect(top).toBeGreaterThanOrEqual(-0.5);
      expect(bottom).toBeLessThanOrEqual(fit.height + 0.5);
    }
    expect(fit.radius).toBeGreaterThanOrEqual(100);
    // The points are numbered; the names follow in full, in the same order.
    const key = await page.locator('ol.radar-key li').allInnerTexts();
    expect(key).toHaveLength(fit.labels.length);
    expect(key[0]).toBe('Risikoanalyse og politikker for informationssikkerhed');
    await page.context().close();
  }, 240_000);

  it('shows KL the national results and the usage chart, but no municipal report', async () => {
    const page = await signIn(browser, base, await createUser(t.db, 'kl_analyst'));
    await page.goto(`${base}/landsresultater/${edition2024}`);
    await page.waitForSelector('canvas[data-rendered="true"]');
    expect(await page.locator('main').innerText()).toContain('84');
    await page.goto(`${base}/administration/brug`);
    await page.waitForSelector('canvas[data-rendered="true"]');
    expect(await page.locator('#downloads-per-edition').innerText()).toContain('Baseline 2024');
    expect(await page.locator('#active-per-month caption').innerText()).toContain(
      'Aktive kommuner pr. måned',
    );
    // On a phone the wide tables scroll within themselves; the page itself never scrolls sideways.
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.locator('html').evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(375);
    const mine = await page.goto(`${base}/rapporter/${edition2024}`);
    expect(mine?.status()).toBe(403);
    await page.context().close();
  });
});
