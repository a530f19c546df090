import request from 'supertest';
import { NationalFigures, StatisticsRecomputeService, StatisticsService } from '@app/statistics';
import { EditionsService } from '@app/surveys';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, tokenFor } from './support/factories';
import { createMiniEdition, MiniAnswers, miniQuestionnaire } from './support/mini-editions';
import { pinnedCells, solutions } from './support/hidden-level-solver';

const K = 5;
const answer = (one: number, two: number | 'na', b: number, attacks: number) => ({
  'a.one': one,
  'a.two': two,
  'b.x': b,
  'n.attacks': attacks,
});

/**
 * Editions with 0, 1, 2, 4, 5 and 6 participants, one a year, each the previous edition of the next.
 * 751 Aarhus (Midtjylland) is the lone participant of the first; the six-participant edition puts five
 * in Hovedstaden and one in Sjælland, and two of them give all six answers at level 1.
 */
const EDITIONS: Array<{ year: number; answers: MiniAnswers }> = [
  { year: 2040, answers: {} },
  { year: 2041, answers: { 751: answer(3, 4, 2, 7) } },
  { year: 2042, answers: { 101: answer(4, 4, 3, 10), 851: answer(2, 'na', 5, 3) } },
  {
    year: 2043,
    answers: {
      101: answer(4, 4, 3, 10),
      147: answer(4, 3, 3, 12),
      151: answer(5, 4, 2, 4),
      751: answer(1, 'na', 4, 9),
    },
  },
  {
    year: 2044,
    answers: {
      101: answer(4, 4, 3, 10),
      147: answer(4, 4, 3, 12),
      151: answer(4, 4, 2, 4),
      153: answer(3, 4, 4, 9),
      851: answer(2, 'na', 4, 6),
    },
  },
  {
    year: 2045,
    answers: {
      101: answer(4, 4, 3, 10),
      147: answer(4, 4, 3, 12),
      151: answer(4, 3, 2, 4),
      153: answer(4, 4, 4, 9),
      155: answer(1, 1, 1, 6),
      253: answer(1, 1, 1, 1),
    },
  },
];

type Breakdown = Awaited<ReturnType<StatisticsService['breakdownOf']>>;
type Group = Breakdown['groups'][number];
/** What the API returns, as the service types it (JSON turns its dates into strings). */
interface Published {
  national: NationalFigures;
  regions: Breakdown;
  sizeClasses: Breakdown;
}
/** A published row of cells that add up to a total the attacker may know. */
interface Row {
  label: string;
  cells: Array<{ key: string | number; value: number | null; suppressed: boolean }>;
  total: number | null;
}

const FIGURES = ['n', 'mean', 'sd', 'median', 'q1', 'q3'] as const;

