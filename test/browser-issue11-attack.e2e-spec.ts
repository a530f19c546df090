import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, signIn } from './support/browser';
import { seedDemoStatistics } from './support/demo-statistics';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createTestApp, TestApp, listenLocally } from './support/test-app';

/** Attacks on issue 11's web pages that need a real browser. */
describe('Issue 11 attacks in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ids: Record<number, string>;

  beforeAll(async () => {
    t = await createTestApp();
    ids = await seedDemoStatistics(t);
    base = await listenLocally(t);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  async function fillSignIn(page: Page, user: TestUser) {
    await page.getByLabel('E-mailadresse').fill(user.email);
    await page.getByLabel('Adgangskode').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Log ind' }).click();
  }

  it("puts a kept answer back on the version it was typed on: a colleague's change meanwhile is a conflict, not overwritten", async () => {
    const first = await createUser(t.db, 'municipality_officer', 151);
    const colleague = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 151));
    const page = await signIn(browser, base, first);
    const survey = `${base}/undersoegelser/${ids[2025]}?omraade=risk-policy`;
    await page.goto(survey);
    // The session ends, and the officer goes on typing: the answer is kept in the tab.
    await page.context().clearCookies({ name: 'baseline_session' });
    const policy = page.locator('#q-governance-security-policy');
    await policy.getByLabel('Niveau 2: Gentageligt').check();
    await page.locator('.keep-unsaved-notice').waitFor();

    // Meanwhile a colleague answers the same question.
    const { body: mine } = await request(t.http)
      .get(`/api/v1/editions/${ids[2025]}/my-response`)
      .auth(colleague, { type: 'bearer' })
      .expect(200);
    await request(t.http)
      .patch(`/api/v1/editions/${ids[2025]}/my-response`)
      .auth(colleague, { type: 'bearer' })
      .send({ version: mine.version, answers: [{ questionKey: 'governance.security-policy', value: 5 }] })
      .expect(200);

    await page.locator('.keep-unsaved-notice').getByRole('link', { name: 'Log ind igen' }).click();
    await page.waitForURL(/\/login\?next=/);
    await fillSignIn(page, first);
    await page.waitForURL(survey);
    // The kept answer is put back and sent on the version it was typed on.
    await page.locator('.keep-unsaved-notice.alert-success, [data-answer-conflict]').first().waitFor();
    const after = await request(t.http)
      .get(`/api/v1/editions/${ids[2025]}/my-response`)
      .auth(colleague, { type: 'bearer' })
      .expect(200);
    expect(
      after.body.answers.find((a: { questionKey: string }) => a.questionKey === 'governance.security-policy'),
    ).toMatchObject({ value: 5 });
    // The colleague's change is shown beside the question, with the choice, as any other conflict.
    expect(await policy.locator('[data-answer-conflict]').count()).toBe(1);
    expect(await policy.getByLabel('Niveau 2: Gentageligt').isChecked()).toBe(true);
  });

  it("puts no kept answer into another municipality's response when the officer was moved meanwhile", async () => {
    const moved = await createUser(t.db, 'municipality_officer', 151);
    const page = await signIn(browser, base, moved);
    const survey = `${base}/undersoegelser/${ids[2025]}?omraade=risk-policy`;
    await page.goto(survey);
    await page.context().clearCookies({ name: 'baseline_session' });
    const policy = page.locator('#q-governance-security-policy');
    await policy.getByLabel('Niveau 3: Defineret').check();
    await policy.getByLabel(/^Kommentar/).fill('Ballerups interne note');
    await policy.getByLabel(/^Kommentar/).blur();
    await page.locator('.keep-unsaved-notice').waitFor();

    // The administrator moves the account to Copenhagen while the tab waits.
    await t.db.query('UPDATE users SET municipality_code = 101 WHERE id = $1', [moved.id]);
    await page.locator('.keep-unsaved-notice').getByRole('link', { name: 'Log ind igen' }).click();
    await page.waitForURL(/\/login\?next=/);
    await fillSignIn(page, moved);
    await page.waitForURL(survey);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.keep-unsaved-notice').count()).toBe(0);
    expect(await policy.getByLabel(/^Kommentar/).inputValue()).toBe('');
    const copenhagen = await request(t.http)
      .get(`/api/v1/editions/${ids[2025]}/my-response`)
      .auth(await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101)), { type: 'bearer' })
      .expect(200);
    expect(JSON.stringify(copenhagen.body)).not.toContain('Ballerups interne note');
  });
});
