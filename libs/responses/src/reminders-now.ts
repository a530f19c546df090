import type { ReminderTarget } from './responses.repository';

const danishDay = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', dateStyle: 'short' });

/** The calendar day in Danish time (YYYY-MM-DD): KL's reminders go out once per municipality per day. */
export const reminderDay = (now: Date) => danishDay.format(now);

/** One key per edition and day; a municipality whose officers hold it has been reminded that day. */
export const reminderNowKey = (editionId: string, day: string) => `survey-reminder-now:${editionId}:${day}`;

/** Who a reminder now goes to: officers of municipalities not yet reminded today, and the counts. */
export function splitReminderTargets(targets: ReminderTarget[]) {
  const fresh = targets.filter((t) => !t.municipalityReminded);
  const distinct = (ts: ReminderTarget[]) => new Set(ts.map((t) => t.municipalityCode)).size;
  return {
    recipients: fresh,
    municipalities: distinct(fresh),
    alreadyRemindedToday: distinct(targets.filter((t) => t.municipalityReminded)),
  };
}
