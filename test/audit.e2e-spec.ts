import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import request from 'supertest';
import { AUDIT_ENTRY_CONTENT_SQL, AuditService } from '@app/audit';
import { createUser, tokenFor } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { testAppDatabaseUrl, testAuditHeadFile, testDatabaseUrl } from './support/test-database';

const run = promisify(execFile);
const tester = { id: null, label: 'tester' };

describe('Audit log: append-only, keyed chain, signed head (e2e)', () => {
  let t: TestApp;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());
  beforeEach(() => resetData(t.db));

  const recordMany = async (n: number) => {
    for (let i = 1; i <= n; i++)
      await audit.record(tester, { action: 'test.event', targetId: i, details: { i } });
  };
  const seqs = async (): Promise<string[]> =>
    (await t.db.query('SELECT a.seq::text FROM audit_log a ORDER BY a.seq')).map(
      (r: { seq: string }) => r.seq,
    );

  /** What an attacker with the database superuser's rights can do: switch the guards off. */
  const asSuperuser = (
    work: (query: (sql: string, params?: unknown[]) => Promise<unknown>) => Promise<void>,
  ) =>
    t.owner.transaction(async (m) => {
      await m.query('SET LOCAL session_replication_role = replica');
      await work((sql, params) => m.query(sql, params));
    });

  /** `npm run audit:verify` as an operator runs it, with the app's role. */
  const verifyCli = (env: Record<string, string> = {}) =>
    run('npm', ['run', '-s', 'audit:verify'], {
      env: { ...process.env, DATABASE_URL: testAppDatabaseUrl(), MIGRATIONS_RUN: 'false', ...env },
    }).catch((e: { code: number; stdout: string }) => e);

  it('seals committed entries into a linked chain that verifies intact', async () => {
    await recordMany(5);
    expect(await audit.verifyChain()).toMatchObject({ ok: true, entries: 0, unsealed: 5 });
    expect(await audit.seal()).toBe(5);
    const seals = await t.db.query(
      'SELECT position::int, seq::text, prev_hash, hash FROM audit_seals ORDER BY position',
    );
    expect(seals.map((s: { seq: string }) => s.seq)).toEqual(await seqs());
    expect(seals[0]).toMatchObject({ position: 1, prev_hash: '' });
    for (let i = 1; i < seals.length; i++) expect(seals[i].prev_hash).toBe(seals[i - 1].hash);
    expect(await audit.verifyChain()).toMatchObject({ ok: true, entries: 5, unsealed: 0, firstBreak: null });
  });

  it('the app role cannot UPDATE, DELETE or TRUNCATE the audit log or its seals', async () => {
    await recordMany(2);
    await audit.seal();
    const [role] = await t.db.query(
      `SELECT current_user AS name, rolsuper AS superuser, pg_has_role(current_user, (SELECT tableowner FROM pg_tables WHERE tablename = 'audit_log'), 'USAGE') AS owner
       FROM pg_roles WHERE rolname = current_user`,
    );
    expect(role).toEqual({ name: 'baseline_app', superuser: false, owner: false });
    for (const table of ['audit_log', 'audit_seals']) {
      await expect(t.db.query(`UPDATE ${table} SET seq = seq`)).rejects.toThrow(/permission denied/);
      await expect(t.db.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied/);
      await expect(t.db.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied/);
      await expect(t.db.query(`ALTER TABLE ${table} DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner/);
    }
    expect(await seqs()).toHaveLength(2);
  });

  it('appends do not wait for one another: an open transaction holds no chain lock', async () => {
    const runner = t.db.createQueryRunner();
    await runner.startTransaction();
    try {
      await audit.record(tester, { action: 'test.slow' }, runner.manager);
      const other = audit.record(tester, { action: 'test.fast' });
      const waited = await Promise.race([
        other.then(() => false),
        new Promise<boolean>((r) => setTimeout(() => r(true), 2_000)),
      ]);
      expect(waited).toBe(false);
      // The entry committed first is sealed first; the earlier seq joins the chain when it commits.
      expect(await audit.seal()).toBe(1);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await audit.seal()).toBe(1);
    expect(await audit.verifyChain()).toMatchObject({ ok: true, entries: 2 });
  });

  it('names the first altered entry', async () => {
    await recordMany(5);
    await audit.seal();
    const [, , third] = await seqs();
    await asSuperuser(async (q) => {
      await q(`UPDATE audit_log SET details = '{"i": 99}' WHERE seq = $1`, [third]);
    });
    expect((await audit.verifyChain()).firstBreak).toEqual({ seq: third, problem: 'altered' });
  });

  it('detects an entry removed with its seal at the entry after the gap', async () => {
    await recordMany(5);
    await audit.seal();
    const [, second, third] = await seqs();
    await asSuperuser(async (q) => {
      await q('DELETE FROM audit_seals WHERE seq = $1', [second]);
      await q('DELETE FROM audit_log WHERE seq = $1', [second]);
    });
    expect(await audit.verifyChain()).toMatchObject({
      ok: false,
      entries: 4,
      firstBreak: { seq: third, problem: 'broken-link' },
    });
  });

  it('repro: deleting one entry in the middle and recomputing the later hashes without the key is caught', async () => {
    await recordMany(60);
    await audit.seal();
    const victim = (await seqs())[29];
    await asSuperuser(async (q) => {
      await q('DELETE FROM audit_seals WHERE seq = $1', [victim]);
      await q('DELETE FROM audit_log WHERE seq = $1', [victim]);
      // The old chain's recipe: SHA-256 over the link and the content, which needs no secret.
      const later = (await q(
        `SELECT s.position::int AS position, ${AUDIT_ENTRY_CONTENT_SQL} AS content FROM audit_seals s
         JOIN audit_log a ON a.seq = s.seq WHERE s.position > 30 ORDER BY s.position`,
      )) as Array<{ position: number; content: string }>;
      let [{ hash: prev }] = (await q('SELECT hash FROM audit_seals WHERE position = 29')) as Array<{
        hash: string;
      }>;
      for (const { position, content } of later) {
        const hash = createHash('sha256')
          .update(JSON.stringify(['baseline-audit-seal', String(position - 1), prev, content]))
          .digest('hex');
        await q('UPDATE audit_seals SET position = $1, prev_hash = $2, hash = $3 WHERE position = $4', [
          position - 1,
          prev,
          hash,
          position,
        ]);
        prev = hash;
      }
    });
    const result = await audit.verifyChain();
    expect(result).toMatchObject({ ok: false, entries: 59, firstBreak: { problem: 'altered' } });
    expect(result.firstBreak!.seq).toBe((await seqs())[29]);
  });

  it('repro: deleting the newest 50 entries as the superuser is caught by the signed head', async () => {
    await recordMany(60);
    const { head } = await audit.publishHead();
    expect(head).toMatchObject({ count: 60 });
    expect(JSON.parse(readFileSync(testAuditHeadFile(), 'utf8').trim())).toEqual(head);
    await asSuperuser(async (q) => {
      await q('DELETE FROM audit_seals WHERE position > 10');
      await q('DELETE FROM audit_log WHERE seq NOT IN (SELECT seq FROM audit_seals)');
    });
    expect(await audit.verifyChain()).toMatchObject({
      ok: false,
      entries: 10,
      firstBreak: { seq: head.lastSeq, problem: 'truncated' },
    });
    await expect(audit.publishHead()).rejects.toThrow(/broken .* \(truncated\): no head written/);
    expect(await verifyCli()).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`BROKEN at entry ${head.lastSeq} (truncated)`),
    });
  });

  it('`npm run audit:verify` exits 0 on an intact chain, and 1 under a wrong AUDIT_KEY', async () => {
    await recordMany(5);
    await audit.publishHead();
    const ok = await verifyCli();
    expect(ok.stdout).toContain('Audit chain intact: 5 entries verified against head of');
    const [first] = await seqs();
    expect(await verifyCli({ AUDIT_KEY: 'a-different-key-of-at-least-32-characters' })).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`BROKEN at entry ${first} (altered)`),
    });
    // The database's owner cannot help: the key is nowhere in the database.
    expect(testDatabaseUrl()).not.toContain(process.env.AUDIT_KEY!);
  });

  it('the platform admin writes a signed head on demand; a broken chain gets 409 and no head', async () => {
    const admin = await tokenFor(t.http, await createUser(t.db, 'platform_admin'));
    const analyst = await tokenFor(t.http, await createUser(t.db, 'kl_analyst'));
    await recordMany(3);
    await request(t.http).post('/api/v1/admin/audit/head').auth(analyst, { type: 'bearer' }).expect(403);
    const res = await request(t.http)
      .post('/api/v1/admin/audit/head')
      .auth(admin, { type: 'bearer' })
      .expect(201);
    const entries = (await seqs()).length;
    expect(res.body.head).toMatchObject({ count: entries, lastSeq: (await seqs()).at(-1) });
    const verified = await request(t.http)
      .get('/api/v1/admin/audit/verify')
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(verified.body).toMatchObject({ ok: true, entries, head: res.body.head });

    await asSuperuser(async (q) => {
      await q('DELETE FROM audit_seals WHERE position = $1', [entries]);
      await q('DELETE FROM audit_log WHERE seq = $1', [res.body.head.lastSeq]);
    });
    const refused = await request(t.http)
      .post('/api/v1/admin/audit/head')
      .auth(admin, { type: 'bearer' })
      .expect(409);
    expect(refused.body.message).toMatch(/\(truncated\): no head written/);
    expect(readFileSync(testAuditHeadFile(), 'utf8').trim().split('\n')).toHaveLength(1);
  });
});
