import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { Supervisor } from './supervisor';

/*
 * `npm start`: the whole platform in one command. It is a process supervisor, not an app, so it
 * reads the environment itself to decide what to provide: embedded PostgreSQL when DATABASE_URL is
 * unset, a persisted dev JWT secret and audit key when JWT_SECRET / AUDIT_KEY are unset. Then it
 * migrates and seeds once, and runs the API and the worker as child processes with that
 * environment, restarting a child that dies (see Supervisor).
 */
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const DATA_DIR = resolve(process.env.BASELINE_DATA_DIR ?? join(ROOT, '.data'));
const DIST_APPS = resolve(__dirname, '..', '..');

function log(message: string): void {
  process.stdout.write(`[baseline] ${message}\n`);
}

function devSecret(name = 'jwt-secret'): string {
  mkdirSync(DATA_DIR, { recursive: true });
  const file = join(DATA_DIR, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function waitForHealth(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return false;
}

async function main(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  let embedded: EmbeddedDatabase | undefined;
  let supervisor: Supervisor | undefined = undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await supervisor?.stop();
    if (embedded) await embedded.stop();
    log('Stopped.');
    process.exit(code);
  };
  // From the start: PostgreSQL runs detached from the terminal, so only the launcher stops it.
  // SIGHUP is the terminal closing.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(0));
  if (!process.env.DATABASE_URL) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    log(`DATABASE_URL is not set: starting embedded PostgreSQL on port ${port} (data in ${DATA_DIR})`);
    embedded = await startEmbeddedPostgres(DATA_DIR, port, 'baseline', log);
    process.env.DATABASE_URL = embedded.url;
    process.env.MIGRATION_DATABASE_URL = embedded.ownerUrl;
  }
  if (!process.env.JWT_SECRET && !production) process.env.JWT_SECRET = devSecret();
  if (!process.env.AUDIT_KEY && !production) process.env.AUDIT_KEY = devSecret('audit-key');
  process.env.AUDIT_HEAD_FILE ??= join(DATA_DIR, 'audit-head.jsonl');
  log(
    process.env.REDIS_URL
      ? 'Jobs: BullMQ on Redis'
      : 'REDIS_URL is not set: jobs run on BullMQ’s PostgreSQL backend',
  );

  // Loaded only now: the config module validates the environment when it is first imported.
  const { DemoSeedService, SeedAppModule } = await import('@app/seed');
  const seedApp = await NestFactory.createApplicationContext(SeedAppModule, { logger: ['error', 'warn'] });
  try {
    const seed = seedApp.get(DemoSeedService);
    if (production) await seed.seedReference();
    else await seed.seedDemo();
  } finally {
    await seedApp.close();
  }

  supervisor = new Supervisor(
    ['api', 'worker'].map((app) => ({ name: app, script: join(DIST_APPS, app, 'src', 'main.js') })),
    {
      // The launcher migrated; the apps get no owner credentials.
      env: { ...process.env, MIGRATIONS_RUN: 'false', MIGRATION_DATABASE_URL: undefined },
      log,
      onGiveUp: () => void stop(1),
    },
  );
  supervisor.start();

  const port = Number(process.env.PORT ?? 3000);
  if (await waitForHealth(`http://127.0.0.1:${port}/health`, 120_000)) {
    log(`Baseline is running at http://localhost:${port}  (API docs: http://localhost:${port}/api/docs)`);
    if (!production) {
      log(`Demo sign-ins, password "${process.env.DEMO_PASSWORD ?? 'baseline-demo'}":`);
      log(
        '  admin@baseline.local (platform admin), kl@baseline.local (KL analyst), cert@baseline.local (KommuneCERT),',
      );
      log(
        '  officer-<code>@baseline.local for each municipality, e.g. officer-151@baseline.local (Ballerup)',
      );
    }
    log('Press Ctrl-C to stop.');
  } else {
    log('The API did not become healthy within two minutes.');
    await stop(1);
  }
}

main().catch((err) => {
  process.stderr.write(`[baseline] failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
