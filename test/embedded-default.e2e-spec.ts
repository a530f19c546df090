import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { waitFor } from './support/wait-for';

const LAUNCHER = resolve(__dirname, '..', 'dist', 'apps', 'launcher', 'src', 'main.js');
// Overridable so that two checkouts can run this test on one machine at once.
const PORT = Number(process.env.TEST_EMBEDDED_PORT ?? 3917);
const PG_PORT = process.env.TEST_EMBEDDED_PG_PORT ?? '54391';
const BASE = `http://127.0.0.1:${PORT}`;

const launched: ChildProcessWithoutNullStreams[] = [];
const healthWatches: Array<{ stop: () => Promise<number[]> }> = [];

interface Launched {
  child: ChildProcessWithoutNullStreams;
  ready: Promise<string>;
  /** Everything the launcher and its children have printed so far. */
  output: () => string;
}

/**
 * Starts `npm start`'s launcher with no DATABASE_URL, REDIS_URL or JWT_SECRET, as on a fresh machine.
 * `ownGroup` runs it in a process group of its own, as a terminal runs a foreground command.
 */
function launch(dataDir: string, ownGroup = false): Launched {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(PORT),
    EMBEDDED_PG_PORT: PG_PORT,
    BASELINE_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, [LAUNCHER], { env, detached: ownGroup });
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
  return { child, ready, output: () => output };
}

/** SIGINT to the launcher; with `wholeGroup`, to every process in its group, as Ctrl-C in a terminal. */
function stop(child: ChildProcessWithoutNullStreams, wholeGroup = false): Promise<number | null> {
  return new Promise((done) => {
    if (child.exitCode !== null) return done(child.exitCode);
    // 'close' comes after the last output has been read, unlike 'exit'.
    child.once('close', (code) => done(code));
    if (wholeGroup) process.kill(-child.pid!, 'SIGINT');
    else child.kill('SIGINT');
  });
}

/** The pid of the launcher's child that runs `apps/<app>`, read from /proc rather than the launcher's word. */
function childPid(launcherPid: number, app: 'api' | 'worker'): number | undefined {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid …", where comm may contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === launcherPid && cmdline.includes(`apps/${app}/src/main.js`)) return Number(entry);
    } catch {
      // the process ended while the list was read
    }
  }
  return undefined;
}

async function healthStatus(): Promise<number> {
  try {
    return (await fetch(`${BASE}/health`)).status;
  } catch {
    return 0;
  }
}

