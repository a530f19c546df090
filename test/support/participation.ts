import request from 'supertest';
import type { TestApp } from './test-app';
import { createEdition, openEdition, questionsOf, validAnswer } from './editions';
import { createUser, tokenFor } from './factories';

/**
 * An open 2026 edition in which Ballerup (151, Region Hovedstaden) has submitted, signed by an
 * officer named `ballerupSigner`, and Aarhus (751) is in progress; the other 96 have not started.
 */
export async function openWithParticipation(t: TestApp, kl: string, ballerupSigner?: string) {
  const edition = await createEdition(t.http, kl, 2026);
  await openEdition(t.http, kl, edition.id);
  const questions = await questionsOf(t.http, kl, edition.id);
  const ballerupUser = await createUser(t.db, 'municipality_officer', 151);
  if (ballerupSigner)
    await t.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [ballerupUser.id, ballerupSigner]);
  const ballerup = await tokenFor(t.http, ballerupUser);
  const aarhus = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 751));
  const save = (token: string, answers: unknown[]) =>
    request(t.http)
      .patch(`/api/v1/editions/${edition.id}/my-response`)
      .auth(token, { type: 'bearer' })
      .send({ version: 0, answers })
      .expect(200);
  await save(
    ballerup,
    questions.map((q) => validAnswer(q)),
  );
  await request(t.http)
    .post(`/api/v1/editions/${edition.id}/my-response/submit`)
    .auth(ballerup, { type: 'bearer' })
    .send({ version: 1 })
    .expect(200);
  await save(aarhus, [validAnswer(questions.find((q) => q.type === 'scale')!)]);
  return edition;
}
