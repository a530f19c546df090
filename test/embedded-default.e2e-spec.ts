import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

const LAUNCHER = resolve(__dirname, '..', 'dist', 'apps', 'launcher', 'src', 'main.js');
// Overridable so that two checkouts can run this test on one machine at once.
const PORT = Number(process.env.TEST_EMBEDDED_PORT ?? 3917);
const PG_PORT = process.env.TEST_EMBEDDED_PG_PORT ?? '54391';
const BASE = `http://127.0.0.1:${PORT}`;

const launched: ChildProcessWithoutNullStreams[] = [];

/** Starts `npm start`'s launcher with no DATABASE_URL, REDIS_URL or JWT_SECRET, as on a fresh machine. */
function launch(dataDir: string): { child: ChildProcessWithoutNullStreams; ready: Promise<string> } {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(PORT),
    EMBEDDED_PG_PORT: PG_PORT,
    BASELINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [LAUNCHER], { env });
  launched.push(child);
  let output = '';
  const ready = new Promise<string>((resolveReady, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready in 120 s:\n${output}`)), 120_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Press Ctrl-C to stop.')) {
        clearTimeout(timer);
        resolveReady(output);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`launcher exited with ${code}:\n${output}`));
    });
  });
  return { child, ready };
}

function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    child.once('exit', (code) => done(code));
    child.kill('SIGINT');
  });
}

async function signInKl(): Promise<{ status: number; userId?: string }> {
  const res = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'kl@baseline.local', password: 'baseline-demo' }),
  });
  const body = (await res.json()) as { user?: { id: string } };
  return { status: res.status, userId: body.user?.id };
}

/** Who the apps log in as, and whether the worker has sealed every audit entry (as the superuser sees it). */
async function auditState(): Promise<{ roles: string[]; sealed: number; unsealed: number }> {
  const pg = new Client({
    host: '127.0.0.1',
    port: Number(PG_PORT),
    user: 'postgres',
    password: 'postgres',
    database: 'baseline',
  });
  await pg.connect();
  try {
    const roles = await pg.query(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = 'baseline' AND application_name = 'baseline'`,
    );
    const [counts] = (
      await pg.query(`SELECT (SELECT count(*)::int FROM audit_seals) AS sealed,
        (SELECT count(*)::int FROM audit_log a WHERE NOT EXISTS (SELECT 1 FROM audit_seals s WHERE s.seq = a.seq)) AS unsealed`)
    ).rows;
    return { roles: roles.rows.map((r: { usename: string }) => r.usename), ...counts };
  } finally {
    await pg.end();
  }
}

interface National {
  statistics: { stale: boolean };
  participation: { participants: number };
  overall: { mean: number };
}

async function demoStatistics2024(): Promise<National> {
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'officer-151@baseline.local', password: 'baseline-demo' }),
  });
  const headers = {
    authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
  };
  const editions = (await (await fetch(`${BASE}/api/v1/editions`, { headers })).json()) as Array<{
    id: string;
    year: number;
  }>;
  const id = editions.find((e) => e.year === 2024)!.id;
  const until = Date.now() + 60_000;
  for (;;) {
    const res = (await (
      await fetch(`${BASE}/api/v1/editions/${id}/statistics/national`, { headers })
    ).json()) as National;
    if (!res.statistics.stale || Date.now() > until) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('Embedded default: `npm start` on a fresh machine (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baseline-embedded-'));
  // The embedded server runs as an unprivileged user when started by root; it must reach its folder.
  chmodSync(dataDir, 0o755);
  afterAll(async () => {
    // A failed assertion must not leave a platform running for the next test run.
    await Promise.all(launched.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts PostgreSQL, migrates, seeds, serves /health, stops on Ctrl-C and reuses its data', async () => {
    if (!existsSync(LAUNCHER)) throw new Error('Run `npm run build` first (npm run test:e2e does).');

    const first = launch(dataDir);
    const output = await first.ready;
    expect(output).toContain('DATABASE_URL is not set: starting embedded PostgreSQL');
    expect(output).toContain('jobs run on BullMQ’s PostgreSQL backend');
    expect(output).toContain('officer-151@baseline.local');
    const health = await fetch(`${BASE}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      info: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    });
    const signIn = await signInKl();
    expect(signIn.status).toBe(200);
    // API and worker run as the role that owns nothing, and the worker seals the sign-in's entry.
    const until = Date.now() + 20_000;
    let audit = await auditState();
    while ((audit.unsealed > 0 || audit.sealed === 0) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      audit = await auditState();
    }
    expect(audit).toMatchObject({ roles: ['baseline_app'], unsealed: 0 });
    expect(audit.sealed).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'audit-key'))).toBe(true);
    // The demo's published editions get their statistics from the worker shortly after start.
    const national2024 = await demoStatistics2024();
    expect(national2024.participation.participants).toBe(84);
    expect(Math.abs(national2024.overall.mean - 3.36)).toBeLessThanOrEqual(0.02);
    expect(await stop(first.child)).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const second = launch(dataDir);
    await second.ready;
    const again = await signInKl();
    expect(again).toEqual({ status: 200, userId: signIn.userId });
    expect(await stop(second.child)).toBe(0);
  }, 240_000);
});
