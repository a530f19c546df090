import request from 'supertest';
import { StatisticsRecomputeService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, MiniAnswers, miniQuestionnaire } from './support/mini-editions';

/** percentile_cont: linear interpolation between closest ranks (the method docs/statistics.md names). */
function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = (s.length - 1) * p;
  const lo = Math.floor(pos);
  return s[lo] + (s[Math.min(lo + 1, s.length - 1)] - s[lo]) * (pos - lo);
}
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
/** Sample standard deviation (n − 1), as stddev_samp. */
const sampleSd = (v: number[]) =>
  Math.sqrt(v.reduce((acc, x) => acc + (x - mean(v)) ** 2, 0) / (v.length - 1));
/** Score medians and quartiles are published rounded to one decimal, half away from zero (docs/statistics.md). */
const oneDecimal = (v: number) => Math.round(v * 10 + 1e-9) / 10;

// Six municipalities in Hovedstaden (1084) and two in Sjælland (1085: 253 Greve, 259 Køge).
const HOVEDSTADEN = [101, 147, 151, 153, 155, 157];
const previous: MiniAnswers = Object.fromEntries(
  [...HOVEDSTADEN, 253, 259].map((c, i) => [
    c,
    { 'a.one': 2, 'a.two': 2, 'b.old': 1 + (i % 3), 'n.attacks': 10 * (i + 1) },
  ]),
);
const current: MiniAnswers = {
  101: { 'a.one': 5, 'a.two': 4, 'b.new': 3, 'n.attacks': 100 },
  147: { 'a.one': 4, 'a.two': 'na', 'b.new': 2, 'n.attacks': 40 },
  151: { 'a.one': 1, 'a.two': 2, 'b.new': 5, 'n.attacks': 12 },
  153: { 'a.one': 3, 'a.two': 3, 'b.new': 3, 'n.attacks': 30 },
  155: { 'a.one': 2, 'a.two': 5, 'b.new': 1, 'n.attacks': 8 },
  157: { 'a.one': 4, 'a.two': 4, 'b.new': 4, 'n.attacks': 60 },
  253: { 'a.one': 5, 'a.two': 5, 'b.new': 5, 'n.attacks': 20 },
  259: { 'a.one': 1, 'a.two': 1, 'b.new': 2, 'n.attacks': 5 },
};

/** The formulas, written independently of the SQL: area = weighted mean without N/A; overall = weighted mean of areas. */
function overall(a: Record<string, number | 'na'>): number {
  const pairs: Array<[number, number | 'na']> = [
    [1, a['a.one']],
    [3, a['a.two']],
  ];
  const answered = pairs.filter(([, v]) => v !== 'na') as Array<[number, number]>;
  const areaA = answered.reduce((s, [w, v]) => s + w * v, 0) / answered.reduce((s, [w]) => s + w, 0);
  const areaB = (a['b.new'] ?? a['b.old']) as number;
  return (2 * areaA + 1 * areaB) / 3;
}

