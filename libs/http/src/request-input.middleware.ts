import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { fieldError } from './field-error';
import { findUnsafeInput, InputProblem, textProblem } from './unsafe-input';

/** The path's segments, decoded as the router will; a segment that cannot be decoded is a problem itself. */
function pathProblem(path: string): InputProblem | null {
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    const field = `path segment ${i}`;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segments[i]);
    } catch {
      return { field, problem: 'is not valid percent-encoded UTF-8' };
    }
    const problem = textProblem(decoded);
    if (problem) return { field, problem };
  }
  return null;
}

/**
 * Refuses, for every route at once, text that PostgreSQL cannot store (NUL) or that is not valid
 * Unicode (a lone surrogate), anywhere in the path, the query or the parsed body, and bodies
 * nested so deeply that validating them would overflow the stack. It runs after the body parsers
 * and before guards, so even sign-in never sees such input.
 */
export function rejectUnsafeInput(req: Request, _res: Response, next: NextFunction): void {
  const problem =
    pathProblem(req.path) ?? findUnsafeInput(req.query, 'query') ?? findUnsafeInput(req.body, 'body');
  next(problem ? fieldError(problem.field, problem.problem) : undefined);
}

interface HttpError extends Error {
  status?: number;
  type?: string;
}

/**
 * The body parsers pass on a decompression failure as a bare zlib error without a `type`; this
 * names the encoding so the client learns what was wrong, as a 400 rather than an unknown error.
 */
export function explainBodyDecodingError(
  err: HttpError,
  req: Request,
  _res: Response,
  next: NextFunction,
): void {
  const status = err.status ?? HttpStatus.INTERNAL_SERVER_ERROR;
  if (err.type === undefined && status >= 400 && status < 500) {
    const encoding = req.get('content-encoding') ?? 'identity';
    return next(fieldError('body', `cannot be decoded as Content-Encoding ${encoding}: ${err.message}`));
  }
  next(err);
}
