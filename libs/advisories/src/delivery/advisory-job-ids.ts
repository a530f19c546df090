/**
 * The BullMQ job ids of an advisory's work: deterministic, so that enqueuing again joins the job
 * already queued. BullMQ refuses ':' in custom ids, hence '_'.
 */
export const fanOutJobId = (advisoryId: string, version: number) =>
  ['advisory-fan-out', advisoryId, version].join('_');

export const remindJobId = (advisoryId: string, respondBy: number) =>
  ['advisory-remind', advisoryId, respondBy].join('_');

/** The in-app notification's dedupe key of a version: one message per officer, however often sent. */
export const deliveryDedupeKey = (advisoryId: string, version: number) =>
  ['advisory', advisoryId, version].join(':');

export const reminderDedupeKey = (advisoryId: string, respondBy: number) =>
  ['advisory-reminder', advisoryId, respondBy].join(':');
