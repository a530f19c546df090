import request from 'supertest';
import { Clock } from '@app/config';
import {
  incidentTimesProblem,
  isSettled,
  planObligations,
  rsitProblem,
  type IncidentStatus,
  type Nis2Significance,
  type ObligationKind,
} from '@app/incidents';
import { DemoIncidentsSeeder, demoUsers } from '@app/seed';
import { PasswordHasher } from '@app/users';
import { TEST_PASSWORD } from './support/factories';
import { createTestApp, resetData, TestApp } from './support/test-app';

interface Row {
  id: string;
  reference: string;
  municipality_code: number;
  status: IncidentStatus;
  rsit_class: string;
  rsit_type: string;
  nis2_significant: Nis2Significance;
  pdb_notifiable: boolean | null;
  occurred_at: Date | null;
  detected_at: Date | null;
  aware_at: Date;
  closed_at: Date | null;
  next_due_at: Date | null;
  assignee_role: string | null;
  first_event: string;
  obligations: Array<{
    kind: ObligationKind;
    anchor_at: string;
    due_at: string;
    submitted_at: string | null;
  }>;
}

/** The demo seed's incidents as the database holds them, checked against the schema and the rules. */
describe('Demo incidents (e2e)', () => {
  let t: TestApp;
  let seeder: DemoIncidentsSeeder;
  let rows: Row[];

  const login = async (email: string) =>
    (await request(t.http).post('/api/v1/auth/login').send({ email, password: TEST_PASSWORD }).expect(200))
      .body.accessToken as string;

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await t.owner.query('TRUNCATE incidents, incident_reference_counters CASCADE');
    const municipalities = await t.db.query('SELECT code, name FROM municipalities');
    const hash = await new PasswordHasher().hash(TEST_PASSWORD);
    const users = demoUsers(municipalities);
    await t.db.query(
      `INSERT INTO users (email, display_name, password_hash, role, municipality_code, active)
       SELECT email, name, $1, role, code, true FROM unnest($2::text[], $3::text[], $4::text[], $5::smallint[])
         AS x(email, name, role, code)`,
      [
        hash,
        users.map((u) => u.email),
        users.map((u) => u.displayName),
        users.map((u) => u.role),
        users.map((u) => u.municipalityCode),
      ],
    );
    seeder = new DemoIncidentsSeeder(t.db, t.app.get(Clock));
    expect(await seeder.seed()).toBe(true);
    rows = await t.db.query(
      `SELECT i.id, i.reference, i.municipality_code, i.status, i.rsit_class, i.rsit_type, i.nis2_significant,
              i.pdb_notifiable, i.occurred_at, i.detected_at, i.aware_at, i.closed_at, i.next_due_at, u.role AS assignee_role,
              (SELECT e.kind FROM incident_events e WHERE e.incident_id = i.id ORDER BY e.at, e.id LIMIT 1) AS first_event,
              coalesce((SELECT json_agg(json_build_object('kind', o.kind, 'anchor_at', o.anchor_at,
                          'due_at', o.due_at, 'submitted_at', o.submitted_at) ORDER BY o.due_at, o.kind)
                        FROM incident_obligations o WHERE o.incident_id = i.id), '[]') AS obligations
       FROM incidents i LEFT JOIN users u ON u.id = i.assignee_id`,
    );
  }, 300_000);
  afterAll(() => t.close());

  it('seeds a year across all 98 municipalities, with Ballerup at 88 breaches and 23 notified', async () => {
    expect(rows.length).toBeGreaterThan(10_000);
    expect(new Set(rows.map((r) => r.municipality_code)).size).toBe(98);
    const [ballerup] = await t.db.query(
      `SELECT count(*) FILTER (WHERE pdb_type IS NOT NULL)::int AS breaches,
              count(*) FILTER (WHERE pdb_notifiable)::int AS notified
       FROM incidents WHERE municipality_code = 151`,
    );
    expect(ballerup).toEqual({ breaches: 88, notified: 23 });
  });

  it('does nothing the second time', async () => {
    expect(await seeder.seed()).toBe(false);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM incidents');
    expect(n).toBe(rows.length);
  });

  it('numbers the references gap-free per year and leaves the counter at the last one', async () => {
    const years = await t.db.query(
      `SELECT x.year, count(*)::int AS n, min(x.seq) AS first, max(x.seq) AS last, c.last AS counter
       FROM (SELECT substr(reference, 7, 4)::int AS year, substr(reference, 12)::int AS seq FROM incidents) x
       LEFT JOIN incident_reference_counters c ON c.year = x.year
       GROUP BY x.year, c.last ORDER BY x.year`,
    );
    expect(years.length).toBeGreaterThanOrEqual(1);
    for (const y of years) expect(y).toEqual({ ...y, first: 1, last: y.n, counter: y.n });
  });

  it("stores every obligation's due exactly as the clock functions compute it", () => {
    const problems: string[] = [];
    for (const r of rows) {
      const submissions = Object.fromEntries(
        r.obligations.map((o) => [o.kind, { submittedAt: o.submitted_at ? new Date(o.submitted_at) : null }]),
      );
      const planned = planObligations(
        {
          awareAt: r.aware_at,
          breachNotifiable: r.pdb_notifiable ?? false,
          nis2Significant: r.nis2_significant,
        },
        submissions,
      );
      const stored = r.obligations.map((o) => ({
        kind: o.kind,
        anchorAt: new Date(o.anchor_at).toISOString(),
        dueAt: new Date(o.due_at).toISOString(),
      }));
      const expected = planned
        .map((p) => ({ kind: p.kind, anchorAt: p.anchorAt.toISOString(), dueAt: p.dueAt.toISOString() }))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.kind.localeCompare(b.kind));
      if (JSON.stringify(stored) !== JSON.stringify(expected)) problems.push(r.reference);
      const open = r.obligations
        .filter((o) => o.submitted_at === null)
        .map((o) => new Date(o.due_at).getTime());
      const nextDue = open.length > 0 ? Math.min(...open) : null;
      if ((r.next_due_at?.getTime() ?? null) !== nextDue) problems.push(`${r.reference}: next_due_at`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the rules of the taxonomy, the times, the workflow and the assignee', () => {
    const now = new Date();
    const problems: string[] = [];
    for (const r of rows) {
      if (rsitProblem(r.rsit_class, r.rsit_type)) problems.push(`${r.reference}: rsit`);
      const times = { occurredAt: r.occurred_at, detectedAt: r.detected_at, awareAt: r.aware_at };
      if (incidentTimesProblem(times, now)) problems.push(`${r.reference}: times`);
      if ((r.closed_at !== null) !== isSettled(r.status)) problems.push(`${r.reference}: closedAt`);
      if (r.assignee_role !== null && r.assignee_role !== 'cert_analyst')
        problems.push(`${r.reference}: assignee`);
      if (r.first_event !== 'reported')
        problems.push(`${r.reference}: timeline starts with ${r.first_event}`);
    }
    expect(problems).toEqual([]);
    expect(rows.some((r) => r.assignee_role === 'cert_analyst')).toBe(true);
  });

  it('gives KommuneCERT a work queue and the officer its own incidents, through the API', async () => {
    const cert = await login('cert@baseline.local');
    const overdue = await request(t.http)
      .get('/api/v1/incidents?overdue=true')
      .auth(cert, { type: 'bearer' })
      .expect(200);
    expect(overdue.body.total).toBeGreaterThan(0);
    expect(overdue.body.items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    const mine = await request(t.http)
      .get('/api/v1/incidents?assignee=me&status=in_progress')
      .auth(cert, { type: 'bearer' })
      .expect(200);
    expect(mine.body.total).toBeGreaterThan(0);

    const officer = await login('officer-151@baseline.local');
    const own = await request(t.http).get('/api/v1/incidents').auth(officer, { type: 'bearer' }).expect(200);
    expect(own.body.total).toBe(rows.filter((r) => r.municipality_code === 151).length);
    const closed = rows.find((r) => r.municipality_code === 151 && r.status === 'closed')!;
    const timeline = await request(t.http)
      .get(`/api/v1/incidents/${closed.id}/timeline`)
      .auth(officer, { type: 'bearer' })
      .expect(200);
    const kinds = (timeline.body as Array<{ kind: string }>).map((e) => e.kind);
    expect(kinds[0]).toBe('reported');
    expect(kinds).toContain('status-changed');
  });
});
