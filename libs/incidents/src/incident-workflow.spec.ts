import {
  allowedTransitions,
  INCIDENT_STATUSES,
  transitionProblem,
  transitionTimes,
} from './incident-workflow';

describe('incident workflow', () => {
  it('walks the happy path new → triage → in_progress → contained → resolved → closed', () => {
    const path = ['new', 'triage', 'in_progress', 'contained', 'resolved', 'closed'] as const;
    for (let i = 1; i < path.length; i++) {
      expect(transitionProblem(path[i - 1], { to: path[i] })).toBeNull();
    }
  });

  it('names the allowed transitions when one is wrong', () => {
    expect(transitionProblem('new', { to: 'closed' })).toEqual({
      kind: 'not-allowed',
      from: 'new',
      to: 'closed',
      allowed: ['triage', 'not_an_incident', 'duplicate'],
    });
    expect(transitionProblem('closed', { to: 'closed' })).toMatchObject({ kind: 'not-allowed' });
  });

  it('every status can be left, and every target is a known status', () => {
    for (const s of INCIDENT_STATUSES) {
      expect(allowedTransitions(s).length).toBeGreaterThan(0);
      for (const to of allowedTransitions(s)) expect(INCIDENT_STATUSES).toContain(to);
    }
  });

  it('"not an incident" needs a disposition from the MISP vocabulary', () => {
    expect(transitionProblem('triage', { to: 'not_an_incident' })).toMatchObject({ field: 'disposition' });
    expect(transitionProblem('triage', { to: 'not_an_incident', disposition: 'confirmed' })).toMatchObject({
      field: 'disposition',
    });
    expect(transitionProblem('triage', { to: 'not_an_incident', disposition: 'scan-probe' })).toBeNull();
    expect(transitionProblem('new', { to: 'triage', disposition: 'scan-probe' })).toMatchObject({
      field: 'disposition',
    });
  });

  it('"duplicate" needs the original', () => {
    expect(transitionProblem('new', { to: 'duplicate' })).toMatchObject({ field: 'duplicateOf' });
    expect(transitionProblem('new', { to: 'duplicate', duplicateOf: 'KCERT-2026-0001' })).toBeNull();
    expect(transitionProblem('new', { to: 'triage', duplicateOf: 'KCERT-2026-0001' })).toMatchObject({
      field: 'duplicateOf',
    });
  });

  it('stamps the first containment, and clears closing on reopen', () => {
    const t1 = new Date('2026-03-01T10:00:00Z');
    const t2 = new Date('2026-03-02T10:00:00Z');
    const contained = transitionTimes('contained', t1, {
      containedAt: null,
      resolvedAt: null,
      closedAt: null,
    });
    expect(contained.containedAt).toEqual(t1);
    expect(transitionTimes('contained', t2, contained).containedAt).toEqual(t1);
    const closed = transitionTimes('closed', t2, { ...contained, resolvedAt: t2 });
    expect(closed.closedAt).toEqual(t2);
    expect(transitionTimes('in_progress', t2, closed)).toEqual({
      containedAt: t1,
      resolvedAt: null,
      closedAt: null,
    });
  });
});