describe('Statistics formulas on a hand-made data set (e2e)', () => {
  let t: TestApp;
  let kl: string;
  let currentId: string;
  let previousId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    const editions = t.app.get(EditionsService);
    previousId = await createMiniEdition(t.db, editions, 2030, miniQuestionnaire({ key: 'b.old' }), previous);
    currentId = await createMiniEdition(
      t.db,
      editions,
      2031,
      miniQuestionnaire({ key: 'b.new', continues: 'b.old' }),
      current,
    );
    const recompute = t.app.get(StatisticsRecomputeService);
    await recompute.run(previousId);
    await recompute.run(currentId);
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
  });
  afterAll(() => t.close());

  it('computes n, mean, sd, median and quartiles of the overall index, N/A excluded and weights applied', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${currentId}/statistics/national`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const indexes = Object.values(current).map(overall);
    const m = mean(indexes);
    const sd = Math.sqrt(indexes.reduce((s, v) => s + (v - m) ** 2, 0) / (indexes.length - 1));
    expect(res.body.overall).toMatchObject({ n: 8, suppressed: false });
    expect(res.body.overall.mean).toBeCloseTo(m, 2);
    expect(res.body.overall.sd).toBeCloseTo(sd, 2);
    // The median of these eight, 3.25, lies between two of them and is published as 3.3.
    expect(res.body.overall.median).toBe(oneDecimal(percentile(indexes, 0.5)));
    expect(res.body.overall.median).toBe(3.3);
    expect(res.body.overall.q1).toBe(oneDecimal(percentile(indexes, 0.25)));
    expect(res.body.overall.q3).toBe(oneDecimal(percentile(indexes, 0.75)));
    // The lowest and highest index are one municipality's each: not published.
    expect(res.body.overall).not.toHaveProperty('min');
    expect(res.body.overall).not.toHaveProperty('max');
    // a.two has one N/A: 7 answers, mean of the seven.
    // Every question here hides level cells, so the API publishes its n only (docs/statistics.md); the
    // stored figures, which the API publishes for a question without hidden cells, are checked instead.
    const storedQuestion = async (key: string) => {
      const [row] = await t.db.query(
        `SELECT n, mean::float8, sd::float8, median::float8, q1::float8, q3::float8 FROM edition_statistics
         WHERE edition_id = $1 AND scope_type = 'national' AND subject_type = 'question' AND subject_key = $2`,
        [currentId, key],
      );
      return row;
    };
    const published = res.body.questions.find((q: { key: string }) => q.key === 'a.two');
    expect(published).toMatchObject({ n: 7, mean: null, sd: null, median: null, q1: null, q3: null });
    const two = await storedQuestion('a.two');
    expect(two.n).toBe(7);
    expect(two.mean).toBeCloseTo(mean([4, 2, 3, 5, 4, 5, 1]), 2);
    // Question quartiles come from level counts; they must equal percentile_cont over the answers.
    const one = await storedQuestion('a.one');
    const oneValues = Object.values(current).map((a) => a['a.one'] as number);
    expect(one.median).toBeCloseTo(percentile(oneValues, 0.5), 3);
    expect(one.q1).toBeCloseTo(percentile(oneValues, 0.25), 3);
    expect(one.q3).toBeCloseTo(percentile(oneValues, 0.75), 3);
    expect(one.sd).toBeCloseTo(sampleSd(oneValues), 2);
    const attacks = res.body.numbers.find((q: { key: string }) => q.key === 'n.attacks');
    const attackAnswers = [100, 40, 12, 30, 8, 60, 20, 5];
    expect(attacks).toMatchObject({ n: 8, suppressed: false });
    expect(attacks.mean).toBeCloseTo(mean(attackAnswers), 3);
    expect(attacks.sd).toBeCloseTo(sampleSd(attackAnswers), 2);
    // Number questions publish no order statistic: with whole numbers each is a municipality's answer.
    for (const f of ['median', 'q1', 'q3']) expect(attacks).not.toHaveProperty(f);
    // Nor are they stored, in any scope, for a reader of the table to find.
    const stored = await t.db.query(
      `SELECT scope_type, scope_key, subject_key FROM edition_statistics
       WHERE subject_type = 'number' AND (median IS NOT NULL OR q1 IS NOT NULL OR q3 IS NOT NULL)`,
    );
    expect(stored).toEqual([]);
  });

  it('compares year on year by question key, following a renamed question to the key it continues', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${currentId}/statistics/national`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const renamed = res.body.questions.find((q: { key: string }) => q.key === 'b.new');
    const before = mean(Object.values(previous).map((a) => a['b.old'] as number));
    const now = mean(Object.values(current).map((a) => a['b.new'] as number));
    // b.old and b.new both hide level cells (eight answers over three or five levels), so the API withholds
    // b.new's mean, previousMean and delta; the stored means of the two keys are compared instead.
    const [old, renamedStored] = await Promise.all(
      [previousId, currentId].map(async (id, i) => {
        const [row] = await t.db.query(
          `SELECT mean::float8 FROM edition_statistics WHERE edition_id = $1 AND scope_type = 'national'
           AND subject_type = 'question' AND subject_key = $2`,
          [id, i === 0 ? 'b.old' : 'b.new'],
        );
        return row.mean as number;
      }),
    );
    expect(old).toBeCloseTo(before, 2);
    expect(renamedStored).toBeCloseTo(now, 2);
    expect(renamed).toMatchObject({ mean: null, previousMean: null, meanDelta: null });
    expect(res.body.overall.previousMean).toBeCloseTo(mean(Object.values(previous).map(overall)), 2);
    expect(res.body.participation).toMatchObject({ participants: 8, previousParticipants: 8 });
  });

  it('suppresses a region with fewer than K participants, and its complement', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${currentId}/statistics/regions`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const byKey = Object.fromEntries(res.body.groups.map((g: { key: string }) => [g.key, g]));
    expect(byKey['1085'].overall).toEqual(expect.objectContaining({ suppressed: true, mean: null, n: null }));
    expect(byKey['1085'].participants).toBeNull();
    // Sjælland alone hidden could be recovered from the national figure and Hovedstaden's, so Hovedstaden is hidden too.
    expect(byKey['1084'].overall).toEqual(expect.objectContaining({ suppressed: true, mean: null }));
    // Once a row hides anything, its empty regions are hidden too: a 0 beside hidden cells would tell
    // that the hidden ones hold at least one municipality each, and narrow them down.
    expect(byKey['1081'].overall).toEqual(expect.objectContaining({ suppressed: true, n: null, mean: null }));
    expect(byKey['1081']).toMatchObject({ participants: null, participationSuppressed: true });
  });

  it('hides answer-level counts under K and a complement', async () => {
    const res = await request(t.http)
      .get(`/api/v1/editions/${currentId}/statistics/national`)
      .auth(kl, { type: 'bearer' })
      .expect(200);
    const one = res.body.questions.find((q: { key: string }) => q.key === 'a.one');
    // a.one: levels 1:2, 2:1, 3:1, 4:2, 5:2 – every non-empty level is under K=5.
    expect(
      one.distribution.every(
        (d: { suppressed: boolean; count: number | null }) => d.suppressed && d.count === null,
      ),
    ).toBe(true);
  });
});
