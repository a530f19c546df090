import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
/* eslint-disable no-restricted-imports -- see bench-database.ts */
import { StatisticsRepository } from '@app/statistics/statistics.repository';
/* eslint-enable no-restricted-imports */
import { createBenchDatabase, median, timed } from './bench-database';

/**
 * `npm run bench`: the platform's full statistics recompute against one raw SQL GROUP BY of the
 * per-question means over the same answers, measured side by side in one run on this machine.
 * Sizes: 98 municipalities × 150 questions, and 10,000 × 150 (1.5 million answers).
 */
const DB = 'baseline_bench';
const QUESTIONS = 150;
const CASES = [
  { name: 'default', municipalities: 98 },
  { name: 'scale', municipalities: Number(process.env.BENCH_SCALE_MUNICIPALITIES ?? 10_000) },
];
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** A synthetic closed edition: M municipalities (synthetic ones beyond the real 98), Q scale questions in 10 areas. */
async function createSyntheticEdition(db: DataSource, year: number, municipalities: number): Promise<string> {
  await db.query(
    `INSERT INTO municipalities (code, name, region_code, population, population_year)
     SELECT 1000 + g, 'Syntetisk ' || g, 1081 + g % 5, 5000 + (g * 7919) % 200000, 2023
     FROM generate_series(0, $1 - 99) g ON CONFLICT DO NOTHING`,
    [municipalities],
  );
  const [{ id: surveyId }] = await db.query(
    `INSERT INTO surveys (key, title) VALUES ('baseline', 'Baseline') ON CONFLICT (key) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
  );
  const [{ id }] = await db.query(
    `INSERT INTO editions (survey_id, year, title, status, questionnaire_source) VALUES ($1, $2, $3, 'draft', 'bench') RETURNING id`,
    [surveyId, year, `Bench ${year}`],
  );
  await db.query(
    `INSERT INTO scale_levels (edition_id, value, label_da, description_da) SELECT $1, v, 'L' || v, '-' FROM generate_series(1, 5) v`,
    [id],
  );
  await db.query(
    `INSERT INTO areas (edition_id, key, position, title_da, weight) SELECT $1, 'area-' || a, a, 'Område ' || a, 1 FROM generate_series(1, 10) a`,
    [id],
  );
  await db.query(
    `INSERT INTO questions (edition_id, area_id, key, position, type, text_da, required, allow_not_applicable, weight)
     SELECT $1, ar.id, 'q.' || q, q, 'scale', 'Spørgsmål ' || q, true, true, 1 + q % 2
     FROM generate_series(1, $2) q JOIN areas ar ON ar.edition_id = $1 AND ar.key = 'area-' || (1 + q % 10)`,
    [id, QUESTIONS],
  );
  await db.query(
    `UPDATE editions SET status = 'closed', closes_at = now(), closed_at = now() WHERE id = $1`,
    [id],
  );
  const codes = `(SELECT code FROM municipalities ORDER BY code LIMIT $2)`;
  await db.query(
    `INSERT INTO responses (edition_id, municipality_code, status, version, submitted_at)
     SELECT $1, code, 'submitted', 1, now() FROM ${codes} c`,
    [id, municipalities],
  );
  await db.query(
    `INSERT INTO answers (response_id, question_id, value_number, not_applicable)
     SELECT r.id, q.id,
            CASE WHEN (hashtext(r.id::text || q.id::text) & 1023) < 20 THEN NULL ELSE 1 + (hashtext(q.id::text || r.id::text) & 2147483647) % 5 END,
            (hashtext(r.id::text || q.id::text) & 1023) < 20
     FROM responses r CROSS JOIN questions q
     WHERE r.edition_id = $1 AND q.edition_id = $1`,
    [id],
  );
  await db.query('ANALYZE');
  return id;
}

async function main(): Promise<void> {
  const db = await createBenchDatabase(DB);
  const stats = new StatisticsRepository(db);

  const results = [];
  for (const [i, c] of CASES.entries()) {
    const editionId = await createSyntheticEdition(db, 3000 + i, c.municipalities);
    const [{ answers }] = await db.query(
      `SELECT count(*)::int AS answers FROM answers a JOIN responses r ON r.id = a.response_id WHERE r.edition_id = $1`,
      [editionId],
    );
    const raw = () =>
      db.query(
        `SELECT q.key, avg(a.value_number) FROM answers a
         JOIN responses r ON r.id = a.response_id JOIN questions q ON q.id = a.question_id
         WHERE r.edition_id = $1 AND NOT a.not_applicable GROUP BY q.key`,
        [editionId],
      );
    await raw();
    await stats.recompute(editionId); // warm-up: caches and plans
    const platform: number[] = [];
    const baseline: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      baseline.push(await timed(raw));
      platform.push(await timed(() => stats.recompute(editionId)));
    }
    const result = {
      case: c.name,
      municipalities: c.municipalities,
      questions: QUESTIONS,
      answers,
      recomputeMs: Math.round(median(platform)),
      rawGroupByMs: Math.round(median(baseline)),
      ratio: Math.round((median(platform) / median(baseline)) * 100) / 100,
    };
    results.push(result);
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  await db.destroy();

  const [small, large] = results;
  const growth = {
    answersFactor: Math.round((large.answers / small.answers) * 10) / 10,
    recomputeFactor: Math.round((large.recomputeMs / small.recomputeMs) * 10) / 10,
    rawFactor: Math.round((large.rawGroupByMs / small.rawGroupByMs) * 10) / 10,
  };
  const goals = {
    ratioAtScale: large.ratio <= 1.5,
    growthNoWorseThanLinear: growth.recomputeFactor <= growth.answersFactor,
  };
  process.stdout.write('\ncase      municipalities  answers     recompute ms  raw GROUP BY ms  ratio\n');
  for (const r of results) {
    process.stdout.write(
      `${r.case.padEnd(10)}${String(r.municipalities).padStart(14)}${String(r.answers).padStart(10)}${String(r.recomputeMs).padStart(15)}${String(r.rawGroupByMs).padStart(17)}${String(r.ratio).padStart(7)}\n`,
    );
  }
  process.stdout.write(
    `\ngrowth small → scale: answers ×${growth.answersFactor}, recompute ×${growth.recomputeFactor}, raw ×${growth.rawFactor}\n`,
  );
  process.stdout.write(
    `goals: ratio ≤ 1.5 at scale: ${goals.ratioAtScale ? 'met' : 'NOT met'}; growth no worse than linear: ${goals.growthNoWorseThanLinear ? 'met' : 'NOT met'}\n`,
  );
  mkdirSync('bench-results', { recursive: true });
  const out = join('bench-results', 'statistics.json');
  writeFileSync(
    out,
    JSON.stringify({ measuredAt: new Date().toISOString(), runs: RUNS, results, growth, goals }, null, 2),
  );
  process.stdout.write(`written to ${out}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
