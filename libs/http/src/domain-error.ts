/**
 * What went wrong, as a stable code that clients and the web UI can branch on. The API maps a
 * code to its HTTP status (`ERROR_STATUS`), the web maps it to Danish text; neither works it out
 * again from a message or a status.
 */
export enum ErrorCode {
  // Request shape and transport
  VALIDATION_FAILED = 'VALIDATION_FAILED',
  MALFORMED_BODY = 'MALFORMED_BODY',
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST = 'BAD_REQUEST',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CSRF_REJECTED = 'CSRF_REJECTED',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNPROCESSABLE = 'UNPROCESSABLE',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL = 'INTERNAL',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
  // Sign-in
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  SIGN_IN_THROTTLED = 'SIGN_IN_THROTTLED',
  UNLOCK_LINK_INVALID = 'UNLOCK_LINK_INVALID',
  // Editions
  EDITION_NOT_FOUND = 'EDITION_NOT_FOUND',
  EDITION_WRONG_STATUS = 'EDITION_WRONG_STATUS',
  EDITION_TOO_SMALL = 'EDITION_TOO_SMALL',
  // Reports
  REPORT_FORMAT_UNKNOWN = 'REPORT_FORMAT_UNKNOWN',
  // Responses
  VERSION_CONFLICT = 'VERSION_CONFLICT',
  RESPONSE_READ_ONLY = 'RESPONSE_READ_ONLY',
  ANSWER_INVALID = 'ANSWER_INVALID',
  ANSWERS_MISSING = 'ANSWERS_MISSING',
  // Incidents
  INCIDENT_NOT_FOUND = 'INCIDENT_NOT_FOUND',
  INCIDENT_ATTACHMENT_NOT_FOUND = 'INCIDENT_ATTACHMENT_NOT_FOUND',
  INCIDENT_VERSION_CONFLICT = 'INCIDENT_VERSION_CONFLICT',
  TRANSITION_NOT_ALLOWED = 'TRANSITION_NOT_ALLOWED',
  OBLIGATION_NOT_APPLICABLE = 'OBLIGATION_NOT_APPLICABLE',
  IDEMPOTENCY_KEY_REUSED = 'IDEMPOTENCY_KEY_REUSED',
  ATTACHMENT_TOO_LARGE = 'ATTACHMENT_TOO_LARGE',
  ATTACHMENT_TYPE_REFUSED = 'ATTACHMENT_TYPE_REFUSED',
}

/** The HTTP status of each code; the one place the API decides it. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  MALFORMED_BODY: 400,
  PAYLOAD_TOO_LARGE: 413,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_REJECTED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  DATABASE_UNAVAILABLE: 503,
  INVALID_CREDENTIALS: 401,
  SIGN_IN_THROTTLED: 429,
  UNLOCK_LINK_INVALID: 400,
  EDITION_NOT_FOUND: 404,
  EDITION_WRONG_STATUS: 409,
  EDITION_TOO_SMALL: 409,
  REPORT_FORMAT_UNKNOWN: 404,
  VERSION_CONFLICT: 409,
  RESPONSE_READ_ONLY: 409,
  ANSWER_INVALID: 422,
  ANSWERS_MISSING: 422,
  INCIDENT_NOT_FOUND: 404,
  INCIDENT_ATTACHMENT_NOT_FOUND: 404,
  INCIDENT_VERSION_CONFLICT: 409,
  TRANSITION_NOT_ALLOWED: 409,
  OBLIGATION_NOT_APPLICABLE: 409,
  IDEMPOTENCY_KEY_REUSED: 422,
  ATTACHMENT_TOO_LARGE: 413,
  ATTACHMENT_TYPE_REFUSED: 415,
};

/**
 * An error the domain expects and a client can act on. It knows nothing of HTTP: the exception
 * filter gives it a status from `ERROR_STATUS`. `message` is English, for API clients and logs;
 * `details` is what a client needs to act (field problems, versions, counts).
 */
export class DomainError<D = unknown> extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: D,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** True when `e` is a domain error with one of the given codes (any code when none are given). */
export function isDomainError(e: unknown, ...codes: ErrorCode[]): e is DomainError {
  return e instanceof DomainError && (codes.length === 0 || codes.includes(e.code));
}
