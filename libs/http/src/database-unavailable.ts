/**
 * SQLSTATEs that mean "the database cannot serve this now", not "this request is wrong":
 * connection exceptions (08), insufficient resources (53), shutdown or cannot connect now (57P0x),
 * a statement cancelled by statement_timeout (57014) and a session ended by
 * idle_in_transaction_session_timeout (25P03).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123]|57014|25P03)$/;

/** Node's socket errors when PostgreSQL is not reachable. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
]);

/** What node-postgres and its pool say when no connection can be had or a server stops answering. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error',
];

interface MaybeDriverError {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

/**
 * True when the error says the database is away, overloaded or too slow: the request may succeed
 * later, so it is answered 503 rather than 500. TypeORM wraps driver errors in `driverError`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as MaybeDriverError;
  if (e.driverError !== undefined && isDatabaseUnavailable(e.driverError)) return true;
  if (typeof e.code === 'string' && (UNAVAILABLE_SQLSTATE.test(e.code) || UNREACHABLE_CODES.has(e.code))) {
    return true;
  }
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGES.some((m) => (e.message as string).includes(m));
}
