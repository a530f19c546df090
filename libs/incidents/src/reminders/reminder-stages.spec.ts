import { latestStageReached, reminderAt, reminderJobId } from './reminder-stages';

const HOUR = 3_600_000;

describe('incident reminder stages', () => {
  const due = Date.UTC(2026, 2, 29, 1, 30); // the night Denmark moves to summer time: elapsed hours count

  it('falls 12 h and 2 h before the due time, and at it', () => {
    expect(reminderAt(due, '12h')).toBe(due - 12 * HOUR);
    expect(reminderAt(due, '2h')).toBe(due - 2 * HOUR);
    expect(reminderAt(due, 'overdue')).toBe(due);
  });

  it('names only the latest stage reached', () => {
    expect(latestStageReached(due, due - 12 * HOUR - 1)).toBeNull();
    expect(latestStageReached(due, due - 12 * HOUR)).toBe('12h');
    expect(latestStageReached(due, due - 2 * HOUR - 1)).toBe('12h');
    expect(latestStageReached(due, due - 2 * HOUR)).toBe('2h');
    expect(latestStageReached(due, due - 1)).toBe('2h');
    expect(latestStageReached(due, due)).toBe('overdue');
    expect(latestStageReached(due, due + 30 * 24 * HOUR)).toBe('overdue');
  });

  it('makes job ids BullMQ accepts, one per obligation, stage and due time', () => {
    const id = reminderJobId({ incidentId: 'a-b', kind: 'gdpr-art33', stage: '2h', dueAt: due });
    expect(id).not.toContain(':');
    expect(id).toBe(`incident-reminder_a-b_gdpr-art33_2h_${due}`);
    expect(reminderJobId({ incidentId: 'a-b', kind: 'gdpr-art33', stage: '2h', dueAt: due + 1 })).not.toBe(
      id,
    );
  });
});
