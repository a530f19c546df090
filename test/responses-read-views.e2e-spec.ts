import { RESPONSES_READ_VIEWS } from '@app/responses';
import { createTestApp, resetData, TestApp } from './support/test-app';

/** The responses lib's read-only views, through which the statistics read the answers. */
describe('Responses read views (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
  });
  afterAll(() => t.close());

  // A view over a join is not updatable at all; the one over `responses` alone would be, but for
  // the revoked privileges.
  const refused = /permission denied|cannot (delete from|update|insert into) view/;

  it('the app role can read them and cannot write through them', async () => {
    const [{ name }] = await t.db.query(`SELECT current_user AS name`);
    expect(name).toBe('baseline_app');
    for (const view of Object.values(RESPONSES_READ_VIEWS)) {
      await expect(t.db.query(`SELECT count(*) FROM ${view}`)).resolves.toEqual([{ count: '0' }]);
      await expect(t.db.query(`DELETE FROM ${view}`)).rejects.toThrow(refused);
      await expect(t.db.query(`UPDATE ${view} SET edition_id = edition_id`)).rejects.toThrow(refused);
    }
    await expect(
      t.db.query(
        `INSERT INTO submitted_responses (edition_id, municipality_code) VALUES (gen_random_uuid(), 101)`,
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
