import type { JobsOptions } from 'bullmq';

/** Every queue of the platform. */
export const QUEUES = { maintenance: 'maintenance' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Every job name with its payload type; a processor must handle each name of its queue. */
export interface JobPayloads {
  /** Recompute the audit hash chain and report the first broken entry. */
  'audit.verify': { trigger: 'schedule' | 'manual' };
  /** Send the survey reminders that are due (idempotent per user and threshold). */
  'reminders.send-due': { trigger: 'schedule' | 'manual' };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE: Record<JobName, QueueName> = {
  'audit.verify': QUEUES.maintenance,
  'reminders.send-due': QUEUES.maintenance,
};

/** Retries with backoff for every job; completed jobs are trimmed, failed ones kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};

export const SCHEDULES = {
  auditVerifyDaily: 'audit-verify-daily',
  remindersScan: 'reminders-scan',
} as const;
