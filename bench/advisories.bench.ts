import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { freshBenchDatabase, startBenchApi } from './bench-setup';

/**
 * `npm run bench` (advisories) / `npm run bench:advisories`.
 *
 * The advisory fan-out: KommuneCERT POSTs an advisory to all 98 municipalities, which have 3
 * active officers each (294 recipients); the clock runs from the POST until every recipient has it
 * in-app (its row in `notifications`, which is what the officer's bell and the advisory list
 * read), through the real path: the API commits and enqueues `advisories.fan-out`, the worker (in
 * this process, on the same queue backend as `npm start`: PostgreSQL, or Redis with
 * BENCH_REDIS_URL) picks it up and delivers. Without SMTP, as the demo runs.
 *
 * Side by side in the same run, the raw baseline: the same 294 notifications and delivery rows
 * written by two plain INSERT … SELECT statements over one pg connection, which is the least any
 * fan-out must do. The ratio says what the queue hop, the job and the platform's bookkeeping cost.
 */
const DB = process.env.BENCH_ADVISORIES_DB ?? 'baseline_bench_advisories';
const OFFICERS_PER_MUNICIPALITY = Number(process.env.BENCH_OFFICERS_PER_MUNICIPALITY ?? 3);
const RUNS = Number(process.env.BENCH_FANOUT_RUNS ?? 5);
const TIMEOUT_MS = 120_000;
const PASSWORD = 'bench-password-1234';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function advisoryBody(i: number, audience: Record<string, unknown>) {
  return {
    title: `Kritisk sårbarhed ${i}`,
    summary: 'En kritisk sårbarhed udnyttes aktivt. Opdatér straks.',
    body: 'Producenten har frigivet rettelser. Sårbarheden giver fjernkørsel af kode uden login.',
    severity: 'critical',
    tlp: 'green',
    products: ['Palo Alto PAN-OS 10.2'],
    cveIds: ['CVE-2024-3400'],
    recommendedActions: 'Installér rettelsen, og tjek logs for tegn på udnyttelse.',
    respondBy: new Date(Date.now() + 48 * 3_600_000).toISOString(),
    audience,
  };
}

