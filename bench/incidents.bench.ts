import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { IncidentStatus } from '@app/incidents';
import { freshBenchDatabase, startBenchApi } from './bench-setup';

/**
 * `npm run bench` (incidents) / `npm run bench:incidents`.
 *
 * 1. Intake: 5,000 reports POSTed to /api/v1/incidents by 20 officers' JWTs at concurrency 20,
 *    against, in the same run, the same rows written with raw `pg` over the same number of
 *    connections (20; the API's pool is set to 20 too). The raw baseline does what a minimal correct
 *    intake must, in one transaction per report: take the year's reference number (row-locking
 *    upsert of the counter), INSERT the incident, INSERT its obligations (the report's GDPR Art. 33
 *    deadline, when it has one) and INSERT the "reported" timeline event. It skips what the platform
 *    adds beyond that (validation, authentication, idempotency keys, the audit chain, the response).
 * 2. The KommuneCERT work queue: GET /api/v1/incidents with the queue's filters, page 1, at 100,000
 *    incidents (bulk-inserted by SQL), with EXPLAIN ANALYZE of the list's queries.
 */
const DB = process.env.BENCH_INCIDENTS_DB ?? 'baseline_bench_incidents';
const REPORTS = Number(process.env.BENCH_INTAKE_REPORTS ?? 5_000);
const CONCURRENCY = Number(process.env.BENCH_INTAKE_CONCURRENCY ?? 20);
const QUEUE_INCIDENTS = Number(process.env.BENCH_QUEUE_INCIDENTS ?? 100_000);
const QUEUE_RUNS = Number(process.env.BENCH_QUEUE_RUNS ?? 40);
const PASSWORD = 'bench-password-1234';

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const round = (x: number) => Math.round(x * 10) / 10;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Runs `count` tasks with at most `concurrency` at once; returns each task's latency in ms. */
async function pool(count: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      for (let i = next++; i < count; i = next++) latencies.push(await timed(() => task(i)));
      return worker;
    }),
  );
  return { latencies, seconds: (Date.now() - started) / 1000 };
}

/** One report of the intake: the minimal body of the issue, a third with a notifiable breach. */
function reportBody(i: number, now: number) {
  const awareAt = new Date(now - (1 + (i % 48)) * 3_600_000).toISOString();
  return {
    title: `Phishing-mail ${i}`,
    description: 'Medarbejdere har modtaget en mail med et falsk login-link.',
    awareAt,
    rsitClass: 'fraud',
    rsitType: 'phishing',
    severity: 'medium',
    tlp: 'amber',
    nis2Significant: 'no',
    ...(i % 3 === 0
      ? {
          personalDataBreach: {
            type: 'utilsigtet-videregivelse',
            nature: ['confidentiality'],
            approxSubjects: 40,
            approxRecords: 40,
            specialCategories: [],
            notifiable: true,
          },
        }
      : {}),
  };
}

