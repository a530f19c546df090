import request from 'supertest';
import { formatScore } from '@app/ui';
import { cookieHeader } from './support/cookie-jar';
import { seedDemoStatistics } from './support/demo-statistics';
import { createUser, tokenFor } from './support/factories';
import { as, reportBody, resetIncidents, userCaller } from './support/incidents';
import { createTestApp, TestApp } from './support/test-app';
import { signInWeb } from './support/web-session';

const OWN = 151; // Ballerup, took part in Baseline 2024
const FOREIGN = 101;

/** Survey beside incidents: the related Baseline maturity on the incident page, and who sees whose. */
describe('Baseline maturity beside an incident (e2e)', () => {
  let t: TestApp;
  let editionId: string;
  let phishing: string;
  let ddos: string;
  let ownFigures: { questions: Array<{ key: string; own: number | null; nationalMean: number | null }> };
  const pageAs = async (role: 'cert_analyst' | 'municipality_officer', code: number | null = null) => {
    const { jar } = await signInWeb(t.http, await createUser(t.db, role, code));
    return (path: string) =>
      request(t.http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
  };
  /** The cells of one question's row, as text. */
  const rowOf = (page: string, key: string) => {
    const row = page.match(
      new RegExp(`<tr data-question="${key.replace('.', '\\.')}">([\\s\\S]*?)</tr>`),
    )![1];
    return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].trim());
  };

  beforeAll(async () => {
    t = await createTestApp();
    editionId = (await seedDemoStatistics(t))[2024];
    await resetIncidents(t);
    const officer = await userCaller(t, 'municipality_officer', OWN);
    const report = async (body: Record<string, unknown>) =>
      (await as(request(t.http).post('/api/v1/incidents'), officer).send(body).expect(201)).body.id as string;
    phishing = await report(reportBody());
    ddos = await report(
      reportBody({ rsitClass: 'availability', rsitType: 'ddos', personalDataBreach: undefined }),
    );
    const officerUser = await createUser(t.db, 'municipality_officer', OWN);
    ownFigures = (
      await request(t.http)
        .get(`/api/v1/editions/${editionId}/statistics/municipalities/${OWN}`)
        .auth(await tokenFor(t.http, officerUser), { type: 'bearer' })
        .expect(200)
    ).body;
  }, 180_000);
  afterAll(() => t.close());

  const figure = (key: string) => ownFigures.questions.find((q) => q.key === key)!;

  it("shows the municipality's own officer its own answers beside the national mean, for phishing: awareness and MFA", async () => {
    const page = (await (await pageAs('municipality_officer', OWN))(`/haendelser/${phishing}`).expect(200))
      .text;
    expect(page).toContain('Modenhed i Baseline 2024');
    expect(page).toContain('data-topic="awareness"');
    expect(page).toContain('data-topic="mfa"');
    expect(page).not.toContain('data-topic="backup"');
    for (const key of ['awareness.phishing-tests', 'access.mfa']) {
      const q = figure(key);
      expect(q.own).not.toBeNull();
      expect(rowOf(page, key)).toEqual([formatScore(q.own), formatScore(q.nationalMean)]);
    }
  });

  it('shows KommuneCERT the national means only, and says why', async () => {
    const page = (await (await pageAs('cert_analyst'))(`/haendelser/${phishing}`).expect(200)).text;
    expect(page).toContain('data-topic="awareness"');
    expect(page).toContain('En kommunes egne svar og resultater kan kun kommunen selv se');
    expect(page).not.toMatch(/<th scope="col"[^>]*>Kommunen<\/th>/);
    for (const key of ['awareness.phishing-tests', 'access.mfa'])
      expect(rowOf(page, key)).toEqual([formatScore(figure(key).nationalMean)]);
  });

  it("shows no section for a class that relates to no survey topic, and another municipality's officer no page", async () => {
    const cert = await pageAs('cert_analyst');
    expect((await cert(`/haendelser/${ddos}`).expect(200)).text).not.toContain('id="modenhed"');
    await (await pageAs('municipality_officer', FOREIGN))(`/haendelser/${phishing}`).expect(404);
  });
});
