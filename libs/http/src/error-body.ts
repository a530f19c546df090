import { HttpException, HttpStatus } from '@nestjs/common';
import { isDatabaseUnavailable } from './database-unavailable';
import { DomainError, ERROR_STATUS, ErrorCode } from './domain-error';

/** The error shape of the whole API (docs/architecture.md, "Requests"); `code` is the stable part to branch on. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
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

/** The code of an error that says only its status (Nest's own exceptions, guards, libraries). */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  422: ErrorCode.UNPROCESSABLE,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

function codeOfStatus(statusCode: number): ErrorCode {
  return CODE_OF_STATUS[statusCode] ?? (statusCode >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST);
}

const isErrorCode = (v: unknown): v is ErrorCode =>
  typeof v === 'string' && Object.values(ErrorCode).includes(v as ErrorCode);

/**
 * Maps anything thrown to a client-safe error body: a database that is away or too slow becomes
 * 503 (never its SQL), other unknown errors a bare 500.
 */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = ERROR_STATUS[exception.code];
    return {
      statusCode,
      error: REASONS[statusCode] ?? 'Error',
      code: exception.code,
      message: exception.message,
      ...(exception.details !== undefined ? { details: exception.details } : {}),
    };
  }
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
      code: isErrorCode(body.code) ? body.code : codeOfStatus(statusCode),
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
    const code =
      exception.type === 'entity.parse.failed'
        ? ErrorCode.MALFORMED_BODY
        : statusCode === 413
          ? ErrorCode.PAYLOAD_TOO_LARGE
          : codeOfStatus(statusCode);
    return { statusCode, error: REASONS[statusCode] ?? 'Bad Request', code, message };
  }
  if (isDatabaseUnavailable(exception)) {
    return {
      statusCode: 503,
      error: 'Service Unavailable',
      code: ErrorCode.DATABASE_UNAVAILABLE,
      message: 'The database is not available right now; please try again in a moment',
    };
  }
  return {
    statusCode: 500,
    error: 'Internal Server Error',
    code: ErrorCode.INTERNAL,
    message: 'An unexpected error occurred',
  };
}
