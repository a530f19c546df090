import {
  BREACH_TYPES,
  incidentTimesProblem,
  isLate,
  isOverdue,
  isSettled,
  planObligations,
  rsitProblem,
} from '@app/incidents';
import { readMunicipalities } from '@app/municipalities';
import { BALLERUP, DemoIncident, generateDemoIncidents, referenceCounters } from './demo-incidents';

const NOW = new Date('2026-12-01T11:00:00Z');
const CERT = '00000000-0000-4000-8000-0000000000ce';
const municipalities = readMunicipalities();

describe('demo incidents', () => {
  let incidents: DemoIncident[];
  const share = (pred: (i: DemoIncident) => boolean, of: DemoIncident[] = incidents) =>
    of.filter(pred).length / of.length;

  beforeAll(() => {
    incidents = generateDemoIncidents(municipalities, NOW, CERT);
  });

  it('is deterministic', () => {
    const some = municipalities.slice(0, 12);
    const json = (now: Date) => JSON.stringify(generateDemoIncidents(some, now, CERT));
    expect(json(NOW)).toBe(json(NOW));
    expect(json(NOW)).not.toBe(json(new Date(NOW.getTime() + 60_000)));
  });

  it('gives Ballerup its published year: 88 breaches, 23 notified to Datatilsynet', () => {
    const ballerup = incidents.filter((i) => i.municipalityCode === BALLERUP.code && i.pdb);
    expect(ballerup).toHaveLength(88);
    expect(ballerup.filter((i) => i.pdb!.notifiable)).toHaveLength(23);
  });

  it("scales Ballerup's breach rate and notified share by population to the whole country", () => {
    const ballerupPopulation = municipalities.find((m) => m.code === BALLERUP.code)!.population;
    const population = municipalities.reduce((s, m) => s + m.population, 0);
    const breaches = incidents.filter((i) => i.pdb);
    const expected = (BALLERUP.breaches * population) / ballerupPopulation;
    expect(breaches.length / expected).toBeGreaterThan(0.9);
    expect(breaches.length / expected).toBeLessThan(1.1);
    expect(share((i) => i.pdb!.notifiable, breaches)).toBeCloseTo(23 / 88, 2);
    expect(new Set(incidents.map((i) => i.municipalityCode)).size).toBe(98);
    // The notified ones went to Datatilsynet; the others are documented with a reason (Art. 33(5)).
    expect(breaches.filter((b) => b.pdb!.notifiable !== (b.pdb!.documentedOnlyReason === null))).toEqual([]);
  });

  it('mixes the RSIT classes with personal-data mistakes first, then phishing and fraud', () => {
    expect(incidents.filter((i) => rsitProblem(i.rsitClass, i.rsitType) !== null)).toEqual([]);
    const byClass = new Map<string, number>();
    for (const i of incidents) byClass.set(i.rsitClass, (byClass.get(i.rsitClass) ?? 0) + 1);
    const ranked = [...byClass].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(ranked.slice(0, 2)).toEqual(['information-content-security', 'fraud']);
    for (const c of ['malicious-code', 'availability', 'intrusion-attempts', 'intrusions']) {
      expect(byClass.get(c)! / incidents.length).toBeGreaterThan(0.01);
    }
    const breachTypes = BREACH_TYPES.map((t) => incidents.filter((i) => i.pdb?.type === t).length);
    expect(Math.max(...breachTypes)).toBe(breachTypes[0]); // utilsigtet videregivelse
  });

  it('makes NIS2-significant incidents rare, critical and with all their obligations', () => {
    const significant = incidents.filter((i) => i.nis2Significant === 'yes');
    expect(significant.length).toBeGreaterThan(0);
    expect(significant.length / incidents.length).toBeLessThan(0.01);
    for (const i of significant) {
      expect(i.severity).toBe('critical');
      expect(i.obligations.map((o) => o.kind)).toEqual(
        expect.arrayContaining(['nis2-early-warning', 'nis2-notification', 'nis2-final-report']),
      );
    }
  });

  it('leaves some open, a few overdue and most closed', () => {
    const open = share((i) => ['new', 'triage', 'in_progress', 'contained'].includes(i.status));
    expect(open).toBeGreaterThan(0.02);
    expect(open).toBeLessThan(0.15);
    expect(share((i) => i.status === 'closed')).toBeGreaterThan(0.8);
    for (const s of ['new', 'triage', 'in_progress', 'resolved', 'not_an_incident', 'duplicate']) {
      expect(incidents.some((i) => i.status === s)).toBe(true);
    }
    const overdue = incidents.filter((i) => i.obligations.some((o) => isOverdue(o, NOW)));
    expect(overdue.length).toBeGreaterThan(5);
    expect(overdue.length / incidents.length).toBeLessThan(0.01);
    // Unassigned work waits in the queue (new reports), the rest is mostly with the analyst.
    expect(incidents.filter((i) => i.status === 'new').every((i) => !i.assigned)).toBe(true);
    expect(share((i) => i.assigned)).toBeGreaterThan(0.8);
  });

  it("computes every obligation with the lib's clocks from awareAt and the submissions", () => {
    const problems: string[] = [];
    for (const i of incidents) {
      const submissions = Object.fromEntries(i.obligations.map((o) => [o.kind, o]));
      const planned = planObligations(
        {
          awareAt: i.awareAt,
          breachNotifiable: i.pdb?.notifiable ?? false,
          nis2Significant: i.nis2Significant,
        },
        submissions,
      );
      const open = i.obligations.filter((o) => o.submittedAt === null).map((o) => o.dueAt.getTime());
      if ((i.nextDueAt?.getTime() ?? null) !== (open.length > 0 ? Math.min(...open) : null))
        problems.push(`${i.reference}: nextDueAt`);
      const stored = i.obligations.map(({ kind, anchorAt, dueAt }) => ({ kind, anchorAt, dueAt }));
      if (JSON.stringify(stored) !== JSON.stringify(planned)) problems.push(`${i.reference}: dues`);
      for (const o of i.obligations) {
        if ((o.reasonForDelay !== null) !== isLate(o)) problems.push(`${i.reference}: reason for delay`);
        if (o.submittedAt && (o.submittedAt > NOW || o.submittedAt < i.createdAt))
          problems.push(`${i.reference}: submitted between report and now`);
      }
    }
    expect(problems).toEqual([]);
    const submitted = incidents.flatMap((i) => i.obligations).filter((o) => o.submittedAt);
    expect(submitted.some((o) => isLate(o))).toBe(true);
    expect(incidents.flatMap((i) => i.obligations).length).toBeGreaterThan(2000);
  });

  it('numbers the references gap-free per year in the order of reporting', () => {
    const counters = referenceCounters(incidents);
    for (const [year, last] of counters) {
      const ofYear = incidents.filter((i) => i.reference.startsWith(`KCERT-${year}-`));
      expect(ofYear.map((i) => i.reference)).toEqual(
        Array.from({ length: last }, (_, k) => `KCERT-${year}-${String(k + 1).padStart(4, '0')}`),
      );
      const outOfOrder = ofYear.filter((x, k) => k > 0 && x.createdAt < ofYear[k - 1].createdAt);
      expect(outOfOrder).toEqual([]);
    }
    expect([...counters.keys()]).toEqual([2025, 2026]);
  });

  it('keeps the times and the timeline consistent', () => {
    // Problems are collected and asserted once: 16,000 incidents × a dozen expect() calls is slow.
    const yearAgo = NOW.getTime() - 366 * 86_400_000;
    const byId = new Map(incidents.map((i) => [i.id, i]));
    const problems: string[] = [];
    const check = (i: DemoIncident, ok: boolean, what: string) => {
      if (!ok) problems.push(`${i.reference}: ${what}`);
    };
    for (const i of incidents) {
      check(i, incidentTimesProblem(i, NOW) === null, 'times');
      check(i, i.awareAt.getTime() > yearAgo, 'awareAt within the year');
      check(i, i.createdAt >= i.awareAt, 'reported after aware');
      check(i, (i.closedAt !== null) === isSettled(i.status), 'closedAt iff settled');
      check(i, i.events[0].kind === 'reported' && i.events[0].at === i.createdAt, 'reported first');
      const statuses = i.events.filter((e) => e.kind === 'status-changed');
      check(i, (statuses.length === 0 ? 'new' : statuses[statuses.length - 1].after) === i.status, 'status');
      const outside = i.events.filter((e) => e.at < i.createdAt || e.at > NOW);
      check(i, outside.length === 0, 'events between report and now');
      check(i, i.updatedAt.getTime() === i.events[i.events.length - 1].at.getTime(), 'updatedAt');
      const changes = i.events.filter((e) => e.kind === 'status-changed' || e.kind === 'assigned');
      check(i, i.version === 1 + changes.length, 'version counts the changes');
      if (i.status === 'duplicate') {
        const original = byId.get(i.duplicateOfId!);
        check(i, original?.municipalityCode === i.municipalityCode, 'original of the same municipality');
        check(i, original?.status !== 'duplicate', 'original is no duplicate');
        check(i, original !== undefined && original.createdAt <= i.createdAt, 'original reported before');
      } else check(i, i.duplicateOfId === null, 'no duplicateOf');
      check(i, (i.disposition !== null) === (i.status === 'not_an_incident'), 'disposition');
    }
    expect(problems).toEqual([]);
  });
});
