import { IncidentStatisticsJobsService } from '@app/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { resetIncidents } from './support/incidents';

/**
 * The recompute itself: the month an incident is counted in (found by binary search among month
 * starts, see MONTH in the repository) at the edges of Danish months and outside the searched years,
 * and a recompute that fails part-way, sent as one string, which must leave nothing half-written.
 */
describe('Incident statistics recompute (e2e)', () => {
  let t: TestApp;
  let seq = 0;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
  });
  afterAll(() => t.close());

  // Text, not Date: the edges are a microsecond apart.
  const insert = (awareAt: string) =>
    t.owner.query(
      `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, status, rsit_class, rsit_type,
         severity, aware_at)
       VALUES ($1, 101, 'cert', 'test', 'Testhændelse', 'closed', 'fraud', 'phishing', 'low', $2::timestamptz)`,
      [`KCERT-2040-${String(++seq).padStart(4, '0')}`, awareAt],
    );
  const recompute = () => t.app.get(IncidentStatisticsJobsService).run();
  const months = async () =>
    (
      await t.db.query(
        `SELECT to_char(month, 'YYYY-MM') AS month, incidents FROM incident_statistics_cells
         WHERE dimension = 'severity' ORDER BY month`,
      )
    ).map((r: { month: string; incidents: number }) => `${r.month}:${r.incidents}`);
  const state = async () =>
    (
      await t.db.query(
        `SELECT version, last_error AS "lastError", EXISTS (SELECT 1 FROM incident_statistics_changes) AS stale
         FROM incident_statistics_state`,
      )
    )[0] as { version: number; lastError: string | null; stale: boolean };

  it('counts an incident in its month in Danish time, at every kind of month edge', async () => {
    // [instant, its month in Copenhagen]
    const edges: Array<[string, string]> = [
      ['1969-12-31T22:59:59.999999Z', '1969-12'], // before the searched years: converted directly
      ['1969-12-31T23:00:00Z', '1970-01'], // the first month start searched (CET)
      ['2026-01-31T22:59:59.999999Z', '2026-01'],
      ['2026-01-31T23:00:00Z', '2026-02'],
      ['2026-03-31T21:59:59.999999Z', '2026-03'], // summer time: midnight is 22:00 UTC
      ['2026-03-31T22:00:00Z', '2026-04'],
      ['2026-10-31T22:59:59.999999Z', '2026-10'], // winter time again
      ['2026-10-31T23:00:00Z', '2026-11'],
      ['2026-12-31T23:00:00Z', '2027-01'],
      ['2199-12-31T22:59:59.999999Z', '2199-12'], // the last month searched
      ['2199-12-31T23:00:00Z', '2200-01'], // after it: converted directly
      ['2250-06-15T12:00:00Z', '2250-06'],
    ];
    for (const [at] of edges) await insert(at);
    await recompute();
    expect(await months()).toEqual(edges.map(([, month]) => `${month}:1`));
  });

  it('leaves the figures and the change marks as they were when a statement fails, and its connection usable', async () => {
    const before = await state();
    const cells = await months();
    await insert('2026-05-10T10:00:00Z');
    // Only the obligations' insert breaks: the cells are deleted and refilled before it fails.
    await t.owner.query(
      `ALTER TABLE incident_statistics_cells ADD CONSTRAINT test_no_obligations CHECK (dimension <> 'obligation') NOT VALID`,
    );
    await t.owner.query(
      `INSERT INTO incident_obligations (incident_id, kind, anchor_at, due_at, submitted_at)
       SELECT id, 'gdpr-art33', aware_at, aware_at + interval '72 hours', aware_at + interval '1 hour'
       FROM incidents WHERE aware_at = '2026-05-10T10:00:00Z'`,
    );
    try {
      await expect(recompute()).rejects.toThrow(/test_no_obligations/);
    } finally {
      await t.owner.query(`ALTER TABLE incident_statistics_cells DROP CONSTRAINT test_no_obligations`);
    }
    const failed = await state();
    expect(failed.version).toBe(before.version);
    expect(failed.stale).toBe(true);
    // Recorded on the pool's most recently released connection, i.e. the one the recompute used.
    expect(failed.lastError).toMatch(/test_no_obligations/);
    expect(await months()).toEqual(cells);

    await recompute();
    const after = await state();
    expect(after).toEqual({ version: before.version + 1, lastError: null, stale: false });
    expect(await months()).toContain('2026-05:1');
  });
});
