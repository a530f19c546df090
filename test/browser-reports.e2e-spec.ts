import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { Clock } from '@app/config';
import { DemoEditionsSeeder } from '@app/seed';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { launchChromium, signIn } from './support/browser';
import { createUser } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';

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
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
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
    const mine = await page.goto(`${base}/rapporter/${edition2024}`);
    expect(mine?.status()).toBe(403);
    await page.context().close();
  });
});