async function main(): Promise<void> {
  const url = await freshBenchDatabase(DB);
  process.env.DATABASE_POOL_MAX = String(Math.max(2, CONCURRENCY));
  delete process.env.REDIS_URL;

  const { PasswordHasher } = await import('@app/users');
  const { planObligations } = await import('@app/incidents');
  // The bench EXPLAINs the repository's own list SQL, so it reaches past the lib's index on purpose.
  const { IncidentsRepository } = await import('@app/incidents/incidents.repository');
  const { app, base, db } = await startBenchApi();
  const codes: number[] = (
    await db.query('SELECT code FROM municipalities ORDER BY code LIMIT $1', [CONCURRENCY])
  ).map((r: { code: number }) => r.code);
  const hash = await new PasswordHasher().hash(PASSWORD);
  await db.query(
    `INSERT INTO users (email, display_name, password_hash, role, municipality_code, active)
     SELECT 'officer-' || c || '@bench.local', 'Officer ' || c, $1, 'municipality_officer', c, true
     FROM unnest($2::smallint[]) c
     UNION ALL SELECT 'cert@bench.local', 'CERT', $1, 'cert_analyst', NULL, true`,
    [hash, codes],
  );
  const login = async (email: string) => {
    const res = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const tokens = await Promise.all(codes.map((c) => login(`officer-${c}@bench.local`)));
  const certToken = await login('cert@bench.local');
  const [{ id: certId }] = await db.query(`SELECT id FROM users WHERE email = 'cert@bench.local'`);
  const officerIds = new Map<number, string>(
    (await db.query(`SELECT municipality_code, id FROM users WHERE municipality_code IS NOT NULL`)).map(
      (r: { municipality_code: number; id: string }) => [r.municipality_code, r.id],
    ),
  );

  // ---- 1. Intake -------------------------------------------------------------------------------
  const now = Date.now();
  const post = async (i: number) => {
    const res = await fetch(`${base}/api/v1/incidents`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % tokens.length]}` },
      body: JSON.stringify(reportBody(i, now)),
    });
    if (res.status !== 201) throw new Error(`intake ${i}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
  };
  const raw = new Pool({ connectionString: url, max: CONCURRENCY, application_name: 'bench-raw' });
  const rawInsert = async (i: number) => {
    const body = reportBody(i, now);
    const code = codes[i % codes.length];
    const reporter = officerIds.get(code)!;
    const awareAt = new Date(body.awareAt);
    const c = await raw.connect();
    try {
      await c.query('BEGIN');
      const year = new Date().getFullYear();
      const [{ last }] = (
        await c.query(
          `INSERT INTO incident_reference_counters (year, last) VALUES ($1, 1)
           ON CONFLICT (year) DO UPDATE SET last = incident_reference_counters.last + 1 RETURNING last`,
          [year + 1000], // its own year row: the raw rows do not take the platform's numbers
        )
      ).rows;
      const reference = `RAW-${year}-${String(last).padStart(4, '0')}`;
      const pdb = body.personalDataBreach;
      const obligations = planObligations({
        awareAt,
        breachNotifiable: pdb?.notifiable ?? false,
        nis2Significant: 'no',
      });
      const [{ id }] = (
        await c.query(
          `INSERT INTO incidents (reference, municipality_code, source, reporter_user_id, reporter_label, title,
             description, rsit_class, rsit_type, tlp, severity, nis2_significant, aware_at, pdb_type, pdb_nature,
             pdb_approx_subjects, pdb_approx_records, pdb_special_categories, pdb_notifiable, next_due_at)
           VALUES ($1, $2, 'api', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) RETURNING id`,
          [
            reference,
            code,
            reporter,
            `officer-${code}@bench.local`,
            body.title,
            body.description,
            body.rsitClass,
            body.rsitType,
            body.tlp,
            body.severity,
            body.nis2Significant,
            awareAt,
            pdb?.type ?? null,
            pdb?.nature ?? null,
            pdb?.approxSubjects ?? null,
            pdb?.approxRecords ?? null,
            pdb?.specialCategories ?? null,
            pdb?.notifiable ?? null,
            obligations[0]?.dueAt ?? null,
          ],
        )
      ).rows;
      for (const o of obligations) {
        await c.query(
          `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at) VALUES ($1, $2, $3, $4)`,
          [id, o.kind, o.anchorAt, o.dueAt],
        );
      }
      await c.query(
        `INSERT INTO incident_events (incident_id, kind, after, actor_id, actor) VALUES ($1, 'reported', $2, $3, $4)`,
        [
          id,
          JSON.stringify({ reference, status: 'new', source: 'api' }),
          reporter,
          `officer-${code}@bench.local`,
        ],
      );
      await c.query('COMMIT');
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  };
  // Warm-up of both paths (connections, plans, JIT of the hot code), then the measured runs.
  await pool(200, CONCURRENCY, (i) => post(REPORTS + i));
  await pool(200, CONCURRENCY, (i) => rawInsert(REPORTS + i));
  const api = await pool(REPORTS, CONCURRENCY, post);
  const rawRun = await pool(REPORTS, CONCURRENCY, rawInsert);
  const intake = {
    reports: REPORTS,
    concurrency: CONCURRENCY,
    apiP50Ms: round(percentile(api.latencies, 50)),
    apiP95Ms: round(percentile(api.latencies, 95)),
    apiPerSecond: Math.round(REPORTS / api.seconds),
    rawP50Ms: round(percentile(rawRun.latencies, 50)),
    rawP95Ms: round(percentile(rawRun.latencies, 95)),
    rawPerSecond: Math.round(REPORTS / rawRun.seconds),
    ratioP50: round(percentile(api.latencies, 50) / percentile(rawRun.latencies, 50)),
    ratioP95: round(percentile(api.latencies, 95) / percentile(rawRun.latencies, 95)),
  };
  const [{ gaps }] = await db.query(
    `SELECT count(*)::int - max(substr(reference, 12)::int) AS gaps FROM incidents WHERE reference LIKE 'KCERT-%'`,
  );
  await raw.end();

  // ---- 2. Work queue at 100,000 incidents -------------------------------------------------------
  await bulkIncidents(db, QUEUE_INCIDENTS, codes, certId);
  // The KommuneCERT work queue's filters; free text is timed too but is no queue filter (no goal).
  const OPEN = 'status=new,triage,in_progress,contained';
  const queries: Record<string, string> = {
    open: OPEN,
    'open, unassigned': `${OPEN}&assignee=none`,
    'mine, in progress': 'status=in_progress&assignee=me',
    'overdue=true': 'overdue=true',
    'due within 24 h': 'dueWithinHours=24',
    'unassigned (all)': 'assignee=none',
  };
  const freeText = 'q=Ransomware';
  queries['q=Ransomware (free text, no goal)'] = freeText;
  const queue = [];
  for (const [name, qs] of Object.entries(queries)) {
    const get = async () => {
      const res = await fetch(`${base}/api/v1/incidents?${qs}&limit=25&offset=0`, {
        headers: { authorization: `Bearer ${certToken}` },
      });
      if (res.status !== 200) throw new Error(`list ${qs}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { total: number };
    };
    const { total } = await get();
    const times: number[] = [];
    for (let run = 0; run < QUEUE_RUNS; run++) times.push(await timed(get));
    queue.push({
      filter: name,
      total,
      p50Ms: round(percentile(times, 50)),
      p95Ms: round(percentile(times, 95)),
    });
  }

  // EXPLAIN ANALYZE of the repository's own queries: a DataSource stand-in that explains each one.
  const plans: Record<string, string[]> = {};
  for (const [name, filter] of Object.entries({
    open: { status: ['new', 'triage', 'in_progress', 'contained'] as IncidentStatus[] },
    'open, unassigned': {
      status: ['new', 'triage', 'in_progress', 'contained'] as IncidentStatus[],
      assigneeId: null,
    },
    'overdue=true': { overdue: true },
    'assignee=none': { assigneeId: null },
  })) {
    const explained: string[] = [];
    const explaining = {
      query: async (sql: string, params: unknown[]) => {
        const rows = await db.query(`EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${sql}`, params);
        explained.push(rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
        return [{ total: 0 }];
      },
    } as unknown as DataSource;
    await new IncidentsRepository(explaining).list(
      { all: true } as never,
      { ...filter, limit: 25, offset: 0 },
      new Date(),
    );
    plans[name] = explained;
  }
  await app.close();

  const goals = {
    intakeRatioP50: intake.ratioP50 <= 3,
    queueP95: queue.filter((q) => !q.filter.includes('no goal')).every((q) => q.p95Ms <= 50),
  };
  process.stdout.write(
    `\nintake: ${REPORTS} reports, concurrency ${CONCURRENCY} (20 officers' JWTs / 20 pg connections)\n`,
  );
  process.stdout.write('path          p50 ms   p95 ms   reports/s\n');
  process.stdout.write(
    `HTTP API  ${String(intake.apiP50Ms).padStart(9)}${String(intake.apiP95Ms).padStart(9)}${String(intake.apiPerSecond).padStart(12)}\n`,
  );
  process.stdout.write(
    `raw pg    ${String(intake.rawP50Ms).padStart(9)}${String(intake.rawP95Ms).padStart(9)}${String(intake.rawPerSecond).padStart(12)}\n`,
  );
  process.stdout.write(
    `ratio at p50: ${intake.ratioP50} (p95: ${intake.ratioP95}); reference gaps: ${gaps}\n`,
  );
  process.stdout.write(
    `\nwork queue: GET /api/v1/incidents as KommuneCERT, page 1 of 25, ${QUEUE_RUNS} runs each\n`,
  );
  process.stdout.write(
    `${'filter'.padEnd(34)}${'total'.padStart(8)}${'p50 ms'.padStart(9)}${'p95 ms'.padStart(9)}\n`,
  );
  for (const q of queue) {
    process.stdout.write(
      `${q.filter.padEnd(34)}${String(q.total).padStart(8)}${String(q.p50Ms).padStart(9)}${String(q.p95Ms).padStart(9)}\n`,
    );
  }
  for (const [name, explained] of Object.entries(plans)) {
    process.stdout.write(`\nEXPLAIN ANALYZE (${name}):\n${explained.join('\n--\n')}\n`);
  }
  process.stdout.write(
    `\ngoals: intake ratio ≤ 3 at p50: ${goals.intakeRatioP50 ? 'met' : 'NOT met'}; work queue p95 ≤ 50 ms: ${goals.queueP95 ? 'met' : 'NOT met'}\n`,
  );
  mkdirSync('bench-results', { recursive: true });
  const out = join('bench-results', 'incidents.json');
  writeFileSync(
    out,
    JSON.stringify(
      { measuredAt: new Date().toISOString(), intake, referenceGaps: gaps, queue, plans, goals },
      null,
      2,
    ),
  );
  process.stdout.write(`written to ${out}\n`);
}

/**
 * Fills the log to `total` incidents in one statement per table: a spread of statuses (most
 * closed), a third assigned to the analyst, a quarter breaches with a GDPR deadline (some overdue).
 */
async function bulkIncidents(db: DataSource, total: number, codes: number[], certId: string): Promise<void> {
  const [{ n }] = await db.query('SELECT count(*)::int AS n FROM incidents');
  const add = total - n;
  if (add <= 0) return;
  await db.query(
    `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, description, status,
       rsit_class, rsit_type, severity, aware_at, created_at, updated_at, assignee_id, pdb_type, pdb_notifiable,
       closed_at)
     SELECT 'KCERT-2000-' || lpad(g::text, 6, '0'), ($2::smallint[])[(g % array_length($2::smallint[], 1)) + 1], 'web',
       'bench', CASE WHEN g % 50 = 0 THEN 'Ransomware ' ELSE 'Phishing ' END || g, 'Bulk-indsat hændelse',
       s.status, 'fraud', 'phishing', 'medium', t.at, t.at + interval '1 hour', t.at + interval '2 hours',
       CASE WHEN s.status <> 'new' AND g % 3 <> 0 THEN $3::uuid END,
       CASE WHEN g % 4 = 0 THEN 'utilsigtet-videregivelse' END, CASE WHEN g % 4 = 0 THEN true END,
       CASE WHEN s.status IN ('closed', 'not_an_incident') THEN t.at + interval '5 days' END
     FROM generate_series(1, $1) g
     CROSS JOIN LATERAL (SELECT now() - (g % 365) * interval '1 day' - (g % 24) * interval '1 hour' AS at) t
     CROSS JOIN LATERAL (SELECT CASE WHEN g % 100 < 3 THEN 'new' WHEN g % 100 < 6 THEN 'triage'
       WHEN g % 100 < 12 THEN 'in_progress' WHEN g % 100 < 15 THEN 'resolved'
       WHEN g % 100 < 17 THEN 'not_an_incident' ELSE 'closed' END AS status) s`,
    [add, codes, certId],
  );
  await db.query(
    `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at, submitted_at)
     SELECT id, 'gdpr-art33', aware_at, aware_at + interval '72 hours',
       CASE WHEN status IN ('new', 'triage', 'in_progress') AND (hashtext(id::text) & 1) = 0 THEN NULL
            ELSE aware_at + interval '30 hours' END
     FROM incidents WHERE pdb_notifiable AND reference LIKE 'KCERT-2000-%'`,
  );
  await db.query(
    `UPDATE incidents i SET next_due_at = o.due_at FROM incident_obligations o
     WHERE o.incident_id = i.id AND o.submitted_at IS NULL AND i.reference LIKE 'KCERT-2000-%'`,
  );
  // As autovacuum leaves a table in use: statistics, and the visibility map that lets the queue's
  // counts read the indexes alone.
  await db.query('VACUUM ANALYZE incidents');
  await db.query('VACUUM ANALYZE incident_obligations');
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
