import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError, ErrorCode } from './domain-error';
import { toErrorBody } from './error-body';
import { fieldError } from './field-error';

describe(toErrorBody.name, () => {
  it('gives a domain error the status of its code, keeping its message and details', () => {
    const error = new DomainError(ErrorCode.VERSION_CONFLICT, 'changed since version 1', {
      currentVersion: 2,
    });
    expect(toErrorBody(error)).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'VERSION_CONFLICT',
      message: 'changed since version 1',
      details: { currentVersion: 2 },
    });
  });

  it('gives Nest’s own exceptions a code from their status, and field errors VALIDATION_FAILED', () => {
    expect(toErrorBody(new NotFoundException('User 1 not found'))).toMatchObject({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'User 1 not found',
    });
    expect(toErrorBody(new ForbiddenException())).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    expect(toErrorBody(fieldError('body', 'is empty'))).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      code: 'VALIDATION_FAILED',
      message: 'body is empty',
      details: [{ field: 'body', problems: ['is empty'] }],
    });
  });

  it('names malformed JSON and a body that is too large', () => {
    const parserError = (type: string, status: number) => Object.assign(new Error('x'), { type, status });
    expect(toErrorBody(parserError('entity.parse.failed', 400))).toMatchObject({
      statusCode: 400,
      code: 'MALFORMED_BODY',
    });
    expect(toErrorBody(parserError('entity.too.large', 413))).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});
