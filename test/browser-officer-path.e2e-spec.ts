import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, signIn, submitForm as post } from './support/browser';
import { QuestionnaireQuestion, questionsOf, validAnswer } from './support/editions';
import { seedDemoStatistics } from './support/demo-statistics';
import { createUser, TestUser, tokenFor } from './support/factories';
import { createTestApp, TestApp, listenLocally } from './support/test-app';

/** The id the pages give a question's block (its key with dots as dashes). */
const q = (key: string) => `#q-${key.replace(/\./g, '-')}`;

const PHONE = { width: 375, height: 812 };
const DESKTOP = { width: 1280, height: 1000 };
const SHOTS = process.env.SCREENSHOT_DIR ?? '/tmp';

/** Layout facts a phone user notices: sideways scrolling, and where things are on the page. */
const scrollWidth = (page: Page) => page.locator('html').evaluate((el) => el.scrollWidth);
const box = async (page: Page, selector: string) => {
  const b = await page.locator(selector).first().boundingBox();
  if (!b) throw new Error(`${selector} is not visible`);
  return b;
};

/**
 * An officer's whole path on a phone and on a desktop: survey list, answering (with and without
 * JavaScript), submission, receipt, report list and report. The demo editions give a realistic
 * history: 2023 and 2024 published, 2025 open.
 */