async function main(): Promise<void> {
  const url = await freshBenchDatabase(DB);
  process.env.AUDIT_HEAD_FILE = '';
  delete process.env.SMTP_URL;
  if (process.env.BENCH_REDIS_URL) process.env.REDIS_URL = process.env.BENCH_REDIS_URL;
  else delete process.env.REDIS_URL;
  const backend = process.env.REDIS_URL ? 'Redis' : 'PostgreSQL';

  const { NestFactory } = await import('@nestjs/core');
  const { WorkerModule } = await import('../apps/worker/src/worker.module');
  const { PasswordHasher } = await import('@app/users');
  const { deliveryDedupeKey } = await import('@app/advisories');
  const { app, base, db } = await startBenchApi();
  const hash = await new PasswordHasher().hash(PASSWORD);
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, role, municipality_code, active)
     SELECT 'officer-' || m.code || '-' || n || '@bench.local', 'Officer ' || m.code || '-' || n, $1,
            'municipality_officer', m.code, true
     FROM municipalities m, generate_series(1, $2::int) n
     UNION ALL SELECT 'cert@bench.local', 'CERT', $1, 'cert_analyst', NULL, true`,
    [hash, OFFICERS_PER_MUNICIPALITY],
  );
  const [{ municipalities, recipients }] = await db.query(
    `SELECT count(DISTINCT municipality_code)::int AS municipalities, count(*)::int AS recipients
     FROM users WHERE role = 'municipality_officer' AND active`,
  );

  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  await worker.init();

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'cert@bench.local', password: PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };

  /** Sends one advisory; returns the ms until the POST answered and until `expected` have it in-app. */
  const fanOut = async (i: number, audience: Record<string, unknown>, expected: number) => {
    const started = performance.now();
    const res = await fetch(`${base}/api/v1/advisories`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(advisoryBody(i, audience)),
    });
    if (res.status !== 201) throw new Error(`advisory not sent: ${res.status} ${await res.text()}`);
    const postMs = performance.now() - started;
    const { id, version } = (await res.json()) as { id: string; version: number };
    for (;;) {
      const [{ n }] = await db.query('SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1', [
        deliveryDedupeKey(id, version),
      ]);
      if (n >= expected) return { postMs, allInAppMs: performance.now() - started, id };
      if (performance.now() - started > TIMEOUT_MS)
        throw new Error(`advisory ${id}: ${n} of ${expected} recipients after ${TIMEOUT_MS} ms`);
      await sleep(10);
    }
  };

  // Warm-up: the worker's start-up sweeps and the first connections are not the fan-out's cost.
  await fanOut(0, { municipalityCodes: [151] }, OFFICERS_PER_MUNICIPALITY);
  const runs: Array<{ postMs: number; allInAppMs: number }> = [];
  for (let i = 1; i <= RUNS; i++) {
    const run = await fanOut(i, { all: true }, recipients);
    runs.push({ postMs: round(run.postMs), allInAppMs: round(run.allInAppMs) });
  }
  // Every recipient sees it through the API as well, not only as a row (one officer checked).
  const officerLogin = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer-851-3@bench.local', password: PASSWORD }),
  });
  const officerToken = ((await officerLogin.json()) as { accessToken: string }).accessToken;
  const seen = (await (
    await fetch(`${base}/api/v1/advisories`, { headers: { authorization: `Bearer ${officerToken}` } })
  ).json()) as { items?: unknown[] } | unknown[];
  const seenCount = Array.isArray(seen) ? seen.length : (seen.items?.length ?? 0);

  // Raw baseline: the same rows for a pretend advisory, by plain SQL on one connection.
  const raw = new Client({ connectionString: url });
  await raw.connect();
  const rawRuns: number[] = [];
  const [{ id: templateId }] = await db.query('SELECT id FROM advisories ORDER BY created_at DESC LIMIT 1');
  for (let i = 1; i <= RUNS; i++) {
    const started = performance.now();
    await raw.query('BEGIN');
    await raw.query(
      `INSERT INTO notifications (user_id, dedupe_key, title, body, link)
       SELECT u.id, 'raw:' || $1::int, 'Nyt varsel', 'Kritisk sårbarhed', '/varsler/x'
       FROM advisory_targets t
       JOIN users u ON u.municipality_code = t.municipality_code AND u.role = 'municipality_officer' AND u.active
       WHERE t.advisory_id = $2
       ON CONFLICT DO NOTHING`,
      [i, templateId],
    );
    await raw.query(
      `INSERT INTO advisory_deliveries (advisory_id, version, user_id, municipality_code, mailed)
       SELECT $2, 1000 + $1::int, u.id, u.municipality_code, false
       FROM advisory_targets t
       JOIN users u ON u.municipality_code = t.municipality_code AND u.role = 'municipality_officer' AND u.active
       WHERE t.advisory_id = $2
       ON CONFLICT DO NOTHING`,
      [i, templateId],
    );
    await raw.query('COMMIT');
    rawRuns.push(performance.now() - started);
  }
  await raw.end();
  await worker.close();
  await app.close();

  const result = {
    backend,
    municipalities,
    recipients,
    runs,
    postMedianMs: median(runs.map((r) => r.postMs)),
    allInAppMedianMs: median(runs.map((r) => r.allInAppMs)),
    allInAppMaxMs: Math.max(...runs.map((r) => r.allInAppMs)),
    afterPostMedianMs: round(median(runs.map((r) => r.allInAppMs - r.postMs))),
    rawMedianMs: round(median(rawRuns)),
    ratio: round(median(runs.map((r) => r.allInAppMs)) / median(rawRuns)),
    officerSeesAdvisories: seenCount,
  };
  process.stdout.write(
    `\nadvisory fan-out: ${municipalities} municipalities × ${OFFICERS_PER_MUNICIPALITY} officers = ${recipients} recipients, queue on ${backend}, ${RUNS} runs\n`,
  );
  process.stdout.write(`POST /api/v1/advisories answered (median)     ${result.postMedianMs} ms\n`);
  process.stdout.write(
    `every recipient has it in-app (median, max)  ${result.allInAppMedianMs} ms, ${result.allInAppMaxMs} ms\n`,
  );
  process.stdout.write(`of which after the POST answered (median)     ${result.afterPostMedianMs} ms\n`);
  process.stdout.write(`raw SQL, the same rows (median)              ${result.rawMedianMs} ms\n`);
  process.stdout.write(`ratio (fan-out / raw SQL)                    ${result.ratio}\n`);
  process.stdout.write(`an officer's GET /api/v1/advisories lists    ${seenCount} advisories\n`);
  mkdirSync('bench-results', { recursive: true });
  const out = join('bench-results', 'advisories.json');
  writeFileSync(out, JSON.stringify({ measuredAt: new Date().toISOString(), ...result }, null, 2));
  process.stdout.write(`written to ${out}\n`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
