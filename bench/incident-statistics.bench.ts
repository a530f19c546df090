import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
/* eslint-disable no-restricted-imports -- see bench-database.ts */
import { IncidentStatisticsRepository } from '@app/incidents/statistics/incident-statistics.repository';
/* eslint-enable no-restricted-imports */
import { createBenchDatabase, median, timed } from './bench-database';

/**
 * `npm run bench` (incident statistics) / `npm run bench:incident-statistics`: the full incident
 * statistics recompute (every dimension, obligations and time buckets, stored in one transaction)
 * against one raw SQL `GROUP BY month, class` over the same 100,000 incidents, side by side.
 */
const DB = process.env.BENCH_INCIDENT_STATISTICS_DB ?? 'baseline_bench_incident_statistics';
const INCIDENTS = Number(process.env.BENCH_STATISTICS_INCIDENTS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const GOAL = 3;

async function main(): Promise<void> {
  const db = await createBenchDatabase(DB);
  // A year of incidents over the 98 municipalities: 11 classes with their types, four severities,
  // a quarter breaches, most contained and resolved, GDPR deadlines on the notifiable breaches.
  await db.query(
    `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, status, rsit_class,
       rsit_type, severity, aware_at, contained_at, resolved_at, pdb_type, pdb_notifiable)
     SELECT 'KCERT-2000-' || lpad(g::text, 6, '0'), mu.codes[1 + g % array_length(mu.codes, 1)], 'web', 'bench',
       'Hændelse ' || g, CASE WHEN g % 50 = 0 THEN 'not_an_incident' ELSE 'closed' END,
       r.cls, r.typ, (ARRAY['low', 'medium', 'high', 'critical'])[1 + g % 4], t.at,
       CASE WHEN g % 10 <> 0 THEN t.at + (g % 200) * interval '1 hour' END,
       CASE WHEN g % 5 <> 0 THEN t.at + (g % 900) * interval '1 hour' END,
       CASE WHEN g % 4 = 0 THEN (ARRAY['utilsigtet-videregivelse', 'usikker-forsendelse-opbevaring',
         'fejl-i-adgangsstyring', 'andet'])[1 + g % 3] END,
       CASE WHEN g % 4 = 0 THEN g % 3 = 0 END
     FROM generate_series(1, $1) g
     CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM municipalities) mu
     CROSS JOIN LATERAL (SELECT now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' AS at) t
     CROSS JOIN LATERAL (SELECT (ARRAY['fraud', 'fraud', 'malicious-code', 'availability', 'intrusion-attempts',
         'intrusions', 'information-content-security', 'abusive-content', 'information-gathering', 'vulnerable', 'other'])[1 + g % 11] AS cls,
       (ARRAY['phishing', 'masquerade', 'infected-system', 'ddos', 'brute-force', 'system-compromise',
         'data-leak', 'spam', 'scanner', 'vulnerable-system', 'other'])[1 + g % 11] AS typ) r`,
    [INCIDENTS],
  );
  await db.query(
    `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at, submitted_at)
     SELECT id, 'gdpr-art33', aware_at, aware_at + interval '72 hours',
            aware_at + (hashtext(id::text) & 127) * interval '1 hour'
     FROM incidents WHERE pdb_notifiable`,
  );
  await db.query('VACUUM ANALYZE');
  const repo = new IncidentStatisticsRepository(db);
  const raw = () =>
    db.query(
      `SELECT date_trunc('month', aware_at AT TIME ZONE 'Europe/Copenhagen') AS month, rsit_class, count(*)
       FROM incidents GROUP BY 1, 2`,
    );
  await raw();
  await repo.recompute(); // warm-up: caches and plans
  const platform: number[] = [];
  const baseline: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    baseline.push(await timed(raw));
    platform.push(await timed(() => repo.recompute()));
  }
  const [{ cells }] = await db.query(`SELECT count(*)::int AS cells FROM incident_statistics_cells`);
  await db.destroy();
  const result = {
    incidents: INCIDENTS,
    storedCells: cells,
    runs: RUNS,
    recomputeMs: Math.round(median(platform)),
    rawGroupByMs: Math.round(median(baseline)),
    ratio: Math.round((median(platform) / median(baseline)) * 100) / 100,
  };
  const goal = result.ratio <= GOAL;
  process.stdout.write(
    '\nincident statistics: incidents  stored cells  recompute ms  raw GROUP BY month, class ms  ratio\n',
  );
  process.stdout.write(
    `${' '.repeat(21)}${String(result.incidents).padStart(9)}${String(result.storedCells).padStart(14)}${String(result.recomputeMs).padStart(14)}${String(result.rawGroupByMs).padStart(30)}${String(result.ratio).padStart(7)}\n`,
  );
  process.stdout.write(`goal: ratio ≤ ${GOAL}: ${goal ? 'met' : 'NOT met'}\n`);
  mkdirSync('bench-results', { recursive: true });
  const out = join('bench-results', 'incident-statistics.json');
  writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), ...result, goal }, null, 2));
  process.stdout.write(`written to ${out}\n`);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
