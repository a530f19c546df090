/**
 * The vocabulary of advisories: statuses, the municipalities' answers and the CVE id format. Pure, so
 * the API, the worker, the web and the tests agree. Severity and TLP are the incident log's
 * (`SEVERITIES`, `TLP_LEVELS` in @app/incidents).
 */
export const ADVISORY_STATUSES = ['active', 'withdrawn'] as const;
export type AdvisoryStatus = (typeof ADVISORY_STATUSES)[number];

/**
 * A municipality's answer. `read` only acknowledges the advisory; the other three say whether it
 * acted, so only they count as answered in the matrix, the response rate and the reminders.
 */
export const RESPONSE_STATUSES = ['read', 'not_affected', 'mitigating', 'mitigated'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const isAnswered = (status: ResponseStatus | null | undefined): boolean =>
  status !== null && status !== undefined && status !== 'read';

/** What a version of an advisory was: the first send, a correction, or the withdrawal. */
export const VERSION_KINDS = ['published', 'updated', 'withdrawn'] as const;
export type AdvisoryVersionKind = (typeof VERSION_KINDS)[number];

/** MITRE's format: the year, then four or more digits (CVE-2024-3400, CVE-2021-44228, CVE-2024-123456). */
export const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** The content fields a version keeps and an update may change. */
export const CONTENT_FIELDS = [
  'title',
  'summary',
  'body',
  'severity',
  'tlp',
  'products',
  'cveIds',
  'recommendedActions',
  'respondBy',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
