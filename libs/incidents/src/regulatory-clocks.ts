import { addCopenhagenMonths } from './copenhagen-time';
import type { Nis2Significance } from './rsit';

/** The regulatory obligations of an incident (`shared/domain/deadlines.md`), as the API names them. */
export const OBLIGATION_KINDS = [
  'gdpr-art33',
  'nis2-early-warning',
  'nis2-notification',
  'nis2-final-report',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

const HOUR = 3_600_000;

export interface ClockInput {
  awareAt: Date;
  /** A personal-data breach that is likely to result in a risk to people (GDPR Art. 33). */
  breachNotifiable: boolean;
  nis2Significant: Nis2Significance;
}

export interface Submission {
  submittedAt: Date | null;
}

export interface PlannedObligation {
  kind: ObligationKind;
  /** What the clock runs from: awareAt, or for the final report the notification. */
  anchorAt: Date;
  dueAt: Date;
}

/**
 * The obligations an incident has and when each is due. The 24 h and 72 h clocks are elapsed hours
 * from awareAt (a DST change does not move them); the NIS2 final report is due one calendar month
 * in Copenhagen after the notification was submitted, or after its due time while it is not.
 */
export function planObligations(
  input: ClockInput,
  submissions: Partial<Record<ObligationKind, Submission>> = {},
): PlannedObligation[] {
  const aware = input.awareAt.getTime();
  const after = (hours: number) => new Date(aware + hours * HOUR);
  const planned: PlannedObligation[] = [];
  if (input.breachNotifiable) {
    planned.push({ kind: 'gdpr-art33', anchorAt: input.awareAt, dueAt: after(72) });
  }
  if (input.nis2Significant === 'yes') {
    const notificationDue = after(72);
    planned.push({ kind: 'nis2-early-warning', anchorAt: input.awareAt, dueAt: after(24) });
    planned.push({ kind: 'nis2-notification', anchorAt: input.awareAt, dueAt: notificationDue });
    const anchor = submissions['nis2-notification']?.submittedAt ?? notificationDue;
    planned.push({ kind: 'nis2-final-report', anchorAt: anchor, dueAt: addCopenhagenMonths(anchor, 1) });
  }
  return planned;
}

export interface ObligationState {
  dueAt: Date;
  submittedAt: Date | null;
}

/** Not submitted and past due. */
export function isOverdue(o: ObligationState, now: Date): boolean {
  return o.submittedAt === null && now.getTime() > o.dueAt.getTime();
}

/** Submitted after its due time: the submission must state the reason for the delay. */
export function isLate(o: ObligationState): boolean {
  return o.submittedAt !== null && o.submittedAt.getTime() > o.dueAt.getTime();
}

export function isObligationKind(value: string): value is ObligationKind {
  return (OBLIGATION_KINDS as readonly string[]).includes(value);
}
