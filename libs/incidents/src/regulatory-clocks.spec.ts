import { addCopenhagenMonths, copenhagenYear, fromCopenhagenWallTime } from './copenhagen-time';
import { isLate, isOverdue, planObligations } from './regulatory-clocks';

const at = (iso: string) => new Date(iso);
const due = (plan: ReturnType<typeof planObligations>, kind: string) =>
  plan.find((o) => o.kind === kind)?.dueAt.toISOString();

describe('regulatory clocks', () => {
  it('has no obligation for a breach that is not notifiable and an incident that is not NIS2-significant', () => {
    expect(
      planObligations({
        awareAt: at('2026-05-01T10:00:00Z'),
        breachNotifiable: false,
        nis2Significant: 'no',
      }),
    ).toEqual([]);
    expect(
      planObligations({
        awareAt: at('2026-05-01T10:00:00Z'),
        breachNotifiable: false,
        nis2Significant: 'not-assessed',
      }),
    ).toEqual([]);
  });

  it('GDPR Art. 33: 72 h after awareAt for a notifiable breach', () => {
    const plan = planObligations({
      awareAt: at('2026-11-30T08:15:00+01:00'),
      breachNotifiable: true,
      nis2Significant: 'no',
    });
    expect(plan.map((o) => o.kind)).toEqual(['gdpr-art33']);
    expect(due(plan, 'gdpr-art33')).toBe('2026-12-03T07:15:00.000Z');
  });

  it('NIS2: 24 h and 72 h are elapsed hours across the spring DST change', () => {
    // 28 March 2026 12:00 CET; clocks go forward on 29 March at 02:00.
    const plan = planObligations({
      awareAt: at('2026-03-28T12:00:00+01:00'),
      breachNotifiable: false,
      nis2Significant: 'yes',
    });
    expect(due(plan, 'nis2-early-warning')).toBe('2026-03-29T11:00:00.000Z'); // 13:00 CEST
    expect(due(plan, 'nis2-notification')).toBe('2026-03-31T11:00:00.000Z');
    // Unsubmitted notification: final report one calendar month after its due time, 13:00 Copenhagen.
    expect(due(plan, 'nis2-final-report')).toBe('2026-04-30T11:00:00.000Z');
  });

  it('NIS2: 24 h is elapsed hours across the autumn DST change', () => {
    // 24 October 2026 12:00 CEST; clocks go back on 25 October at 03:00.
    const plan = planObligations({
      awareAt: at('2026-10-24T12:00:00+02:00'),
      breachNotifiable: true,
      nis2Significant: 'yes',
    });
    expect(due(plan, 'nis2-early-warning')).toBe('2026-10-25T10:00:00.000Z'); // 11:00 CET
    expect(due(plan, 'gdpr-art33')).toBe('2026-10-27T10:00:00.000Z');
  });

  it('the final report runs from the notification as SUBMITTED, not from detection', () => {
    const awareAt = at('2026-01-29T09:00:00+01:00');
    const plan = planObligations(
      { awareAt, breachNotifiable: false, nis2Significant: 'yes' },
      { 'nis2-notification': { submittedAt: at('2026-01-31T14:30:00+01:00') } },
    );
    // Submitted on 31 January → due on the last day of February at the same wall-clock time.
    expect(due(plan, 'nis2-final-report')).toBe('2026-02-28T13:30:00.000Z');
    expect(plan.find((o) => o.kind === 'nis2-final-report')!.anchorAt.toISOString()).toBe(
      '2026-01-31T13:30:00.000Z',
    );
  });

  it('a calendar month in Copenhagen keeps the wall-clock time across DST and clamps month ends', () => {
    // 31 January 2028 → 29 February 2028 (leap year).
    expect(addCopenhagenMonths(at('2028-01-31T10:00:00+01:00'), 1).toISOString()).toBe(
      '2028-02-29T09:00:00.000Z',
    );
    // Winter → summer: 10:00 CET on 10 March → 10:00 CEST on 10 April (one elapsed hour less).
    expect(addCopenhagenMonths(at('2026-03-10T10:00:00+01:00'), 1).toISOString()).toBe(
      '2026-04-10T08:00:00.000Z',
    );
    // Summer → winter: 10:00 CEST on 10 October → 10:00 CET on 10 November.
    expect(addCopenhagenMonths(at('2026-10-10T10:00:00+02:00'), 1).toISOString()).toBe(
      '2026-11-10T09:00:00.000Z',
    );
    // 31 March → 30 April; 31 December → 31 January of the next year.
    expect(addCopenhagenMonths(at('2026-03-31T23:30:00+02:00'), 1).toISOString()).toBe(
      '2026-04-30T21:30:00.000Z',
    );
    expect(addCopenhagenMonths(at('2026-12-31T23:59:00+01:00'), 1).toISOString()).toBe(
      '2027-01-31T22:59:00.000Z',
    );
    // A wall time the spring change skips (02:30 on 29 March 2026) moves forward by the hour.
    expect(addCopenhagenMonths(at('2026-02-28T02:30:00+01:00'), 1).toISOString()).toBe(
      '2026-03-28T01:30:00.000Z',
    );
    expect(addCopenhagenMonths(at('2026-02-28T02:30:00+01:00'), 1).getTime()).toBeLessThan(
      at('2026-03-29T00:00:00Z').getTime(),
    );
  });

  it('resolves skipped and repeated wall-clock times', () => {
    const w = { year: 2026, month: 3, day: 29, hour: 2, minute: 30, second: 0, millisecond: 0 };
    expect(fromCopenhagenWallTime(w).toISOString()).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(fromCopenhagenWallTime({ ...w, month: 10, day: 25 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('takes the year in Copenhagen', () => {
    expect(copenhagenYear(at('2026-12-31T23:30:00Z'))).toBe(2027);
    expect(copenhagenYear(at('2026-12-31T22:30:00Z'))).toBe(2026);
  });

  it('marks unsubmitted obligations overdue, and late submissions late', () => {
    const o = { dueAt: at('2026-05-01T10:00:00Z'), submittedAt: null };
    expect(isOverdue(o, at('2026-05-01T10:00:00Z'))).toBe(false);
    expect(isOverdue(o, at('2026-05-01T10:00:01Z'))).toBe(true);
    expect(isOverdue({ ...o, submittedAt: at('2026-05-02T00:00:00Z') }, at('2026-06-01T00:00:00Z'))).toBe(
      false,
    );
    expect(isLate({ ...o, submittedAt: at('2026-05-02T00:00:00Z') })).toBe(true);
    expect(isLate({ ...o, submittedAt: at('2026-05-01T10:00:00Z') })).toBe(false);
  });
});
