import request from 'supertest';
import { IncidentStatisticsJobsService } from '@app/incidents';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { apiKeyCaller, as, Caller, resetIncidents, userCaller } from './support/incidents';

/**
 * The incident statistics against a hand-made year (2031) of incidents: the figures checked
 * against a computation in plain TypeScript over the same rows, the suppression for every role, and
 * an attacker who solves every published sum with one unknown.
 */
describe('Incident statistics (e2e)', () => {
  let t: TestApp;
  let cert: Caller, kl: Caller, admin: Caller, officer: Caller;
  const YEAR = 2031;
  const K = 5;

  // [municipality, region, rsit class/type, severity, month, pdb notifiable (null: no breach), hours to contain]
  type Row = [number, number, string, string, string, number, boolean | null, number | null];
  const rows: Row[] = [
    // Region Hovedstaden: six municipalities with phishing, some with breaches; two call one low.
    ...[101, 147, 151, 153, 155, 157].flatMap((mu, i): Row[] => [
      [
        mu,
        1084,
        'fraud',
        'phishing',
        i < 2 ? 'low' : 'medium',
        1 + (i % 3),
        i % 2 === 0 ? true : null,
        3 + i,
      ],
      [mu, 1084, 'fraud', 'phishing', 'high', 2, i < 5 ? false : null, 30 + i],
    ]),
    // Region Midtjylland: seven municipalities, all low; Aarhus alone has malware.
    [751, 1082, 'malicious-code', 'infected-system', 'low', 3, null, 100],
    [615, 1082, 'availability', 'ddos', 'low', 4, null, null],
    ...[657, 661, 665, 671, 706].map((mu): Row => [mu, 1082, 'fraud', 'phishing', 'low', 5, null, 5]),
  ];

  let seq = 0;
  const insert = async (r: Row) => {
    const [mu, , cls, type, severity, month, notifiable, hours] = r;
    const aware = new Date(Date.UTC(YEAR, month - 1, 10, 12));
    const contained = hours === null ? null : new Date(aware.getTime() + hours * 3_600_000);
    await t.owner.query(
      `INSERT INTO incidents (reference, municipality_code, source, reporter_label, title, status, rsit_class, rsit_type,
         severity, aware_at, contained_at, pdb_type, pdb_notifiable)
       VALUES ($1, $2, 'cert', 'test', 'Testhændelse', 'closed', $3, $4, $5, $6, $7, $8, $9)`,
      [
        `KCERT-${YEAR}-${String(++seq).padStart(4, '0')}`,
        mu,
        cls,
        type,
        severity,
        aware,
        contained,
        notifiable === null ? null : 'utilsigtet-videregivelse',
        notifiable,
      ],
    );
  };

  const get = (caller: Caller, query: string) =>
    as(request(t.http).get(`/api/v1/incident-statistics?${query}`), caller);

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    await resetIncidents(t);
    cert = await userCaller(t, 'cert_analyst');
    kl = await userCaller(t, 'kl_analyst');
    admin = await userCaller(t, 'platform_admin');
    officer = await userCaller(t, 'municipality_officer', 151);
    for (const r of rows) await insert(r);
    await t.app.get(IncidentStatisticsJobsService).run();
  });
  afterAll(() => t.close());

  type Cell = { key: string; incidents: number | null; suppressed: boolean };
  type Scope = { scope: string; key: string; total: Cell; groups: Cell[]; kSuppressed: boolean };

  it('gives KommuneCERT every figure, as computed independently from the rows', async () => {
    const res = await get(cert, `from=${YEAR}-01&to=${YEAR}-12&groupBy=rsitClass`).expect(200);
    const scopes: Scope[] = res.body.scopes;
    const national = scopes.find((s) => s.scope === 'national')!;
    expect(national.total.incidents).toBe(rows.length);
    for (const cls of new Set(rows.map((r) => r[2]))) {
      expect(national.groups.find((g) => g.key === cls)!.incidents).toBe(
        rows.filter((r) => r[2] === cls).length,
      );
    }
    for (const mu of new Set(rows.map((r) => r[0]))) {
      const own = scopes.find((s) => s.scope === 'municipality' && s.key === String(mu))!;
      expect(own.total.incidents).toBe(rows.filter((r) => r[0] === mu).length);
    }
    const population = national as unknown as { population: number; total: { per10k: number } };
    expect(population.total.per10k).toBeCloseTo((rows.length / population.population) * 10_000, 1);
    const pdb = res.body.scopes[0].personalDataBreaches;
    expect(pdb.total.incidents).toBe(rows.filter((r) => r[6] !== null).length);
    expect(pdb.byStatus.find((c: Cell) => c.key === 'notified').incidents).toBe(
      rows.filter((r) => r[6] === true).length,
    );
    expect(pdb.byStatus.find((c: Cell) => c.key === 'documented').incidents).toBe(
      rows.filter((r) => r[6] === false).length,
    );
    const months = await get(cert, `from=${YEAR}-01&to=${YEAR}-06&groupBy=month`).expect(200);
    expect(months.body.scopes[0].groups.map((g: Cell) => g.incidents)).toEqual(
      [1, 2, 3, 4, 5, 6].map((m) => rows.filter((r) => r[5] === m).length),
    );
    expect(national.kSuppressed).toBe(false);

    // The grouped median, by hand: bucket bounds in hours, the middle incident's bucket, interpolated.
    const bounds = [0, 1, 2, 4, 8, 12, 24, 48, 72, 168, 336, 720, 2160, 4320];
    const hours = rows.map((r) => r[7]).filter((h): h is number => h !== null);
    const counts = bounds
      .slice(0, -1)
      .map((lo, i) => hours.filter((h) => h >= lo && h < bounds[i + 1]).length);
    let below = 0;
    let i = 0;
    while (below + counts[i] < hours.length / 2) below += counts[i++];
    const expected = bounds[i] + ((hours.length / 2 - below) / counts[i]) * (bounds[i + 1] - bounds[i]);
    expect(res.body.scopes[0].awareToContained).toEqual({
      medianHours: Math.round(expected * 10) / 10,
      incidents: hours.length,
      suppressed: false,
    });
    expect(res.body.scopes[0].awareToResolved).toEqual({
      medianHours: null,
      incidents: 0,
      suppressed: false,
    });
  });

  /** Every equation "total = sum of parts" with one unknown part: that part is recovered. */
  function recovered(scopes: Scope[]): string[] {
    const found: string[] = [];
    const solve = (label: string, total: Cell, parts: Array<[string, Cell]>) => {
      if (total.suppressed) return;
      const hidden = parts.filter(([, c]) => c.suppressed);
      if (hidden.length === 1) found.push(`${label}:${hidden[0][0]}`);
    };
    const aggregate = scopes.filter((s) => s.scope !== 'municipality');
    const national = aggregate.find((s) => s.scope === 'national')!;
    const regions = aggregate.filter((s) => s.scope === 'region');
    for (const s of aggregate)
      solve(
        s.key,
        s.total,
        s.groups.map((g) => [g.key, g]),
      );
    solve(
      'regions',
      national.total,
      regions.map((r) => [r.key, r.total]),
    );
    // Region by region, a region's groups add up to the national group (not so for groupBy=region).
    for (const g of national.groups) {
      const parts = regions.map((r): [string, Cell | undefined] => [
        r.key,
        r.groups.find((x) => x.key === g.key),
      ]);
      if (parts.every(([, c]) => c)) solve(`column ${g.key}`, g, parts as Array<[string, Cell]>);
    }
    return found;
  }

  for (const role of ['kl', 'admin', 'officer'] as const) {
    it(`suppresses below K for ${role}, with complements no sum recovers`, async () => {
      const caller = { kl, admin, officer }[role];
      for (const groupBy of ['rsitClass', 'severity', 'month', 'region', 'sizeClass']) {
        const res = await get(caller, `from=${YEAR}-01&to=${YEAR}-12&groupBy=${groupBy}`).expect(200);
        const scopes: Scope[] = res.body.scopes;
        expect(recovered(scopes)).toEqual([]);
        const empty = scopes.find((s) => s.scope === 'region' && s.key === '1081')!;
        expect(empty.total).toMatchObject({ incidents: 0, suppressed: false });
        // Aarhus' malware is the only one in its class: hidden nationally, with a complement.
        if (groupBy === 'rsitClass') {
          const national = scopes.find((s) => s.scope === 'national')!;
          expect(national.groups.find((g) => g.key === 'malicious-code')!.suppressed).toBe(true);
          expect(
            national.groups.filter((g) => g.suppressed && g.key !== 'malicious-code').length,
          ).toBeGreaterThan(0);
        }
        // No visible cell describes fewer than K municipalities.
        const municipalitiesIn = (scope: Scope, cell: Cell) =>
          new Set(
            rows
              .filter((r) => scope.scope === 'national' || String(r[1]) === scope.key)
              .filter((r) => cell === scope.total || (groupBy === 'rsitClass' && cell.key === r[2]))
              .map((r) => r[0]),
          ).size;
        for (const s of scopes.filter((x) => x.scope !== 'municipality')) {
          if (!s.total.suppressed && s.total.incidents! > 0)
            expect(municipalitiesIn(s, s.total)).toBeGreaterThanOrEqual(K);
          if (groupBy === 'rsitClass')
            for (const g of s.groups.filter((x) => !x.suppressed && x.incidents! > 0))
              expect(municipalitiesIn(s, g)).toBeGreaterThanOrEqual(K);
        }
        const own = scopes.filter((s) => s.scope === 'municipality');
        expect(own.map((s) => s.key)).toEqual(role === 'officer' ? ['151'] : []);
        if (role === 'officer') expect(own[0].total.incidents).toBe(2);
      }
    });
  }

  it('refuses parts of a year to everyone but KommuneCERT, so two ranges cannot be subtracted', async () => {
    const res = await get(kl, `from=${YEAR}-01&to=${YEAR}-05`).expect(400);
    expect(res.body.message).toMatch(/^to /);
    await get(officer, `from=${YEAR}-02&to=${YEAR}-12`).expect(400);
    await get(cert, `from=${YEAR}-01&to=${YEAR}-05`).expect(200);
  });

  it('answers bad input with 400 naming the field, and API keys with 403', async () => {
    const bad: Array<[string, string]> = [
      ['groupBy=municipality', 'groupBy'],
      ['from=2031-13', 'from'],
      ['from=2031-01-01', 'from'],
      ['to=soon', 'to'],
      [`from=${YEAR}-06&to=${YEAR}-01`, 'from'],
    ];
    for (const [query, field] of bad) {
      const res = await get(cert, query).expect(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    await request(t.http).get('/api/v1/incident-statistics').expect(401);
    await as(request(t.http).get('/api/v1/incident-statistics'), await apiKeyCaller(t, 151)).expect(403);
  });
});
