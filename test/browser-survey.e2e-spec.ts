import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { launchChromium, signIn } from './support/browser';
import {
  createEdition,
  openEdition,
  QuestionnaireQuestion,
  questionsOf,
  validAnswer,
} from './support/editions';
import { createUser, TestUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';

/** The id the pages give a question's block (its key with dots as dashes). */
const q = (key: string) => `#q-${key.replace(/\./g, '-')}`;

describe('The survey pages in a real browser (e2e)', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let kl: TestUser;
  let editionId: string;
  let questions: QuestionnaireQuestion[];
  let ballerup: TestUser;
  let ballerupToken: string;

  beforeAll(async () => {
    t = await createTestApp();
    base = await listenLocally(t);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });
  beforeEach(async () => {
    await resetData(t.db);
    kl = await createUser(t.db, 'kl_analyst');
    const klToken = await tokenFor(t.http, kl);
    editionId = (await createEdition(t.http, klToken, 2025)).id;
    await openEdition(t.http, klToken, editionId);
    questions = await questionsOf(t.http, klToken, editionId);
    ballerup = await createUser(t.db, 'municipality_officer', 151);
    ballerupToken = await tokenFor(t.http, ballerup);
  });
  afterEach(async () => {
    await Promise.all(browser.contexts().map((c) => c.close()));
  });

  const ownResponse = async (token = ballerupToken) =>
    (
      await request(t.http)
        .get(`/api/v1/editions/${editionId}/my-response`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as {
      version: number;
      status: string;
      receiptCode: string | null;
      answers: Array<{ questionKey: string; value: unknown; comment: string | null }>;
    };
  const saveViaApi = (version: number, answers: unknown[], token = ballerupToken) =>
    request(t.http)
      .patch(`/api/v1/editions/${editionId}/my-response`)
      .auth(token, { type: 'bearer' })
      .send({ version, answers })
      .expect(200);
  const areaUrl = (area?: string) => `${base}/undersoegelser/${editionId}${area ? `?omraade=${area}` : ''}`;
  /** Clicks a button that posts the page's form and returns the status of that POST (not autosave's). */
  const post = async (page: Page, button: string) => {
    const [res] = await Promise.all([
      page.waitForResponse(
        (r) => r.request().method() === 'POST' && r.request().resourceType() === 'document',
      ),
      page.getByRole('button', { name: button, exact: true }).click(),
    ]);
    await page.waitForLoadState();
    return res.status();
  };

  it('answers an area without JavaScript; a colleague’s save elsewhere is kept, and one on the same question is shown beside it', async () => {
    const page = await signIn(browser, base, ballerup, { javaScript: false });
    await page.getByRole('link', { name: 'Besvar Baseline' }).click();
    await page.waitForURL(`${base}/undersoegelser`);
    const row = page.locator('tr[data-edition="2025"]');
    expect(await row.innerText()).toContain('Ikke påbegyndt');
    await row.getByRole('link', { name: 'Besvar Baseline 2025' }).click();
    await page.waitForURL(areaUrl());

    const nav = page.getByRole('navigation', { name: 'Områder' });
    const current = nav.locator('[aria-current="page"]');
    expect(await current.innerText()).toContain('Risikoanalyse og politikker for informationssikkerhed');
    expect(await current.innerText()).toContain('0 af 10 besvaret');
    expect(await page.locator('[data-progress-text]').innerText()).toBe(
      `0 af ${questions.length} spørgsmål besvaret`,
    );

    const policy = page.locator(q('governance.security-policy'));
    expect(await policy.locator('legend').innerText()).toContain('(skal besvares)');
    await policy.getByLabel('Niveau 3: Defineret').check();
    await policy.getByLabel(/^Kommentar/).fill('Godkendt af direktionen i 2024');
    await page.locator(q('governance.security-coordinator')).getByLabel('Ja', { exact: true }).check();
    await page.locator(`${q('governance.framework')} input[value="iso-27001"]`).check();
    expect(await post(page, 'Gem')).toBe(303);
    expect(await page.locator('.alert-success').innerText()).toContain('Gemt');
    expect(await policy.getByLabel('Niveau 3: Defineret').isChecked()).toBe(true);
    expect(await policy.getByLabel(/^Kommentar/).inputValue()).toBe('Godkendt af direktionen i 2024');
    expect(await current.innerText()).toContain('3 af 10 besvaret');
    const saved = await ownResponse();
    expect(saved.version).toBe(1);
    expect(saved.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionKey: 'governance.security-policy', value: 3 }),
        expect.objectContaining({ questionKey: 'governance.security-coordinator', value: true }),
        expect.objectContaining({ questionKey: 'governance.framework', value: 'iso-27001' }),
      ]),
    );

    // A colleague in another browser saves while the first officer's page still holds version 1.
    const colleague = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 151), {
      javaScript: false,
    });
    await colleague.goto(areaUrl());
    await colleague.locator(q('governance.isms')).getByLabel('Niveau 2: Gentageligt').check();
    expect(await post(colleague, 'Gem')).toBe(303);

    // The first officer's page, still at version 1, saves another question: stored, and the
    // colleague's answer, which the page never showed, is left alone.
    await page.locator(q('governance.roles-responsibilities')).getByLabel('Niveau 4: Styret og målt').check();
    expect(await post(page, 'Gem')).toBe(303);
    expect(await page.locator(q('governance.isms')).getByLabel('Niveau 2: Gentageligt').isChecked()).toBe(
      true,
    );
    const merged = await ownResponse();
    expect(merged.version).toBe(3);
    expect(merged.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionKey: 'governance.isms', value: 2 }),
        expect.objectContaining({ questionKey: 'governance.roles-responsibilities', value: 4 }),
      ]),
    );

    // Both change the same question: the colleague first, so the officer's answer there is not
    // stored but shown beside the question with the colleague's, and the rest of the save is stored.
    await colleague.goto(areaUrl());
    await colleague.locator(q('governance.isms')).getByLabel('Niveau 3: Defineret').check();
    expect(await post(colleague, 'Gem')).toBe(303);
    await page.locator(q('governance.isms')).getByLabel('Niveau 5: Optimeret').check();
    await page.locator(q('governance.management-oversight')).getByLabel('Niveau 1: Ad hoc').check();
    expect(await post(page, 'Gem')).toBe(200);
    expect(await page.locator('.alert-warning').first().innerText()).toContain(
      'Nogle af dine svar blev ikke gemt',
    );
    const box = page.locator(`${q('governance.isms')} fieldset .answer-conflict`);
    expect(await box.innerText()).toMatch(/Dit svar: Niveau 5: Optimeret/);
    expect(await box.innerText()).toMatch(
      /Kollegas svar \(Test municipality_officer \(.+@test\.local\), .+\): Niveau 3: Defineret/,
    );
    expect(await page.locator(q('governance.isms')).getByLabel('Niveau 5: Optimeret').isChecked()).toBe(true);
    const partly = await ownResponse();
    expect(partly.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionKey: 'governance.isms', value: 3 }),
        expect.objectContaining({ questionKey: 'governance.management-oversight', value: 1 }),
      ]),
    );
    // »Behold mit svar« stores the officer's answer on top of the colleague's, which they have now seen.
    await Promise.all([
      page.waitForURL(/gemt=/),
      box.getByRole('button', { name: 'Behold mit svar' }).click(),
    ]);
    expect((await ownResponse()).answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ questionKey: 'governance.isms', value: 5 })]),
    );
    // The history under the question says who changed it when.
    const history = page.locator(`${q('governance.isms')} .answer-history`);
    await history.locator('summary').click();
    expect(await history.innerText()).toMatch(
      /Ændret af Test municipality_officer \(.+\) den .+: Niveau 5: Optimeret/,
    );
    expect(await history.locator('li').count()).toBe(3);
  });

  it('shows a Danish error next to an invalid number, keeps what was typed and saves nothing', async () => {
    const page = await signIn(browser, base, ballerup, { javaScript: false });
    await page.goto(areaUrl('incidents'));
    const attacks = page.locator(q('incidents.attacks-per-day'));
    await attacks.getByRole('textbox', { name: /^Hvor mange cyberangreb/ }).fill('-5');
    await page.locator(`${q('incidents.breaches-last-year')}-input`).fill('2');
    expect(await post(page, 'Gem')).toBe(422);

    expect(await attacks.getAttribute('class')).toContain('form-group question form-error');
    expect(await attacks.locator('.form-error-message').innerText()).toContain(
      'Tallet kan ikke være mindre end 0.',
    );
    expect(await page.locator(`${q('incidents.attacks-per-day')}-input`).inputValue()).toBe('-5');
    expect(await page.locator(`${q('incidents.breaches-last-year')}-input`).inputValue()).toBe('2');
    // The error summary takes focus (without JavaScript, through `autofocus`) and links to the field.
    const summary = page.locator('#error-summary');
    expect(await summary.innerText()).toContain('Svarene blev ikke gemt');
    expect(await summary.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    expect(await summary.getByRole('link').getAttribute('href')).toBe(
      `${q('incidents.attacks-per-day')}-input`,
    );
    expect(await ownResponse()).toMatchObject({ version: 0, answers: [] });
  });

  it('autosaves each changed answer with JavaScript and goes on after a colleague’s save', async () => {
    const page = await signIn(browser, base, ballerup);
    await page.goto(areaUrl());
    const version = page.locator('input[name="version"]');
    expect(await version.inputValue()).toBe('0');
    await page.locator(q('governance.security-policy')).getByLabel('Niveau 4: Styret og målt').check();
    const status = page.locator('#autosave-status');
    await status.filter({ hasText: /^Gemt kl\. \d{2}\.\d{2}$/ }).waitFor();
    // The form's own "Gem" stays based on the oldest version the page shows (the other questions).
    expect(await version.inputValue()).toBe('0');
    expect(await page.locator('[data-area-progress="risk-policy"]').innerText()).toBe('1 af 10 besvaret');
    expect((await ownResponse()).answers).toEqual([
      expect.objectContaining({ questionKey: 'governance.security-policy', value: 4 }),
    ]);
    await page.screenshot({ path: '/tmp/answer-page.png' });

    // The JSON route needs the CSRF header that autosave.js sends.
    const forged = await page.request.post(`${base}/undersoegelser/${editionId}/svar.json`, {
      data: { version: 1, answers: [{ questionKey: 'governance.isms', value: '5' }] },
    });
    expect(forged.status()).toBe(403);

    // A rejected answer is explained next to its question.
    await page.goto(areaUrl('incidents'));
    const attacks = page.locator(`${q('incidents.attacks-per-day')}-input`);
    await attacks.fill('mange');
    await attacks.press('Tab');
    await page.locator(`${q('incidents.attacks-per-day')} .form-error-message`).waitFor();
    expect(await page.locator(`${q('incidents.attacks-per-day')} .form-error-message`).innerText()).toContain(
      'Skriv et helt tal',
    );
    await attacks.fill('12');
    await attacks.press('Tab');
    await status.filter({ hasText: /^Gemt kl\./ }).waitFor();
    expect(await page.locator(`${q('incidents.attacks-per-day')} .form-error-message`).count()).toBe(0);
    expect(await version.inputValue()).toBe('1');

    // A colleague saves another question in between: this page's next save is stored all the same.
    await saveViaApi(2, [{ questionKey: 'incidents.breaches-last-year', value: 1 }]);
    await page.locator(`${q('incidents.reported-to-datatilsynet')}-input`).fill('3');
    await page.locator(`${q('incidents.reported-to-datatilsynet')}-input`).press('Tab');
    await status.filter({ hasText: /^Gemt kl\./ }).waitFor();
    expect((await ownResponse()).answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionKey: 'incidents.breaches-last-year', value: 1 }),
        expect.objectContaining({ questionKey: 'incidents.reported-to-datatilsynet', value: 3 }),
      ]),
    );
  });

  it('shows a colleague’s change of the same question beside it, and »Behold mit svar« keeps mine', async () => {
    const bo = await createUser(t.db, 'municipality_officer', 151, { email: 'bo@ballerup.test' });
    const anne = await signIn(browser, base, ballerup);
    const boPage = await signIn(browser, base, bo);
    await anne.goto(areaUrl());
    await boPage.goto(areaUrl());
    const isms = (p: Page) => p.locator(q('governance.isms'));
    /** Does something that autosaves, and waits for that save's answer. */
    const autosaved = (p: Page, action: Promise<unknown>) =>
      Promise.all([p.waitForResponse((r) => r.url().endsWith('/svar.json')), action]);

    await autosaved(anne, isms(anne).getByLabel('Niveau 2: Gentageligt').check());

    // Bo's page was loaded before Anne's save: his answer to the same question is a conflict.
    await isms(boPage).getByLabel('Niveau 4: Styret og målt').check();
    const box = isms(boPage).locator('fieldset .answer-conflict');
    await box.waitFor();
    expect(await box.innerText()).toContain('Dit svar: Niveau 4: Styret og målt');
    expect(await box.innerText()).toMatch(
      /Kollegas svar \(Test municipality_officer \(.+\), .+\): Niveau 2: Gentageligt/,
    );
    expect(await boPage.locator('#autosave-status').innerText()).toContain('en kollega har ændret det');
    await box.scrollIntoViewIfNeeded();
    await boPage.screenshot({ path: '/tmp/answer-conflict.png' });
    expect((await ownResponse()).answers).toEqual([
      expect.objectContaining({ questionKey: 'governance.isms', value: 2 }),
    ]);

    // Bo's other answers go on saving.
    await autosaved(
      boPage,
      boPage.locator(q('governance.security-policy')).getByLabel('Niveau 3: Defineret').check(),
    );

    await autosaved(boPage, box.getByRole('button', { name: 'Behold mit svar' }).click());
    await box.waitFor({ state: 'detached' });
    expect(await boPage.locator('#autosave-status').innerText()).toMatch(/^Gemt kl\./);
    const after = await ownResponse();
    expect(after.answers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ questionKey: 'governance.isms', value: 4 }),
        expect.objectContaining({ questionKey: 'governance.security-policy', value: 3 }),
      ]),
    );

    // Anne changes it again; Bo takes her answer this time, and the field shows it.
    await anne.reload();
    await autosaved(anne, isms(anne).getByLabel('Niveau 1: Ad hoc').check());
    await isms(boPage).getByLabel('Niveau 5: Optimeret').check();
    await box.waitFor();
    await box.getByRole('button', { name: 'Brug kollegas svar' }).click();
    await box.waitFor({ state: 'detached' });
    expect(await isms(boPage).getByLabel('Niveau 1: Ad hoc').isChecked()).toBe(true);
    expect((await ownResponse()).answers).toEqual(
      expect.arrayContaining([expect.objectContaining({ questionKey: 'governance.isms', value: 1 })]),
    );
  });

  it('submits a complete response with sign-off, shows the receipt, and reopens it', async () => {
    // Everything required but one question is answered through the API, to keep the test short.
    await saveViaApi(
      0,
      questions.filter((x) => x.required && x.key !== 'access.mfa').map((x) => validAnswer(x)),
    );

    const page = await signIn(browser, base, ballerup);
    await page.goto(areaUrl());
    await page.getByRole('link', { name: 'Gå til indsendelse' }).click();
    await page.waitForURL(`${base}/undersoegelser/${editionId}/indsend`);
    expect(await page.locator('main').innerText()).toContain('Der mangler svar');
    await page.getByRole('link', { name: /^Medarbejderne bruger multifaktorautentificering/ }).click();
    await page.waitForURL(`${areaUrl('mfa-communication')}#q-access-mfa`);
    await page.locator(q('access.mfa')).getByLabel('Niveau 5: Optimeret').check();
    expect(await post(page, 'Gem')).toBe(303);
    await page.getByRole('link', { name: 'Gå til indsendelse' }).click();

    expect(await post(page, 'Indsend besvarelse')).toBe(422);
    expect(await page.locator('#error-summary').innerText()).toContain(
      'Bekræft, at besvarelsen er godkendt.',
    );
    await page.getByLabel('Jeg bekræfter at besvarelsen er godkendt').check();
    expect(await post(page, 'Indsend besvarelse')).toBe(303);
    expect(page.url()).toBe(`${base}/undersoegelser/${editionId}/kvittering`);
    const code = await page.locator('td[data-field="Kvitteringskode"]').innerText();
    expect(code).toMatch(/^[0-9A-F]{12}$/);
    expect(await page.locator('td[data-field="Indsendt af"]').innerText()).toBe('Test municipality_officer');
    expect(await page.locator('td[data-field="Indsendt"]').innerText()).toMatch(
      /^\d{1,2}\. \p{L}+ \d{4} kl\. \d{2}\.\d{2}$/u,
    );
    expect(await ownResponse()).toMatchObject({ status: 'submitted', receiptCode: code });
    expect(await page.getByRole('button', { name: 'Genåbn besvarelse' }).isVisible()).toBe(true);
    await page.goto(`${base}/undersoegelser`);
    expect(await page.locator('tr[data-edition="2025"]').innerText()).toContain('Indsendt');

    // Reopening before the deadline makes the response editable again.
    await page.goto(`${base}/undersoegelser/${editionId}/kvittering`);
    expect(await post(page, 'Genåbn besvarelse')).toBe(303);
    expect(await page.locator('.alert-success').innerText()).toContain('Besvarelsen er genåbnet');
    expect((await ownResponse()).status).toBe('draft');
  });

  it('shows KL who has submitted but no answers, and another municipality only its own response', async () => {
    // Ballerup answers everything (a marker in a comment and in free text) and submits.
    const marker = `MARKØR-${randomUUID()}`;
    const answers = questions
      .filter((x) => x.required)
      .map((x) =>
        x.key === 'governance.security-policy' ? { ...validAnswer(x), comment: marker } : validAnswer(x),
      );
    const saved = await saveViaApi(0, [
      ...answers,
      { questionKey: 'general.comments', value: `Fritekst ${marker}` },
    ]);
    const submitted = await request(t.http)
      .post(`/api/v1/editions/${editionId}/my-response/submit`)
      .auth(ballerupToken, { type: 'bearer' })
      .send({ version: saved.body.version })
      .expect(200);
    const code = submitted.body.receiptCode as string;

    // KL follows participation: Ballerup has submitted, and nothing it answered is on the page.
    const analyst = await signIn(browser, base, kl);
    await analyst.getByRole('link', { name: 'Udgaver og deltagelse' }).click();
    await analyst.getByRole('link', { name: 'Deltagelse i Baseline 2025' }).click();
    const ballerupRow = analyst.locator('tr[data-municipality="151"]');
    expect(await ballerupRow.innerText()).toMatch(
      /Ballerup\s+Region Hovedstaden\s+Indsendt\s+100 %\s+\d+\. \w+ \d{4} kl\. [\d.]+\s+Test municipality_officer/,
    );
    expect(await analyst.locator('#participation-summary').innerText()).toMatch(/Indsendt\s+1/);
    const klHtml = await analyst.content();
    expect(klHtml).not.toContain(marker);
    expect(klHtml).not.toContain(code);
    await analyst.goto(areaUrl());
    expect(await analyst.locator('h1').innerText()).toBe('Du har ikke adgang til siden');

    // Another municipality's officer on the same addresses only ever sees its own (empty) response.
    const frederiksberg = await signIn(browser, base, await createUser(t.db, 'municipality_officer', 147));
    for (const url of [
      areaUrl(),
      `${areaUrl('risk-policy')}&kommune=151`,
      areaUrl('incidents'),
      `${base}/undersoegelser/${editionId}/indsend`,
      `${base}/undersoegelser/${editionId}/kvittering`,
      `${base}/undersoegelser`,
    ]) {
      await frederiksberg.goto(url);
      const content = await frederiksberg.content();
      expect(content).not.toContain(marker);
      expect(content).not.toContain(code);
    }
    expect(frederiksberg.url()).toBe(`${base}/undersoegelser`);
    expect(await frederiksberg.locator('tr[data-edition="2025"]').innerText()).toContain('Ikke påbegyndt');
    await frederiksberg.goto(areaUrl());
    expect(await frederiksberg.locator('.font-lead').innerText()).toContain('Frederiksberg Kommune');
    expect(await frederiksberg.locator('input[type="radio"]:checked').count()).toBe(0);
    await frederiksberg.goto(`${base}/administration/udgaver/${editionId}/deltagelse`);
    expect(await frederiksberg.locator('h1').innerText()).toBe('Du har ikke adgang til siden');
  });

  it('lets KL create, open, close and publish editions through the forms, asking before closing and publishing, with refusals in Danish', async () => {
    const page = await signIn(browser, base, kl);
    await page.goto(`${base}/administration/udgaver`);
    expect(await page.locator('tr[data-edition="2025"]').innerText()).toContain('Åben');
    expect(await page.getByLabel('År', { exact: true }).inputValue()).toBe('2026');
    expect(await page.getByLabel('Spørgeskema').locator('option:checked').innerText()).toContain(
      'Baseline 2025',
    );

    await page.getByLabel('Titel').fill('');
    expect(await post(page, 'Opret udgave')).toBe(422);
    expect(await page.locator('.form-error .form-error-message').innerText()).toContain('Skriv en titel');
    await page.getByLabel('Titel').fill('Baseline 2026');
    expect(await post(page, 'Opret udgave')).toBe(303);
    expect(await page.locator('.alert-success').innerText()).toContain('Udgaven er oprettet som kladde.');
    const draft = page.locator('tr[data-edition="2026"]');
    expect(await draft.innerText()).toContain('Kladde');

    await page.getByLabel('År', { exact: true }).fill('2026');
    expect(await post(page, 'Opret udgave')).toBe(409);
    expect(await page.locator('.alert-error').innerText()).toContain(
      'Der findes allerede en udgave for 2026.',
    );

    await draft.getByLabel('Svarfrist for Baseline 2026').fill('2020-01-31');
    expect(await post(page, 'Åbn Baseline 2026')).toBe(422);
    expect(await page.locator('.alert-error').innerText()).toContain('Svarfristen skal ligge i fremtiden.');
    await draft.getByLabel('Svarfrist for Baseline 2026').fill(`${new Date().getFullYear() + 1}-01-31`);
    expect(await post(page, 'Åbn Baseline 2026')).toBe(303);
    expect(await draft.innerText()).toContain('Åben');
    expect(await draft.innerText()).toContain(`31. januar ${new Date().getFullYear() + 1} kl. 23.59`);

    // "Luk" asks first, on a page that names the consequences. Two tabs: the second one's
    // confirmation arrives after the first closed the edition.
    await page.getByRole('link', { name: 'Luk Baseline 2026' }).click();
    expect(await page.locator('h1').innerText()).toBe('Luk Baseline 2026?');
    expect(await page.locator('#consequences').innerText()).toContain(
      '98 kommuner er ikke gået i gang og kan ikke længere deltage.',
    );
    const other = await page.context().newPage();
    await other.goto(page.url());
    expect(await post(page, 'Luk udgaven')).toBe(422);
    expect(await page.locator('.form-error .form-error-message').innerText()).toContain(
      'Skriv, hvorfor udgaven lukkes før svarfristen.',
    );
    await page.getByLabel('Begrundelse for at lukke før tid').fill('Testudgave uden deltagere');
    expect(await post(page, 'Luk udgaven')).toBe(303);
    expect(await draft.innerText()).toContain('Lukket');
    await other.getByLabel('Begrundelse for at lukke før tid').fill('Testudgave');
    expect(await post(other, 'Luk udgaven')).toBe(409);
    expect(await other.locator('.alert-error').innerText()).toContain(
      'Udgaven kan ikke lukkes, fordi den har status »Lukket«.',
    );
    // Publishing asks first too: nobody answered 2026, so the page warns with the count.
    await page.getByRole('link', { name: 'Offentliggør Baseline 2026' }).click();
    expect(await page.locator('#consequences').innerText()).toContain('Landsrapporten');
    expect(await page.locator('#small-edition-warning').innerText()).toContain(
      'Ingen kommuner har indsendt Baseline 2026',
    );
    expect(await post(page, 'Offentliggør alligevel')).toBe(303);
    expect(await draft.innerText()).toContain('Offentliggjort');
  });
});
