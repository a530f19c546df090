/**
 * When an open obligation is reminded of (issue 10, item 4): 12 h before its due time, 2 h before,
 * and when it is overdue. Pure, so the worker, the reconciliation and the tests agree.
 */
export const REMINDER_STAGES = ['12h', '2h', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const HOUR = 3_600_000;
const LEAD: Record<ReminderStage, number> = { '12h': 12 * HOUR, '2h': 2 * HOUR, overdue: 0 };

/** The moment a stage's reminder is due for an obligation due at `dueAt` (ms). */
export function reminderAt(dueAt: number, stage: ReminderStage): number {
  return dueAt - LEAD[stage];
}

/**
 * The latest stage already reached at `now`, or null before the first. Only this one is sent when
 * several were reached at once (a worker that was down, or an awareAt corrected into the past), so
 * an obligation found overdue gets the overdue notice and not three messages.
 */
export function latestStageReached(dueAt: number, now: number): ReminderStage | null {
  return REMINDER_STAGES.filter((s) => reminderAt(dueAt, s) <= now).at(-1) ?? null;
}

export interface ReminderKey {
  incidentId: string;
  kind: string;
  stage: ReminderStage;
  /** The due time the reminder was planned for, in ms: a moved due time makes a new reminder. */
  dueAt: number;
}

/**
 * The BullMQ job id of a reminder: deterministic, so planning again joins the job already queued.
 * BullMQ refuses ':' in custom ids, hence '_'.
 */
export function reminderJobId(k: ReminderKey): string {
  return ['incident-reminder', k.incidentId, k.kind, k.stage, k.dueAt].join('_');
}

/** The in-app notification's dedupe key: one message per user and reminder, however often it is sent. */
export function reminderDedupeKey(k: ReminderKey): string {
  return ['incident-reminder', k.incidentId, k.kind, k.stage, k.dueAt].join(':');
}