describe('Small editions publish nothing that describes fewer than K municipalities (e2e)', () => {
  let t: TestApp;
  let kl: string;
  const ids: Record<number, string> = {};
  const published: Record<number, Published> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    const editions = t.app.get(EditionsService);
    const recompute = t.app.get(StatisticsRecomputeService);
    for (const { year, answers } of EDITIONS) {
      ids[year] = await createMiniEdition(t.db, editions, year, miniQuestionnaire({ key: 'b.x' }), answers);
      await recompute.run(ids[year]);
    }
    kl = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    for (const { year, answers } of EDITIONS) {
      const small = Object.keys(answers).length < K;
      await request(t.http)
        .post(`/api/v1/editions/${ids[year]}/publish`)
        .auth(kl, { type: 'bearer' })
        .send(small ? { confirmSmallEdition: true } : {})
        .expect(200);
    }
    // An officer of a municipality that took part in none of them reads what is published.
    const officer = await tokenFor(t.http, await createUser(t.db, 'municipality_officer', 461));
    const get = async (year: number, path: string) =>
      (
        await request(t.http)
          .get(`/api/v1/editions/${ids[year]}/statistics/${path}`)
          .auth(officer, { type: 'bearer' })
          .expect(200)
      ).body;
    for (const { year } of EDITIONS) {
      published[year] = {
        national: await get(year, 'national'),
        regions: await get(year, 'regions'),
        sizeClasses: await get(year, 'size-classes'),
      };
    }
  });
  afterAll(() => t.close());

  describe('publishing', () => {
    it('refuses to publish an edition with fewer than K participants unless KL confirms it, naming the count', async () => {
      const editions = t.app.get(EditionsService);
      const id = await createMiniEdition(t.db, editions, 2050, miniQuestionnaire({ key: 'b.x' }), {
        751: answer(3, 4, 2, 7),
      });
      const refused = await request(t.http)
        .post(`/api/v1/editions/${id}/publish`)
        .auth(kl, { type: 'bearer' })
        .send({})
        .expect(409);
      expect(refused.body.message).toContain('1 municipality');
      expect(refused.body.details).toMatchObject({ participants: 1, k: K });
      await request(t.http)
        .post(`/api/v1/editions/${id}/publish`)
        .auth(kl, { type: 'bearer' })
        .send({ confirmSmallEdition: 'yes' })
        .expect(400);
      const status = await t.db.query(`SELECT status FROM editions WHERE id = $1`, [id]);
      expect(status[0].status).toBe('closed');
      await request(t.http)
        .post(`/api/v1/editions/${id}/publish`)
        .auth(kl, { type: 'bearer' })
        .send({ confirmSmallEdition: true })
        .expect(200);
    });
  });

  describe.each(EDITIONS.map((e) => [Object.keys(e.answers).length, e.year] as const))(
    'an edition with %i participant(s)',
    (participants, year) => {
      const p = () => published[year];
      const groups = () => [...p().regions.groups, ...p().sizeClasses.groups];

      it(participants < K ? 'publishes nothing but "suppressed"' : 'publishes its national figures', () => {
        const { national } = p();
        if (participants >= K) {
          expect(national.participation).toMatchObject({ participants, suppressed: false });
          expect(national.overall).toMatchObject({ n: participants, suppressed: false });
          return;
        }
        expect(national.participation).toMatchObject({
          participants: null,
          sharePercent: null,
          suppressed: true,
        });
        const cells = [national.overall, ...national.areas, ...national.questions, ...national.numbers];
        for (const cell of cells) {
          expect(cell.suppressed).toBe(true);
          // Number questions have no median or quartiles at all: absent is as unpublished as null.
          const figures: Partial<Record<(typeof FIGURES)[number], number | null>> = cell;
          for (const f of FIGURES) expect(figures[f] ?? null).toBeNull();
        }
        const levels = [...national.answerLevels, ...national.questions.flatMap((q) => q.distribution)];
        for (const l of levels) expect(l).toMatchObject({ count: null, share: null, suppressed: true });
        for (const g of groups()) {
          expect(g).toMatchObject({ participants: null, participationSuppressed: true });
          for (const cell of [g.overall, ...g.areas])
            expect(cell).toMatchObject({ suppressed: true, n: null });
        }
      });

      it('shows no count of 1 to K−1 municipalities anywhere', () => {
        const { national } = p();
        const counts = [
          national.participation.participants,
          ...[national.overall, ...national.areas, ...national.questions, ...national.numbers].map(
            (c) => c.n,
          ),
          ...national.questions.flatMap((q) => q.distribution.map((d) => d.count)),
          ...groups().flatMap((g: Group) => [g.participants, g.overall.n, ...g.areas.map((a) => a.n)]),
        ];
        expect(counts.filter((n) => typeof n === 'number' && n > 0 && n < K)).toEqual([]);
      });

      it('shows a level over all questions only when K municipalities gave it', () => {
        const answers = EDITIONS.find((e) => e.year === year)!.answers;
        const givers = (level: number) =>
          Object.values(answers).filter((a) => ['a.one', 'a.two', 'b.x'].some((key) => a[key] === level))
            .length;
        const shown = p().national.answerLevels.filter((l) => !l.suppressed && (l.count ?? 0) > 0);
        expect(shown.filter((l) => givers(l.level) < K).map((l) => l.level)).toEqual([]);
      });

      it('leaves no hidden cell derivable from the total and the visible cells of its row', () => {
        expect(derivable(rowsOf(p()))).toEqual([]);
      });

      it("leaves no hidden level cell solvable from its question's n, mean, sd, median and quartiles", () => {
        const { national } = p();
        const answers = EDITIONS.find((e) => e.year === year)!.answers;
        const next = Object.values(published).find((x) => x.national.previousEdition?.year === year);
        const pinned: string[] = [];
        for (const q of national.questions.filter((x) => x.distribution.some((d) => d.suppressed))) {
          const later = next?.national.questions.find((x) => x.key === q.key);
          const row = {
            ...q,
            label: `${year} ${q.key}`,
            levels: q.distribution.map((d) => ({ level: d.level, count: d.count })),
            otherMeans: later?.previousMean != null ? [later.previousMean] : [],
          };
          const found = solutions(row);
          if (found === null) continue;
          const given = (level: number) => Object.values(answers).filter((a) => a[q.key] === level).length;
          expect(found).toContainEqual(q.distribution.filter((d) => d.suppressed).map((d) => given(d.level)));
          pinned.push(...pinnedCells(row, found));
        }
        expect(pinned).toEqual([]);
      });

      it('recovers nothing hidden in the previous edition from the year-on-year figures', () => {
        const { national } = p();
        if (!national.previousEdition) return;
        const before = published[national.previousEdition.year].national;
        expect(national.participation.previousParticipants).toBe(before.participation.participants);
        expect(national.overall.previousMean).toBe(before.overall.mean);
        for (const [i, a] of national.areas.entries()) expect(a.previousMean).toBe(before.areas[i].mean);
        for (const [i, q] of national.questions.entries())
          expect(q.previousMean).toBe(before.questions[i].mean);
        for (const [i, l] of national.answerLevels.entries()) {
          const earlier = before.answerLevels[i];
          expect(l.previousCount).toBe(earlier.count);
          expect(l.previousShare).toBe(earlier.share);
          if (earlier.suppressed || l.suppressed) {
            expect(l.countChangePercent).toBeNull();
            expect(l.shareChange).toBeNull();
          }
        }
      });
    },
  );

  /** Every row of a publication: level distributions, and participation, overall and areas across groups. */
  function rowsOf({ national, regions, sizeClasses }: Published): Row[] {
    const rows: Row[] = national.questions.map((q) => ({
      label: `question ${q.key}`,
      cells: q.distribution.map((d) => ({ key: d.level, value: d.count, suppressed: d.suppressed })),
      total: q.n,
    }));
    rows.push({
      label: 'all answers',
      cells: national.answerLevels.map((d) => ({
        key: d.level,
        value: d.count,
        suppressed: d.suppressed,
      })),
      total: null,
    });
    for (const breakdown of [regions, sizeClasses]) {
      const across = (
        label: string,
        pick: (g: Group) => { value: number | null; suppressed: boolean },
        total: number | null,
      ) =>
        rows.push({
          label: `${breakdown.scope} ${label}`,
          cells: breakdown.groups.map((g: Group) => ({ key: g.key, ...pick(g) })),
          total,
        });
      across(
        'participation',
        (g) => ({ value: g.participants, suppressed: g.participationSuppressed }),
        national.participation.participants,
      );
      across(
        'overall n',
        (g) => ({ value: g.overall.n, suppressed: g.overall.suppressed }),
        national.overall.n,
      );
      for (const [i, area] of national.areas.entries())
        across(
          `area ${area.key} n`,
          (g) => ({ value: g.areas[i].n, suppressed: g.areas[i].suppressed }),
          area.n,
        );
    }
    return rows;
  }

  /**
   * The attacker's derivations. If any row shows a 0 beside a hidden cell, hidden cells are known to be
   * non-empty. A hidden cell is pinned when it is the only hidden one of its row (the total, or the zeros
   * around it, give it away), or when the hidden cells must each hold exactly the lower bound.
   */
  function derivable(rows: Row[]): string[] {
    const zerosBesideHidden = rows.some(
      (r) => r.cells.some((c) => c.suppressed) && r.cells.some((c) => !c.suppressed && c.value === 0),
    );
    const lowest = zerosBesideHidden ? 1 : 0;
    const found: string[] = [];
    for (const row of rows) {
      const hidden = row.cells.filter((c) => c.suppressed);
      if (hidden.length === 0 || hidden.length === row.cells.length) continue;
      const visible = row.cells.reduce((s, c) => s + (c.suppressed ? 0 : (c.value ?? 0)), 0);
      const rest = row.total === null ? null : row.total - visible;
      if (hidden.length === 1) found.push(`${row.label}: ${hidden[0].key} is the only hidden cell`);
      else if (rest !== null && rest === lowest * hidden.length)
        found.push(`${row.label}: ${hidden.length} hidden cells hold ${rest}, ${lowest} each`);
    }
    return found;
  }
});
