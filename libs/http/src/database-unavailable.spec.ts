import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './error-body';

const pgError = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
const failed = (driverError: Error) => new QueryFailedError('SELECT secret FROM users', [], driverError);

describe('errors of a database that is away or too slow', () => {
  it.each([
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
    ],
    ['a cancelled statement', failed(pgError('57014', 'canceling statement due to statement timeout'))],
    ['a terminated session', failed(pgError('57P01', 'terminating connection due to administrator command'))],
    ['a server that stopped answering', failed(new Error('Query read timeout'))],
    ['too many connections', pgError('53300')],
  ])('answers %s with 503 and no SQL', (_, error) => {
    const body = toErrorBody(error);
    expect(body).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database is not available right now; please try again in a moment',
    });
    expect(JSON.stringify(body)).not.toContain('SELECT');
  });

  it('still answers a bug in a query with a bare 500', () => {
    expect(toErrorBody(failed(pgError('42703', 'column "secret" does not exist')))).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      code: 'INTERNAL',
      message: 'An unexpected error occurred',
    });
  });
});
