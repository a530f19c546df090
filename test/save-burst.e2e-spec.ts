import request from 'supertest';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';

/** Long enough for a healthy burst on a busy machine; a lock-up shows as requests that hit it. */
const REQUEST_TIMEOUT_MS = 20_000;

/**
 * The week before the deadline: many officers save at the same instant. Each save holds a
 * transaction; before the fix a save also took a second pooled connection inside it, so a burst of
 * ten or more held the whole pool and waited for itself forever.
 */
describe('A burst of concurrent saves (e2e)', () => {
  let t: TestApp;
  let base: string;
  let editionId: string;
  let codes: number[];

  beforeAll(async () => {
    t = await createTestApp();
    // Concurrent requests need a real listening socket (supertest would listen once per request).
    base = await listenLocally(t);
    await resetData(t.db);
    const kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    editionId = (await createEdition(t.http, kl, 2025)).id;
    await openEdition(t.http, kl, editionId);
    codes = (await t.db.query('SELECT code FROM municipalities ORDER BY code')).map(
      (r: { code: number }) => r.code,
    );
  });
  afterAll(() => t.close());

  const signInOfficers = async (municipalityCodes: number[]) => {
    const tokens: string[] = [];
    for (const code of municipalityCodes) {
      tokens.push(await tokenFor(t.http, await createUser(t.db, 'municipality_officer', code)));
    }
    return tokens;
  };

  /**
   * Every save at once, all on the same version and the same question: one per municipality can
   * store its answer; each other one is answered 200 with the winner's answer as a conflict, unless
   * it sent the same answer (then there is nothing to store and nothing to report).
   */
  const burst = (tokens: string[], version: number, questionKey: string) =>
    Promise.all(
      tokens.map(async (token, i) => {
        const started = performance.now();
        const status = await request(base)
          .patch(`/api/v1/editions/${editionId}/my-response`)
          .auth(token, { type: 'bearer' })
          .timeout(REQUEST_TIMEOUT_MS)
          .send({ version, answers: [{ questionKey, value: 1 + (i % 5) }] })
          .then(
            (r) =>
              r.status === 200
                ? r.body.conflicts.length > 0
                  ? '200 conflict'
                  : '200 stored or same'
                : r.status,
            (e: Error & { timeout?: number }) => (e.timeout ? 'timeout' : e.message),
          );
        return { status, ms: performance.now() - started };
      }),
    );

  const health = () =>
    request(base)
      .get('/health')
      .timeout(REQUEST_TIMEOUT_MS)
      .then(
        (r) => r.status,
        () => 'timeout',
      );

  const idleInTransaction = async (): Promise<number> => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND state LIKE 'idle in transaction%'`,
    );
    return n;
  };

  const tally = (statuses: Array<number | string>) =>
    statuses.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {});

  /** Nearest-rank percentile. */
  const percentile = (ms: number[], p: number) => [...ms].sort((a, b) => a - b)[Math.ceil(ms.length * p) - 1];

  it('answers 200 saves from all 98 municipalities with 200, one stored per municipality, and the platform stays healthy', async () => {
    expect(codes).toHaveLength(98);
    const officers = await signInOfficers(codes);
    // 98 officers; the first 34 send four saves each: 98 + 34 × 3 = 200 saves.
    const saves = officers.flatMap((token, i) => (i < 34 ? [token, token, token, token] : [token]));
    expect(saves).toHaveLength(200);

    const [results, healthDuring] = await Promise.all([
      burst(saves, 0, 'access.mfa'),
      new Promise((r) => setTimeout(r, 50)).then(health),
    ]);
    const counts = tally(results.map((r) => r.status));
    const ms = results.map((r) => r.ms);
    const [p50, p95, max] = [0.5, 0.95, 1].map((p) => percentile(ms, p).toFixed(0));
    process.stdout.write(
      `save burst: 200 saves from 98 municipalities: ${JSON.stringify(counts)}, ` +
        `latency p50 ${p50} ms, p95 ${p95} ms, max ${max} ms\n`,
    );

    // Exactly one save per municipality stores its answer at version 0; of the 34 × 3 others, the
    // ones with another value are told the winner's answer, the ones with the same have nothing to do.
    // (A municipality's four saves send four different levels, so here all 102 are conflicts.)
    expect(counts).toEqual({ '200 stored or same': 98, '200 conflict': 102 });
    expect(healthDuring).toBe(200);
    expect(await health()).toBe(200);
    expect(await idleInTransaction()).toBe(0);
    const [{ n }] = await t.db.query(
      'SELECT count(*)::int AS n FROM responses WHERE edition_id = $1 AND version = 1',
      [editionId],
    );
    expect(n).toBe(98);
  });

  it('answers one officer sending 30 saves at once: one stored, the others told of it', async () => {
    const [token] = await signInOfficers([codes[0]]);
    const { version } = (
      await request(base)
        .get(`/api/v1/editions/${editionId}/my-response`)
        .auth(token, { type: 'bearer' })
        .expect(200)
    ).body as { version: number };
    const results = await burst(Array(30).fill(token), version, 'mobile.mdm');
    const counts = tally(results.map((r) => r.status));
    process.stdout.write(`save burst: 30 parallel saves of one officer: ${JSON.stringify(counts)}\n`);
    expect(counts['200 conflict'] + counts['200 stored or same']).toBe(30);
    // Six of the thirty send the winner's level (1 + i % 5): those have nothing to store or report.
    expect(counts['200 conflict']).toBe(24);
    const after = await request(base)
      .get(`/api/v1/editions/${editionId}/my-response`)
      .auth(token, { type: 'bearer' })
      .expect(200);
    expect(after.body.version).toBe(version + 1);
    expect(await health()).toBe(200);
    expect(await idleInTransaction()).toBe(0);
  });
});
