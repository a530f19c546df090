import { incidentTimesProblem } from './incident-times';

const now = new Date('2026-12-01T12:00:00Z');
const at = (iso: string) => new Date(iso);

describe('incident times', () => {
  it('accepts a consistent report', () => {
    expect(
      incidentTimesProblem(
        {
          occurredAt: at('2026-11-30T06:00:00Z'),
          detectedAt: at('2026-11-30T07:00:00Z'),
          awareAt: at('2026-11-30T08:00:00Z'),
        },
        now,
      ),
    ).toBeNull();
    expect(
      incidentTimesProblem({ occurredAt: null, detectedAt: null, awareAt: at('2026-12-01T12:04:00Z') }, now),
    ).toBeNull();
  });

  it('refuses a time in the future, naming it', () => {
    expect(
      incidentTimesProblem({ occurredAt: null, detectedAt: null, awareAt: at('2026-12-01T12:06:00Z') }, now),
    ).toEqual({ field: 'awareAt', problem: 'must not be in the future', reason: 'IN_FUTURE' });
    expect(
      incidentTimesProblem(
        { occurredAt: at('2027-01-01T00:00:00Z'), detectedAt: null, awareAt: at('2026-11-30T08:00:00Z') },
        now,
      ),
    ).toMatchObject({ field: 'occurredAt' });
  });

  it('refuses awareAt or detectedAt before occurredAt', () => {
    const occurredAt = at('2026-11-30T08:00:00Z');
    expect(
      incidentTimesProblem({ occurredAt, detectedAt: null, awareAt: at('2026-11-30T07:59:59Z') }, now),
    ).toEqual({
      field: 'awareAt',
      problem: 'must not be before occurredAt',
      reason: 'BEFORE_OCCURRED',
    });
    expect(
      incidentTimesProblem({ occurredAt, detectedAt: at('2026-11-29T00:00:00Z'), awareAt: occurredAt }, now),
    ).toMatchObject({ field: 'detectedAt', reason: 'BEFORE_OCCURRED' });
  });
});