describe('The officer’s path at 375 px and 1280 px (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ids: Record<number, string>;
  let questions: QuestionnaireQuestion[];
  /** Municipalities that submitted 2023 but not 2024: one per viewport, as each submits 2025. */
  let absentIn2024: number[];

  beforeAll(async () => {
    t = await createTestApp();
    ids = await seedDemoStatistics(t);
    absentIn2024 = (
      await t.db.query(
        `SELECT m.code FROM municipalities m
          WHERE EXISTS (SELECT 1 FROM responses r WHERE r.municipality_code = m.code
                          AND r.edition_id = $1 AND r.status = 'submitted')
            AND NOT EXISTS (SELECT 1 FROM responses r WHERE r.municipality_code = m.code
                              AND r.edition_id = $2 AND r.status = 'submitted')
          ORDER BY m.code LIMIT 2`,
        [ids[2023], ids[2024]],
      )
    ).map((r: { code: number }) => r.code);
    expect(absentIn2024).toHaveLength(2);
    base = await listenLocally(t);
    browser = await launchChromium();
    const kl = await createUser(t.db, 'kl_analyst');
    questions = await questionsOf(t.http, await tokenFor(t.http, kl), ids[2025]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const areaUrl = (area?: string) => `${base}/undersoegelser/${ids[2025]}${area ? `?omraade=${area}` : ''}`;
  const ownResponse = async (token: string) =>
    (
      await request(t.http)
        .get(`/api/v1/editions/${ids[2025]}/my-response`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as {
      version: number;
      status: string;
      answers: Array<{ questionKey: string; value: unknown; notApplicable: boolean }>;
    };
  const openPage = async (officer: TestUser, viewport: typeof PHONE, javaScript = true) => {
    const page = await signIn(browser, base, officer, { javaScript });
    await page.setViewportSize(viewport);
    return page;
  };

  for (const [name, viewport, index] of [
    ['phone', PHONE, 0],
    ['desktop', DESKTOP, 1],
  ] as const) {
    it(`takes an officer from the survey list to the report on a ${name} (${viewport.width} px)`, async () => {
      const phone = viewport === PHONE;
      const code = absentIn2024[index];
      const officer = await createUser(t.db, 'municipality_officer', code);
      const token = await tokenFor(t.http, officer);
      const page = await openPage(officer, viewport);

      // The survey list: each edition's status in words with its date, and the municipality's own.
      await page.goto(`${base}/undersoegelser`);
      const open = page.locator('tr[data-edition="2025"]');
      expect(await open.innerText()).toMatch(/Åben til \d{1,2}\. \p{L}+ \d{4}/u);
      expect(await open.innerText()).toContain('Ikke påbegyndt');
      const published = await page.locator('tr[data-edition="2024"]').innerText();
      expect(published).toMatch(/Offentliggjort \d{1,2}\. \p{L}+ \d{4}/u);
      expect(await page.locator('tr[data-edition="2023"]').innerText()).toContain('Indsendt');
      const answer = open.getByRole('link', { name: 'Besvar Baseline 2025' });
      const link = await answer.boundingBox();
      expect(link!.x + link!.width).toBeLessThanOrEqual(viewport.width);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-survey-list.png`, fullPage: true });
      await answer.click();
      await page.waitForURL(areaUrl());

      // The answer page: on a phone the areas fold behind "Områder", so the first question is near.
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-answer.png` });
      const firstQuestion = await box(page, '.question');
      const saveBar = await box(page, '.answer-actions');
      if (phone) {
        expect(firstQuestion.y).toBeLessThan(600);
        expect(saveBar.height).toBeLessThan(80);
        expect(saveBar.y + saveBar.height).toBeLessThanOrEqual(viewport.height);
        expect(await page.getByRole('navigation', { name: 'Områder' }).isVisible()).toBe(false);
        await page.locator('summary', { hasText: 'Områder' }).click();
      }
      const nav = page.getByRole('navigation', { name: 'Områder' });
      expect(await nav.isVisible()).toBe(true);
      expect(await nav.locator('[aria-current="page"]').innerText()).toContain('0 af 10 besvaret');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-areas.png` });

      // Answer a level: autosave stores it and the progress moves.
      await page.locator(q('governance.security-policy')).getByLabel('Niveau 4: Styret og målt').check();
      await page
        .locator('#autosave-status')
        .filter({ hasText: /^Gemt kl\./ })
        .waitFor();
      expect(await page.locator('[data-progress-text]').innerText()).toBe(
        `1 af ${questions.length} spørgsmål besvaret`,
      );

      // An answer refused by autosave is tied to its field for screen readers, and untied when fixed.
      await page.goto(areaUrl('incidents'));
      const attacks = page.locator(`${q('incidents.attacks-per-day')}-input`);
      await attacks.fill('mange');
      await attacks.press('Tab');
      const error = page.locator(`${q('incidents.attacks-per-day')} .form-error-message`);
      await error.waitFor();
      const errorId = await error.getAttribute('id');
      expect(errorId).toBeTruthy();
      expect(await attacks.getAttribute('aria-invalid')).toBe('true');
      expect((await attacks.getAttribute('aria-describedby'))?.split(' ')).toContain(errorId);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-inline-error.png` });
      await attacks.fill('12');
      await attacks.press('Tab');
      await page
        .locator('#autosave-status')
        .filter({ hasText: /^Gemt kl\./ })
        .waitFor();
      expect(await error.count()).toBe(0);
      expect(await attacks.getAttribute('aria-invalid')).toBeNull();
      expect((await attacks.getAttribute('aria-describedby')) ?? '').not.toContain(errorId);

      // Without JavaScript a chosen level cannot be unticked: "Ikke relevant" replaces it.
      const noScript = await openPage(officer, viewport, false);
      await noScript.goto(areaUrl('acquisition-development'));
      const secure = noScript.locator(q('development.secure-development'));
      await secure.getByLabel('Niveau 2: Gentageligt').check();
      expect(await post(noScript, 'Gem')).toBe(303);
      expect(await secure.getByLabel('Niveau 2: Gentageligt').isChecked()).toBe(true);
      await secure.getByLabel('Ikke relevant').check();
      expect(await post(noScript, 'Gem')).toBe(303);
      expect(await noScript.locator('.alert-success').innerText()).toContain('Gemt');
      expect(await secure.getByLabel('Ikke relevant').isChecked()).toBe(true);
      expect(await secure.locator('input[type="radio"]:checked').count()).toBe(0);
      expect((await ownResponse(token)).answers).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            questionKey: 'development.secure-development',
            notApplicable: true,
            value: null,
          }),
        ]),
      );
      // And unticking it with a level chosen gives the level back.
      await secure.getByLabel('Ikke relevant').uncheck();
      await secure.getByLabel('Niveau 3: Defineret').check();
      expect(await post(noScript, 'Gem')).toBe(303);
      expect(await secure.getByLabel('Niveau 3: Defineret').isChecked()).toBe(true);
      expect(await scrollWidth(noScript)).toBeLessThanOrEqual(viewport.width);
      await noScript.screenshot({ path: `${SHOTS}/officer-${viewport.width}-no-js.png` });
      await noScript.context().close();

      // The rest of the required answers through the API, to keep the test short; then the progress.
      const { version, answers } = await ownResponse(token);
      const done = new Set(answers.map((a) => a.questionKey));
      await request(t.http)
        .patch(`/api/v1/editions/${ids[2025]}/my-response`)
        .auth(token, { type: 'bearer' })
        .send({
          version,
          answers: questions.filter((x) => x.required && !done.has(x.key)).map((x) => validAnswer(x)),
        })
        .expect(200);
      await page.goto(areaUrl());
      const required = questions.filter((x) => x.required).length;
      expect(await page.locator('[data-progress-text]').innerText()).toBe(
        `${required} af ${questions.length} spørgsmål besvaret`,
      );

      // Submit, and the receipt.
      await page.getByRole('link', { name: 'Gå til indsendelse' }).click();
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-submit.png`, fullPage: true });
      await page.getByLabel('Jeg bekræfter at besvarelsen er godkendt').check();
      expect(await post(page, 'Indsend besvarelse')).toBe(303);
      expect(page.url()).toBe(`${base}/undersoegelser/${ids[2025]}/kvittering`);
      expect(await page.locator('td[data-field="Kvitteringskode"]').innerText()).toMatch(/^[0-9A-F]{12}$/);
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-receipt.png`, fullPage: true });
      await page.goto(`${base}/undersoegelser`);
      expect(await page.locator('tr[data-edition="2025"]').innerText()).toContain('Indsendt');

      // The report list: only the editions the municipality took part in, and why another is missing.
      await page.goto(`${base}/rapporter`);
      const list = page.locator('main');
      expect(await list.getByRole('link', { name: 'Baseline 2023' }).count()).toBe(1);
      expect(await list.getByRole('link', { name: 'Baseline 2024' }).count()).toBe(0);
      expect(await page.locator('[data-edition="2024"]').innerText()).toContain(
        'Jeres kommune indsendte ikke besvarelse i Baseline 2024',
      );
      expect(await list.getByRole('link', { name: 'Baseline 2025' }).count()).toBe(0);
      expect(await page.locator('[data-edition="2025"]').innerText()).toContain('ikke offentliggjort endnu');
      expect(await scrollWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-reports.png`, fullPage: true });

      // The report page of the edition it took part in.
      await list.getByRole('link', { name: 'Baseline 2023' }).click();
      await page.waitForURL(`${base}/rapporter/${ids[2023]}`);
      await page.waitForSelector('canvas[data-chart][data-rendered="true"]');
      expect(await page.locator('h1').first().innerText()).toContain('2023');
      await page.screenshot({ path: `${SHOTS}/officer-${viewport.width}-report.png` });
    });
  }
});
