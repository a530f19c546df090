import { HttpException, HttpStatus } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-unavailable';

/** The error shape of the whole API (docs/architecture.md, "Requests"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId?: string;
}

const REASONS: Record<number, string> = Object.fromEntries(
  Object.entries(HttpStatus)
    .filter(([, v]) => typeof v === 'number')
    .map(([k, v]) => [
      v as number,
      k
        .toLowerCase()
        .split('_')
        .map((w) => w[0].toUpperCase() + w.slice(1))
        .join(' '),
    ]),
);

/** Express body-parser errors carry `status` and `type`; they are the client's fault (bad JSON, too large). */
interface BodyParserError extends Error {
  status?: number;
  statusCode?: number;
  type?: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return e instanceof Error && typeof (e as BodyParserError).type === 'string' && 'status' in e;
}

/**
 * Maps anything thrown to a client-safe error body: a database that is away or too slow becomes
 * 503 (never its SQL), other unknown errors a bare 500.
 */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const response = exception.getResponse();
    const body = typeof response === 'string' ? { message: response } : (response as Record<string, unknown>);
    const message = Array.isArray(body.message)
      ? body.message.join('; ')
      : String(body.message ?? exception.message);
    return {
      statusCode,
      error: typeof body.error === 'string' ? body.error : (REASONS[statusCode] ?? 'Error'),
      message,
      ...(body.details !== undefined ? { details: body.details } : {}),
    };
  }
  if (isBodyParserError(exception) && (exception.status ?? 500) < 500) {
    const statusCode = exception.status ?? 400;
    const message =
      exception.type === 'entity.parse.failed'
        ? 'Malformed JSON in request body'
        : exception.type === 'entity.too.large'
          ? 'Request body too large'
          : exception.message;
    return { statusCode, error: REASONS[statusCode] ?? 'Bad Request', message };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is not available right now; please try again in a moment',
    };
  }
  return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred' };
}