/** Polls /health until stopped; answers every status seen, 0 for a refused connection. */
function watchHealth(): { stop: () => Promise<number[]> } {
  const seen: number[] = [];
  let watching = true;
  const loop = (async () => {
    while (watching) {
      seen.push(await healthStatus());
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const watch = {
    stop: async () => {
      watching = false;
      await loop;
      return seen;
    },
  };
  healthWatches.push(watch);
  return watch;
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

const superuser = (password: string) =>
  new Client({ host: '127.0.0.1', port: Number(PG_PORT), user: 'postgres', password, database: 'baseline' });

/** Who the apps log in as, and whether the worker has sealed every audit entry (as the superuser sees it). */
async function auditState(dataDir: string): Promise<{ roles: string[]; sealed: number; unsealed: number }> {
  const pg = superuser(readFileSync(join(dataDir, 'postgres-password'), 'utf8').trim());
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
  statistics: { stale: boolean; version: number };
  participation: { participants: number };
  overall: { mean: number };
}

async function bearer(email: string): Promise<Record<string, string>> {
  const login = await fetch(`${BASE}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'baseline-demo' }),
  });
  return { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
}

async function editionOf(year: number, headers: Record<string, string>): Promise<string> {
  const editions = (await (await fetch(`${BASE}/api/v1/editions`, { headers })).json()) as Array<{
    id: string;
    year: number;
  }>;
  return editions.find((e) => e.year === year)!.id;
}

async function demoStatistics2024(): Promise<National> {
  const headers = await bearer('officer-151@baseline.local');
  return settledNational(await editionOf(2024, headers), headers);
}

/** The national statistics once the worker has computed them (or after a minute, as they are). */
async function settledNational(id: string, headers: Record<string, string>): Promise<National> {
  const until = Date.now() + 60_000;
  for (;;) {
    const res = (await (
      await fetch(`${BASE}/api/v1/editions/${id}/statistics/national`, { headers })
    ).json()) as National;
    if (!res.statistics.stale || Date.now() > until) return res;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Runs `check`; if it fails, the error carries the tail of the launcher's output. */
async function withOutputOnFailure(output: () => string, check: () => Promise<void>): Promise<void> {
  try {
    await check();
  } catch (e) {
    if (e instanceof Error) e.message += `\n--- launcher output (tail) ---\n${output().slice(-6000)}`;
    throw e;
  }
}

describe('Embedded default: `npm start` on a fresh machine (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'baseline-embedded-'));
  // The embedded server runs as an unprivileged user when started by root; it must reach its folder.
  chmodSync(dataDir, 0o755);
  afterAll(async () => {
    // A failed assertion must not leave a platform running for the next test run.
    await Promise.all([...launched.map((child) => stop(child)), ...healthWatches.map((w) => w.stop())]);
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
    let audit = await auditState(dataDir);
    while ((audit.unsealed > 0 || audit.sealed === 0) && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 500));
      audit = await auditState(dataDir);
    }
    expect(audit).toMatchObject({ roles: ['baseline_app'], unsealed: 0 });
    expect(audit.sealed).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, 'audit-key'))).toBe(true);
    // The superuser's password is generated per data folder: the well-known one opens nothing.
    await expect(superuser('postgres').connect()).rejects.toThrow(/password authentication failed/);
    // The demo's published editions get their statistics from the worker shortly after start.
    const national2024 = await demoStatistics2024();
    expect(national2024.participation.participants).toBe(84);
    expect(Math.abs(national2024.overall.mean - 3.36)).toBeLessThanOrEqual(0.02);
    expect(await stop(first.child)).toBe(0);
    // The children exit as they are told to stop; that is no crash to restart them from.
    expect(first.output()).not.toMatch(/exited unexpectedly|restarting/);
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const second = launch(dataDir);
    await second.ready;
    const again = await signInKl();
    expect(again).toEqual({ status: 200, userId: signIn.userId });
    expect(await stop(second.child)).toBe(0);
  }, 240_000);

  it('stops quietly on Ctrl-C in a terminal, which signals the launcher and its children at once', async () => {
    if (!existsSync(LAUNCHER)) throw new Error('Run `npm run build` first (npm run test:e2e does).');
    const platform = launch(dataDir, true);
    await platform.ready;
    // Right after start, while the worker is busy, is when a crash on shutdown showed.
    expect(await stop(platform.child, true)).toBe(0);
    const output = platform.output();
    expect(output).toContain('Stopped.');
    expect(output).not.toContain("Unhandled 'error' event");
    // PostgreSQL, in a group of its own, stays up until the apps have closed: nothing cuts them off.
    expect(output).not.toContain('terminating connection due to administrator command');
    // A crash dump: indented stack frames.
    expect(output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  }, 180_000);

  it('restarts a SIGKILLed worker and API, and the platform keeps serving', async () => {
    if (!existsSync(LAUNCHER)) throw new Error('Run `npm run build` first (npm run test:e2e does).');
    const platform = launch(dataDir);
    await platform.ready;
    // A failure here is about processes: show what the launcher and its children said.
    await withOutputOnFailure(platform.output, async () => {
      const launcherPid = platform.child.pid!;
      const kl = await bearer('kl@baseline.local');
      // The worker computes 2023, then 2024, at start. A job the worker is killed in stays locked until
      // BullMQ sees it stalled, so the worker is killed once both are done and the new one given 2023.
      expect((await settledNational(await editionOf(2024, kl), kl)).statistics.stale).toBe(false);
      const editionId = await editionOf(2023, kl);
      const before = await settledNational(editionId, kl);

      const health = watchHealth();
      const worker = await waitFor(() => childPid(launcherPid, 'worker'), Boolean, 10_000);
      process.kill(worker!, 'SIGKILL');
      await waitFor(
        platform.output,
        (o) => /worker exited unexpectedly \(signal SIGKILL\); restarting it in 1 s \(restart 1\)/.test(o),
        15_000,
      );
      const restarted = await waitFor(
        () => childPid(launcherPid, 'worker'),
        (pid) => pid !== undefined && pid !== worker,
        15_000,
      );
      // The launcher names the new pid; its line may arrive a moment after /proc shows the process.
      await waitFor(platform.output, (o) => o.includes(`worker started (pid ${restarted})`), 5_000);
      // The new worker takes jobs: a recompute requested now is carried out.
      const requested = await fetch(`${BASE}/api/v1/editions/${editionId}/statistics/recompute`, {
        method: 'POST',
        headers: kl,
      });
      expect(requested.status).toBe(202);
      const after = await waitFor(
        () => settledNational(editionId, kl),
        (n) => n.statistics.version > before.statistics.version,
        60_000,
      );
      expect(after.statistics.stale).toBe(false);
      const statuses = await health.stop();
      expect(statuses.length).toBeGreaterThan(0);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      const api = childPid(launcherPid, 'api');
      process.kill(api!, 'SIGKILL');
      await waitFor(
        platform.output,
        (o) => /api exited unexpectedly \(signal SIGKILL\); restarting it in 1 s \(restart 1\)/.test(o),
        15_000,
      );
      await waitFor(healthStatus, (s) => s === 200, 60_000);
      const newApi = childPid(launcherPid, 'api');
      expect(newApi).toBeDefined();
      expect(newApi).not.toBe(api);
      await waitFor(platform.output, (o) => o.includes(`api started (pid ${newApi})`), 5_000);
      expect((await signInKl()).status).toBe(200);

      // An API that dies as soon as it starts makes the launcher give up: it stops and exits 1.
      const closed = new Promise<number | null>((done) => platform.child.once('close', done));
      let current = newApi!;
      process.kill(current, 'SIGKILL');
      await waitFor(
        () => {
          const pid = childPid(launcherPid, 'api');
          if (pid !== undefined && pid !== current) process.kill((current = pid), 'SIGKILL');
          return platform.child.exitCode;
        },
        (code) => code !== null,
        90_000,
      );
      expect(await closed).toBe(1);
      const output = platform.output();
      expect(output).toContain('api exited unexpectedly (signal SIGKILL); restarting it in 2 s (restart 2)');
      expect(output).toContain('restarting it in 4 s (restart 3)');
      expect(output).toMatch(
        /api exited unexpectedly \(signal SIGKILL\), 5 times within 60 s: giving up, stopping Baseline/,
      );
      expect(output).toMatch(/Stopping…\n(.*\n)*\[baseline\] Stopped\.\n$/);
      expect(await healthStatus()).toBe(0);
    });
  }, 300_000);
});
