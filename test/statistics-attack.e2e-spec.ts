import request from 'supertest';
import { seedDemoStatistics } from './support/demo-statistics';
import { createTestApp, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { pinnedCells, PublishedRow, solutions } from './support/hidden-level-solver';

/** One published scope of one year: its members (public reference data) and its order statistics per subject. */
interface Scope {
  label: string;
  year: number;
  members: Set<number>;
  /** subject ('overall', 'area:<key>' or 'number:<key>') → published median, quartiles and any min/max. */
  figures: Map<string, number[]>;
}

type Scores = Map<number, Map<string, number>>; // municipality → subject → score or number answer

type Figure = number | null;
interface NationalQuestion {
  key: string;
  n: Figure;
  mean: Figure;
  sd: Figure;
  median: Figure;
  q1: Figure;
  q3: Figure;
  previousMean: Figure;
  meanDelta: Figure;
  distribution: Array<{ level: number; count: Figure }>;
}
interface NationalBody {
  questions: NationalQuestion[];
}

const ORDER_STATISTICS = ['median', 'q1', 'q3', 'min', 'max'] as const;
/** The national order statistics of number questions as a municipality's own page shows them. */
const OWN_PAGE_ORDER_STATISTICS = ['nationalMedian', 'nationalQ1', 'nationalQ3'] as const;
const isNumber = (subject: string) => subject.startsWith('number:');
/** A municipality sees its own scores to three decimals: that is the value an attacker is after. */
const OWN_DECIMALS = 3;
const at3 = (v: number) => Math.round(v * 10 ** OWN_DECIMALS) / 10 ** OWN_DECIMALS;
const decimalsOf = (v: number) => (String(v).split('.')[1] ?? '').length;

/** Size classes from the population, written here independently of municipality_size_class(). */
const sizeClassOf = (population: number) =>
  population < 30_000
    ? 'under-30k'
    : population < 50_000
      ? '30k-50k'
      : population < 100_000
        ? '50k-100k'
        : '100k-plus';

/**
 * The attack of issue 8: read every published figure as an outsider, intersect every pair of published
 * scopes (national, regions, size classes, across both years) and claim that a figure both scopes share is
 * the score of the one municipality in their intersection. Scores are computed independently from the
 * answers to judge the claims.
 */
describe('Order statistics against an intersection attack (e2e)', () => {
  let t: TestApp;
  const ids: Record<number, string> = {};
  const scopes: Scope[] = [];
  const actual = new Map<number, Scores>(); // year → scores of its participants
  const extremes: string[] = []; // min/max of a continuous score seen in any response
  const nationals: Array<{ year: number; reader: string; body: NationalBody }> = []; // as each reader saw them

  beforeAll(async () => {
    t = await createTestApp();
    Object.assign(ids, await seedDemoStatistics(t));

    const municipalities: Array<{ code: number; region: number; population: number }> = await t.db.query(
      'SELECT code, region_code AS region, population FROM municipalities',
    );
    const membersOf = (test: (m: (typeof municipalities)[number]) => boolean) =>
      new Set(municipalities.filter(test).map((m) => m.code));

    // Another municipality's officer and KL both read everything published.
    const readers = [
      await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 101)),
      await tokenFor(t.http, await createUser(t.db, 'kl_analyst')),
    ];
    for (const year of [2023, 2024]) {
      for (const token of readers) {
        const get = async (path: string) =>
          (
            await request(t.http)
              .get(`/api/v1/editions/${ids[year]}/statistics/${path}`)
              .auth(token, { type: 'bearer' })
              .expect(200)
          ).body;
        const national = await get('national');
        nationals.push({ year, reader: token, body: national });
        const figures = figuresOf(national.overall, national.areas, national.numbers);
        if (token === readers[0]) {
          // The officer's own page repeats the national figures of number questions next to its answers.
          const own = await request(t.http)
            .get(`/api/v1/editions/${ids[year]}/statistics/municipalities/101`)
            .auth(token, { type: 'bearer' });
          for (const n of own.status === 200 ? own.body.numbers : []) {
            const values = OWN_PAGE_ORDER_STATISTICS.map((s) => n[s]).filter((v) => typeof v === 'number');
            figures.get(`number:${n.key}`)!.push(...values);
          }
        }
        scopes.push({ label: `${year} national`, year, members: membersOf(() => true), figures });
        for (const [path, member] of [
          ['regions', (g: string) => membersOf((m) => String(m.region) === g)],
          ['size-classes', (g: string) => membersOf((m) => sizeClassOf(m.population) === g)],
        ] as const) {
          for (const group of (await get(path)).groups) {
            scopes.push({
              label: `${year} ${path} ${group.key}`,
              year,
              members: member(group.key),
              figures: figuresOf(group.overall, group.areas),
            });
          }
        }
      }
      actual.set(year, await scoresFromAnswers(ids[year]));
    }
  });
  afterAll(() => t.close());

  function figuresOf(
    overall: Record<string, number | null>,
    areas: Array<Record<string, number | null> & { key: string }>,
    numbers: Array<Record<string, number | null> & { key: string }> = [],
  ): Map<string, number[]> {
    const values = (cell: Record<string, number | null>) => {
      for (const extreme of ['min', 'max']) if (extreme in cell) extremes.push(`${extreme} ${cell[extreme]}`);
      return ORDER_STATISTICS.map((s) => cell[s]).filter((v): v is number => typeof v === 'number');
    };
    return new Map([
      ['overall', values(overall)],
      ...areas.map((a) => [`area:${a.key}`, values(a)] as [string, number[]]),
      ...numbers.map((q) => [`number:${q.key}`, values(q)] as [string, number[]]),
    ]);
  }

  /** Area score = Σ w·v / Σ w over answered, non-N/A scored questions; overall = Σ wa·area / Σ wa. */
  async function scoresFromAnswers(editionId: string): Promise<Scores> {
    const rows: Array<{ mun: number; subject: string; score: string }> = await t.db.query(
      `WITH qa AS (
         SELECT r.municipality_code AS mun, ar.key AS akey, ar.weight::numeric AS aw, q.weight::numeric AS w, a.value_number AS v
         FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
         JOIN areas ar ON ar.id = q.area_id
         WHERE r.edition_id = $1 AND r.status = 'submitted' AND q.type = 'scale' AND q.weight > 0 AND NOT a.not_applicable),
       area AS (SELECT mun, akey, aw, sum(w * v) / sum(w) AS s FROM qa GROUP BY 1, 2, 3)
       SELECT mun, 'area:' || akey AS subject, s AS score FROM area
       UNION ALL
       SELECT mun, 'overall', sum(aw * s) / sum(aw) FROM area GROUP BY mun
       UNION ALL
       SELECT r.municipality_code, 'number:' || q.key, a.value_number
       FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
       WHERE r.edition_id = $1 AND r.status = 'submitted' AND q.type = 'number' AND NOT a.not_applicable
         AND a.value_number IS NOT NULL`,
      [editionId],
    );
    const scores: Scores = new Map();
    for (const r of rows) {
      if (!scores.has(r.mun)) scores.set(r.mun, new Map());
      scores.get(r.mun)!.set(r.subject, Number(r.score));
    }
    return scores;
  }

  it('publishes no minimum or maximum of the overall index or the area scores', () => {
    expect(scopes).toHaveLength(2 * 2 * (1 + 5 + 4));
    expect(extremes).toEqual([]);
    // The attack below has figures to work with: every national scope publishes medians and quartiles.
    // Number questions (attacks per day, breaches) are published nationally and attacked too.
    for (const scope of scopes.filter((s) => s.label.endsWith('national'))) {
      expect(scope.figures.get('overall')).toHaveLength(3);
      expect([...scope.figures.keys()].filter(isNumber).length).toBeGreaterThan(0);
    }
  });

  /**
   * The attacker reads the precision off the published figures. A figure pins a score only when it is
   * published to the three decimals the municipality sees, and equals it there; a figure rounded to
   * one decimal (docs/statistics.md) only says that some score lies within ±0.05 of it.
   */
  const publishedDecimals = () =>
    Math.max(
      ...scopes.flatMap((s) =>
        [...s.figures].flatMap(([subject, values]) => (isNumber(subject) ? [] : values.map(decimalsOf))),
      ),
    );
  /** A number answer is a count the municipality sees exactly: equality pins it, whatever the precision. */
  const pins = (subject: string, v: number, score: number | undefined, decimals: number) =>
    score !== undefined && (isNumber(subject) ? score === v : decimals >= OWN_DECIMALS && at3(score) === v);

  it('recovers no individual score or number answer from any published order statistic', () => {
    // A figure that pins the score of exactly one participant of its scope is that municipality's value.
    const individual: string[] = [];
    const decimals = publishedDecimals();
    for (const scope of scopes) {
      const scores = actual.get(scope.year)!;
      for (const [subject, values] of scope.figures) {
        for (const v of values) {
          const holders = [...scope.members].filter((m) =>
            pins(subject, v, scores.get(m)?.get(subject), decimals),
          );
          if (holders.length === 1) individual.push(`${scope.label} ${subject} ${v} = ${holders[0]}`);
        }
      }
    }
    expect(individual).toEqual([]);
  });

  it('recovers no individual score by intersecting any pair of published scopes', () => {
    let isolating = 0;
    const decimals = publishedDecimals();
    const recovered: string[] = [];
    for (const [i, a] of scopes.entries()) {
      for (const b of scopes.slice(i + 1)) {
        const common = [...a.members].filter((m) => b.members.has(m));
        if (common.length !== 1) continue;
        const [m] = common;
        isolating++;
        for (const [subject, values] of a.figures) {
          for (const v of values.filter((x) => b.figures.get(subject)?.includes(x))) {
            for (const year of new Set([a.year, b.year])) {
              if (pins(subject, v, actual.get(year)!.get(m)?.get(subject), decimals))
                recovered.push(`${year} ${m} ${subject} = ${v}`);
            }
          }
        }
      }
    }
    expect([...new Set(recovered)]).toEqual([]);
    // Region × size-class cells with one municipality (Aarhus, Odense, …) give the attacker candidates.
    expect(isolating).toBeGreaterThan(0);
  });

  /** Answers per level of every scored question, from the answers: the truth the solver is judged by. */
  async function countsFromAnswers(editionId: string): Promise<Map<string, Map<number, number>>> {
    const rows: Array<{ key: string; level: number; count: string }> = await t.db.query(
      `SELECT q.key, a.value_number::int AS level, count(*) AS count
       FROM answers a JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
       WHERE r.edition_id = $1 AND r.status = 'submitted' AND q.type = 'scale' AND NOT a.not_applicable
         AND a.value_number IS NOT NULL
       GROUP BY 1, 2`,
      [editionId],
    );
    const counts = new Map<string, Map<number, number>>();
    for (const r of rows) counts.set(r.key, (counts.get(r.key) ?? new Map()).set(r.level, Number(r.count)));
    return counts;
  }

  it('leaves no hidden level cell of a question solvable from its n, mean, sd, median and quartiles', async () => {
    const pinned: string[] = [];
    let rowsWithHiddenCells = 0;
    for (const { year, reader, body } of nationals) {
      const truth = await countsFromAnswers(ids[year]);
      // The same reader's other year: its previousMean and meanDelta speak about this year's mean too.
      const other = nationals.find((x) => x.year !== year && x.reader === reader);
      for (const q of body.questions) {
        if (!q.distribution.some((d) => d.count === null)) continue;
        rowsWithHiddenCells++;
        const later = year === 2023 ? other?.body.questions.find((x) => x.key === q.key) : undefined;
        const otherMeans = [
          later?.previousMean ?? null,
          later && later.mean !== null && later.meanDelta !== null ? later.mean - later.meanDelta : null,
          q.previousMean !== null && q.meanDelta !== null ? q.previousMean + q.meanDelta : null,
        ].filter((m): m is number => m !== null);
        const row: PublishedRow = {
          label: `${year} national ${q.key}`,
          levels: q.distribution.map((d) => ({ level: d.level, count: d.count })),
          n: q.n,
          mean: q.mean,
          sd: q.sd,
          median: q.median,
          q1: q.q1,
          q3: q.q3,
          otherMeans: otherMeans.map((m) => Math.round(m * 1000) / 1000),
        };
        const found = solutions(row);
        if (found === null) continue;
        // The solver is sound: the true counts are among its solutions.
        const actual = q.distribution
          .filter((d) => d.count === null)
          .map((d) => truth.get(q.key)?.get(d.level) ?? 0);
        expect(found).toContainEqual(actual);
        pinned.push(...pinnedCells(row, found));
      }
    }
    expect(rowsWithHiddenCells).toBeGreaterThan(0);
    expect([...new Set(pinned)]).toEqual([]);
  });
});
