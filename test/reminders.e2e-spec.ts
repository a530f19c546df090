import request from 'supertest';
import { SurveyRemindersService } from '@app/responses';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createEdition, openEdition, questionsOf, validAnswer } from './support/editions';

describe('Survey reminders (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  it('notifies officers of municipalities that have not submitted, once per threshold', async () => {
    const kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    const edition = await createEdition(t.http, kl, 2025);
    await openEdition(t.http, kl, edition.id, new Date(Date.now() + 20 * 86_400_000));
    const ballerup = await createUser(t.db, 'municipality_officer', 151);
    const herlev = await createUser(t.db, 'municipality_officer', 163);
    await createUser(t.db, 'municipality_officer', 147, { active: false });

    // Ballerup submits; Herlev does not.
    const token = await tokenFor(t.http, ballerup);
    const answers = (await questionsOf(t.http, token, edition.id))
      .filter((q) => q.required)
      .map((q) => validAnswer(q));
    const saved = await request(t.http)
      .patch(`/api/v1/editions/${edition.id}/my-response`)
      .auth(token, { type: 'bearer' })
      .send({ version: 0, answers })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/editions/${edition.id}/my-response/submit`)
      .auth(token, { type: 'bearer' })
      .send({ version: saved.body.version })
      .expect(200);

    const reminders = t.app.get(SurveyRemindersService);
    expect(await reminders.sendDue()).toEqual([]); // 20 days left: no threshold (14, 3) reached yet

    await t.db.query(`UPDATE editions SET closes_at = now() + interval '10 days' WHERE id = $1`, [
      edition.id,
    ]);
    expect(await reminders.sendDue()).toEqual([{ year: 2025, daysBefore: 14, notified: 1, mailed: 0 }]);
    expect(await reminders.sendDue()).toEqual([{ year: 2025, daysBefore: 14, notified: 0, mailed: 0 }]);

    await t.db.query(`UPDATE editions SET closes_at = now() + interval '2 days' WHERE id = $1`, [edition.id]);
    expect(await reminders.sendDue()).toEqual([{ year: 2025, daysBefore: 3, notified: 1, mailed: 0 }]);

    const herlevToken = await tokenFor(t.http, herlev);
    const inbox = await request(t.http)
      .get('/api/v1/notifications')
      .auth(herlevToken, { type: 'bearer' })
      .expect(200);
    expect(inbox.body).toHaveLength(2);
    expect(inbox.body[0]).toMatchObject({
      title: 'Påmindelse: Baseline 2025',
      link: expect.stringContaining(`/undersoegelser/${edition.id}`),
    });
    expect(inbox.body[0].body).toContain('Fristen er');
    await request(t.http)
      .post(`/api/v1/notifications/${inbox.body[0].id}/read`)
      .auth(herlevToken, { type: 'bearer' })
      .expect(204);
    // Nobody can mark someone else's notification.
    await request(t.http)
      .post(`/api/v1/notifications/${inbox.body[1].id}/read`)
      .auth(token, { type: 'bearer' })
      .expect(404);
    const ballerupInbox = await request(t.http)
      .get('/api/v1/notifications')
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(ballerupInbox.body).toEqual([]);
  });
});
