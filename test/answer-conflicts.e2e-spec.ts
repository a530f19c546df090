import request from 'supertest';
import { createTestApp, resetData, TestApp, listenLocally } from './support/test-app';
import { createUser, TestUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';
import { AnswerChanges1796700000000 } from '../migrations/1796700000000-AnswerChanges';

interface Area {
  key: string;
  questions: Array<{ key: string; type: string }>;
}

interface Conflict {
  questionKey: string;
  yours: { value: unknown };
  theirs: { value: unknown };
  changedInVersion: number;
  changedAt: string;
  changedBy: { name: string; email: string } | null;
}

interface SaveResult {
  version: number;
  conflicts: Conflict[];
  answers: Array<{ questionKey: string; value: unknown }>;
}

/**
 * Officers of one municipality answer the same response at the same time. A save carries the
 * version it was based on and is merged per question: it conflicts only on a question a colleague
 * changed after that version, and the rest of it is stored.
 */
describe('Colleagues answering at once (e2e)', () => {
  let t: TestApp;
  let base: string;
  let editionId: string;
  let areas: Area[];
  let anne: TestUser;
  let bo: TestUser;
  let anneToken: string;
  let boToken: string;
  const mine = () => `/api/v1/editions/${editionId}/my-response`;

  beforeAll(async () => {
    t = await createTestApp();
    // Concurrent requests need a real listening socket (supertest would listen once per request).
    base = await listenLocally(t);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    const kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    editionId = (await createEdition(t.http, kl, 2025)).id;
    await openEdition(t.http, kl, editionId);
    areas = (
      await request(t.http)
        .get(`/api/v1/editions/${editionId}/questionnaire`)
        .auth(kl, { type: 'bearer' })
        .expect(200)
    ).body.areas as Area[];
    anne = await createUser(t.db, 'municipality_officer', 151, { email: 'anne@ballerup.test' });
    bo = await createUser(t.db, 'municipality_officer', 151, { email: 'bo@ballerup.test' });
    anneToken = await tokenFor(t.http, anne);
    boToken = await tokenFor(t.http, bo);
  });

  const save = async (token: string, version: number, answers: unknown[]): Promise<SaveResult> => {
    const res = await request(base).patch(mine()).auth(token, { type: 'bearer' }).send({ version, answers });
    if (res.status !== 200) throw new Error(`save refused: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as SaveResult;
  };
  const current = async (token: string) =>
    (await request(base).get(mine()).auth(token, { type: 'bearer' }).expect(200)).body as SaveResult;
  const valueOf = (r: SaveResult, key: string) => r.answers.find((a) => a.questionKey === key)?.value;
  const scaleQuestions = (area: Area) => area.questions.filter((q) => q.type === 'scale');

  it('takes 1,000 interleaved saves of two officers in different areas, refusing none', async () => {
    // Five "tabs" per officer, each answering its own scale question of the officer's area over and
    // over, each save based on the version its previous save returned: ten saves in flight at once.
    const [areaA, areaB] = areas.filter((a) => scaleQuestions(a).length >= 5);
    const workers = [
      ...scaleQuestions(areaA)
        .slice(0, 5)
        .map((q) => ({ token: anneToken, key: q.key })),
      ...scaleQuestions(areaB)
        .slice(0, 5)
        .map((q) => ({ token: boToken, key: q.key })),
    ];
    const rounds = 100;
    const conflicts: Conflict[] = [];
    let saves = 0;
    const started = performance.now();
    await Promise.all(
      workers.map(async (w) => {
        let version = 0;
        for (let i = 0; i < rounds; i++) {
          const result = await save(w.token, version, [{ questionKey: w.key, value: 1 + (i % 5) }]);
          conflicts.push(...result.conflicts);
          version = result.version;
          saves++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `colleagues: ${saves} saves by 2 officers, 10 at a time, in ${seconds.toFixed(1)} s, ` +
        `${conflicts.length} conflicts\n`,
    );

    expect(saves).toBe(1000);
    expect(conflicts).toEqual([]);
    const now = await current(anneToken);
    // Every save changed its answer, so each made one version and one history entry.
    expect(now.version).toBe(1000);
    for (const w of workers) expect(valueOf(now, w.key)).toBe(1 + ((rounds - 1) % 5));
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM answer_changes');
    expect(n).toBe(1000);
  }, 300_000);

  it('lets exactly one of two saves of the same question win; the other gets the winner’s answer, who and when', async () => {
    const start = await save(anneToken, 0, [{ questionKey: 'access.mfa', value: 3 }]);
    const [a, b] = await Promise.all([
      save(anneToken, start.version, [{ questionKey: 'access.mfa', value: 5 }]),
      save(boToken, start.version, [{ questionKey: 'access.mfa', value: 1, comment: 'Kun VPN' }]),
    ]);
    const lost = [a, b].filter((r) => r.conflicts.length > 0);
    expect(lost).toHaveLength(1);
    const annesWon = b.conflicts.length > 0;
    const winner = annesWon ? { value: 5, user: anne } : { value: 1, user: bo };
    const [conflict] = lost[0].conflicts;
    expect(conflict).toEqual({
      questionKey: 'access.mfa',
      questionId: expect.any(String),
      yours: annesWon
        ? { value: 1, notApplicable: false, comment: 'Kun VPN' }
        : { value: 5, notApplicable: false, comment: null },
      theirs: annesWon
        ? { value: 5, notApplicable: false, comment: null }
        : { value: 1, notApplicable: false, comment: 'Kun VPN' },
      changedInVersion: start.version + 1,
      changedAt: expect.any(String),
      changedBy: { name: 'Test municipality_officer', email: winner.user.email },
    });
    expect(Math.abs(Date.parse(conflict.changedAt) - Date.now())).toBeLessThan(60_000);
    // The loser's save changed nothing: no new version, the winner's answer stands.
    expect(lost[0].version).toBe(start.version + 1);
    expect(valueOf(await current(boToken), 'access.mfa')).toBe(winner.value);

    // The loser keeps their answer by saving it again on the version the conflict came with.
    const kept = await save(annesWon ? boToken : anneToken, lost[0].version, [
      { questionKey: 'access.mfa', value: annesWon ? 1 : 5 },
    ]);
    expect(kept.conflicts).toEqual([]);
    expect(valueOf(kept, 'access.mfa')).toBe(annesWon ? 1 : 5);
  });

  it('stores the other answers of a save with a conflict, and the same answer as a colleague’s is none', async () => {
    const v1 = await save(anneToken, 0, [
      { questionKey: 'access.mfa', value: 2 },
      { questionKey: 'mobile.mdm', value: 2 },
    ]);
    // Bo still has version 0 open; Anne changes both questions.
    await save(anneToken, v1.version, [
      { questionKey: 'access.mfa', value: 4 },
      { questionKey: 'mobile.mdm', value: 3 },
    ]);
    const mixed = await save(boToken, 0, [
      { questionKey: 'access.mfa', value: 1 },
      { questionKey: 'mobile.mdm', value: 3 },
      { questionKey: 'backup.isolated', value: 5 },
    ]);
    expect(mixed.conflicts.map((c) => [c.questionKey, c.yours.value, c.theirs.value])).toEqual([
      ['access.mfa', 1, 4],
    ]);
    expect(mixed.version).toBe(3);
    expect([
      valueOf(mixed, 'access.mfa'),
      valueOf(mixed, 'mobile.mdm'),
      valueOf(mixed, 'backup.isolated'),
    ]).toEqual([4, 3, 5]);
    // A save that only repeats what is stored changes nothing, not even the version.
    const same = await save(boToken, 0, [{ questionKey: 'mobile.mdm', value: 3 }]);
    expect(same).toMatchObject({ version: 3, conflicts: [] });
    // A colleague's clearing is a change too.
    await save(anneToken, 3, [{ questionKey: 'backup.isolated', value: null }]);
    const afterClear = await save(boToken, 3, [{ questionKey: 'backup.isolated', value: 4 }]);
    expect(afterClear.conflicts).toEqual([
      expect.objectContaining({
        questionKey: 'backup.isolated',
        theirs: { value: null, notApplicable: false, comment: null },
      }),
    ]);
  });

  it('shows who changed a question when, to its own municipality only', async () => {
    await save(anneToken, 0, [{ questionKey: 'access.mfa', value: 2, comment: 'HEMMELIG' }]);
    await save(boToken, 1, [{ questionKey: 'access.mfa', value: null }]);
    await save(boToken, 2, [{ questionKey: 'mobile.mdm', value: 4 }]);
    const history = (key?: string, token = anneToken) =>
      request(base)
        .get(`${mine()}/history${key ? `?questionKey=${key}` : ''}`)
        .auth(token, { type: 'bearer' });

    const mfa = await history('access.mfa').expect(200);
    expect(mfa.body).toEqual([
      {
        questionKey: 'access.mfa',
        version: 2,
        kind: 'cleared',
        value: null,
        notApplicable: false,
        comment: null,
        changedAt: expect.any(String),
        changedBy: { name: 'Test municipality_officer', email: bo.email },
      },
      {
        questionKey: 'access.mfa',
        version: 1,
        kind: 'set',
        value: 2,
        notApplicable: false,
        comment: 'HEMMELIG',
        changedAt: expect.any(String),
        changedBy: { name: 'Test municipality_officer', email: anne.email },
      },
    ]);
    const all = await history().expect(200);
    expect(all.body.map((c: { questionKey: string; version: number }) => [c.questionKey, c.version])).toEqual(
      [
        ['mobile.mdm', 3],
        ['access.mfa', 2],
        ['access.mfa', 1],
      ],
    );
    await history('no.such-question').expect(404);

    // Another municipality's officer reads only their own municipality's (empty) history.
    const other = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 147));
    expect((await history('access.mfa', other).expect(200)).body).toEqual([]);
    expect((await history(undefined, other).expect(200)).body).toEqual([]);
    // KL, KommuneCERT and administrators have no route to any municipality's history.
    for (const role of ['kl_analyst', 'cert_analyst', 'platform_admin'] as const) {
      const token = await tokenFor(t.http, await createUser(t.db, role));
      const res = await history('access.mfa', token);
      expect(res.status).toBe(403);
      expect(res.text).not.toContain('HEMMELIG');
    }
    // An author who is no longer an officer of the municipality is not named, in the history or in a conflict.
    await t.db.query('UPDATE users SET municipality_code = 147 WHERE id = $1', [bo.id]);
    const moved = await history('access.mfa').expect(200);
    expect(moved.body[0].changedBy).toBeNull();
    const conflict = await save(anneToken, 1, [{ questionKey: 'access.mfa', value: 5 }]);
    expect(conflict.conflicts).toEqual([
      expect.objectContaining({ questionKey: 'access.mfa', changedBy: null }),
    ]);
    // The history is the municipality's data, never in the audit chain.
    const audit = await t.db.query(`SELECT details FROM audit_log WHERE action = 'response.answers-changed'`);
    expect(JSON.stringify(audit)).not.toContain('HEMMELIG');
  });

  it('backfills answers saved before the history: a save from an older version conflicts only where the value differs', async () => {
    const v2 = await save(anneToken, 0, [{ questionKey: 'access.mfa', value: 2 }]);
    await save(boToken, v2.version, [{ questionKey: 'mobile.mdm', value: 3 }]);
    // As before the migration: the answers, but no history.
    const migration = new AnswerChanges1796700000000();
    const runner = t.owner.createQueryRunner();
    try {
      await migration.down(runner);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const rows = await t.db.query(
      `SELECT q.key, c.version, c.kind, c.changed_by AS "changedBy", c.value_number AS "valueNumber"
       FROM answer_changes c JOIN questions q ON q.id = c.question_id ORDER BY q.key`,
    );
    // Each answer is one change at the response's version then, by whoever saved it last.
    expect(rows).toEqual([
      { key: 'access.mfa', version: 2, kind: 'set', changedBy: anne.id, valueNumber: '2' },
      { key: 'mobile.mdm', version: 2, kind: 'set', changedBy: bo.id, valueNumber: '3' },
    ]);
    const stale = await save(anneToken, 1, [
      { questionKey: 'mobile.mdm', value: 3 },
      { questionKey: 'access.mfa', value: 4 },
      { questionKey: 'backup.isolated', value: 1 },
    ]);
    expect(stale.conflicts.map((c) => c.questionKey)).toEqual(['access.mfa']);
    expect(valueOf(stale, 'backup.isolated')).toBe(1);
  });
});
