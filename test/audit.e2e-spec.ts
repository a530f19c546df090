import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { AuditService } from '@app/audit';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { testDatabaseUrl } from './support/test-database';

const run = promisify(execFile);

describe('Audit log: append-only, hash-chained (e2e)', () => {
  let t: TestApp;
  let audit: AuditService;

  beforeAll(async () => {
    t = await createTestApp();
    audit = t.app.get(AuditService);
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await resetData(t.db);
    for (let i = 1; i <= 5; i++) {
      await audit.record(
        { id: null, label: 'tester' },
        { action: 'test.event', targetId: i, details: { i } },
      );
    }
  });

  const seqs = async (): Promise<string[]> =>
    (await t.db.query('SELECT seq::text FROM audit_log ORDER BY seq')).map((r: { seq: string }) => r.seq);

  /** What an attacker with superuser rights could do: switch the guard off for one statement. */
  const asSuperuser = async (sql: string, params: unknown[]) =>
    t.db.transaction(async (m) => {
      await m.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
      await m.query(sql, params);
      await m.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    });

  it('links every entry to the previous one and verifies intact', async () => {
    const rows = await t.db.query('SELECT prev_hash, hash FROM audit_log ORDER BY seq');
    expect(rows[0].prev_hash).toBe('');
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    await expect(audit.verifyChain()).resolves.toEqual({ ok: true, entries: 5, firstBreak: null });
  });

  it('refuses UPDATE, DELETE and TRUNCATE from the application', async () => {
    await expect(t.db.query(`UPDATE audit_log SET actor = 'mallory'`)).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only: DELETE refused/);
    await expect(t.db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await seqs()).toHaveLength(5);
  });

  it('names the first altered entry', async () => {
    const [, , third] = await seqs();
    await asSuperuser(`UPDATE audit_log SET details = '{"i": 99}' WHERE seq = $1`, [third]);
    await expect(audit.verifyChain()).resolves.toEqual({
      ok: false,
      entries: 5,
      firstBreak: { seq: third, problem: 'altered' },
    });
  });

  it('detects a removed entry at the entry after the gap', async () => {
    const [, second, third] = await seqs();
    await asSuperuser('DELETE FROM audit_log WHERE seq = $1', [second]);
    await expect(audit.verifyChain()).resolves.toEqual({
      ok: false,
      entries: 4,
      firstBreak: { seq: third, problem: 'broken-link' },
    });
  });

  it('detects a forged entry whose hashes were recomputed but not its successor', async () => {
    const [, second, third] = await seqs();
    await asSuperuser(`UPDATE audit_log a SET actor = 'mallory' WHERE seq = $1;`, [second]);
    await asSuperuser(`UPDATE audit_log a SET hash = audit_log_entry_hash(a) WHERE seq = $1`, [second]);
    await expect(audit.verifyChain()).resolves.toEqual({
      ok: false,
      entries: 5,
      firstBreak: { seq: third, problem: 'broken-link' },
    });
  });

  it('`npm run audit:verify` exits 0 on an intact chain and 1 naming the broken entry', async () => {
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), MIGRATIONS_RUN: 'false' };
    const ok = await run('npm', ['run', '-s', 'audit:verify'], { env });
    expect(ok.stdout).toContain('Audit chain intact: 5 entries verified.');
    const [first] = await seqs();
    await asSuperuser(`UPDATE audit_log SET action = 'test.hidden' WHERE seq = $1`, [first]);
    const broken = await run('npm', ['run', '-s', 'audit:verify'], { env }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect(broken).toMatchObject({
      code: 1,
      stdout: expect.stringContaining(`BROKEN at entry ${first} (altered)`),
    });
  });
});
