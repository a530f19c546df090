import type { JobsOptions } from 'bullmq';

/**
 * The job registry: every queue, every job name with its payload, and the queue each job runs on.
 * Adding a job is an entry here plus a `@JobHandler` method in the lib that owns the work (see
 * job-handler.decorator.ts); the queues, processors and schedules are built from this file.
 */

/** Every queue of the platform. */
export const QUEUES = { maintenance: 'maintenance', statistics: 'statistics', reports: 'reports' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** How many jobs of a queue one worker process runs at a time. */
export const QUEUE_CONCURRENCY = {
  maintenance: 1,
  /** One at a time per worker, since each recompute is a heavy SQL transaction. */
  statistics: 1,
  /** Two at a time, as PDF and charts use the CPU. */
  reports: 2,
} as const satisfies Record<QueueName, number>;

/** Every job name with its payload type; a processor must handle each name of its queue. */
export interface JobPayloads {
  /** Seal, verify the keyed audit chain against the last head, and write a new signed head. */
  'audit.verify': { trigger: 'schedule' | 'manual' };
  /** Send the survey reminders that are due (idempotent per user and threshold). */
  'reminders.send-due': { trigger: 'schedule' | 'manual' };
  /** KL's "send reminder now": the officers of every municipality not submitted (once a day each). */
  'reminders.send-now': { editionId: string; day: string };
  /** Recompute every benchmark figure of one edition (one transaction). */
  'statistics.recompute': { editionId: string };
  /** Re-enqueue recomputes for editions the database marks stale (a job was lost or failed). */
  'statistics.reconcile': { trigger: 'schedule' | 'manual' };
  /** Queue one render job per report of a published edition whose statistics changed. */
  'reports.render-edition': { editionId: string; statisticsVersion: number };
  /** Render and store every format of one report. */
  'reports.render': {
    editionId: string;
    kind: 'municipality' | 'national';
    municipalityCode: number;
    statisticsVersion: number;
  };
  /**
   * Plan the delayed reminder jobs of one incident's open obligations (after a change to its
   * clocks), or of every incident when no id is given (the reconciliation at worker start).
   */
  'incidents.plan-reminders': { incidentId?: string };
  /** Remind of one obligation at one stage, if it is still open and due at `dueAt` (ms). */
  'incidents.remind': { incidentId: string; kind: string; stage: '12h' | '2h' | 'overdue'; dueAt: number };
  /** Tell the officers of every targeted municipality of one advisory version (idempotent per officer). */
  'advisories.fan-out': { advisoryId: string; version: number };
  /** At an advisory's respond-by time (ms): remind the municipalities that have not answered. */
  'advisories.remind': { advisoryId: string; respondBy: number };
  /** Recompute every incident figure (one transaction); one waiting job collects a burst of changes. */
  'incident-statistics.recompute': { trigger: 'change' | 'manual' };
  /** Enqueue that recompute when changes are uncounted (a job was lost) or the figures are old. */
  'incident-statistics.reconcile': { trigger: 'schedule' | 'manual' };
  /** Deliver what a lost fan-out job missed and send the reminders that are due (idempotent). */
  'advisories.sweep': { trigger: 'schedule' | 'manual' };
  /** Render and store a year's incident mapping PDF if the incident statistics changed since. */
  'reports.render-incident-mapping': { year: number };
}
export type JobName = keyof JobPayloads;

export const JOB_QUEUE = {
  'audit.verify': QUEUES.maintenance,
  'reminders.send-due': QUEUES.maintenance,
  'reminders.send-now': QUEUES.maintenance,
  'statistics.recompute': QUEUES.statistics,
  'statistics.reconcile': QUEUES.maintenance,
  'reports.render-edition': QUEUES.reports,
  'reports.render': QUEUES.reports,
  'incidents.plan-reminders': QUEUES.maintenance,
  'incidents.remind': QUEUES.maintenance,
  'advisories.fan-out': QUEUES.maintenance,
  'advisories.remind': QUEUES.maintenance,
  'advisories.sweep': QUEUES.maintenance,
  'incident-statistics.recompute': QUEUES.statistics,
  'incident-statistics.reconcile': QUEUES.maintenance,
  'reports.render-incident-mapping': QUEUES.reports,
} as const satisfies Record<JobName, QueueName>;

/** The job names a queue carries, for typing a processor's handler table. */
export type JobsOf<Q extends QueueName> = {
  [N in JobName]: (typeof JOB_QUEUE)[N] extends Q ? N : never;
}[JobName];

/** Retries with backoff for every job; completed jobs are trimmed, failed ones kept for inspection. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5_000 },
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
};
