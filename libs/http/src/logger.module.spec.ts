import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp, { type HttpLogger } from 'pino-http';
import { QueryFailedError } from 'typeorm';
import { httpLoggerOptions } from './logger.module';

/** The production logger writing JSON lines into memory. */
function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { http: pinoHttp(httpLoggerOptions('production', level), stream), lines };
}

/** One request through the middleware, answered with the given status and a few headers. */
function request(
  http: HttpLogger<IncomingMessage, ServerResponse>,
  method: string,
  url: string,
  statusCode: number,
) {
  const req = Object.assign(new EventEmitter(), { method, url, headers: {} }) as unknown as IncomingMessage;
  const headers = { 'content-security-policy': "default-src 'self'", 'set-cookie': 'session=secret' };
  const res = Object.assign(new EventEmitter(), {
    statusCode,
    headersSent: true,
    setHeader: () => undefined,
    getHeaders: () => headers,
  }) as unknown as ServerResponse;
  http(req, res);
  res.emit('finish');
}

describe('httpLoggerOptions', () => {
  it('logs a request as method, path, status and time, without headers or query string', () => {
    const { http, lines } = capture();
    request(http, 'GET', '/login?token=abc', 200);
    expect(lines).toHaveLength(1);
    expect(lines[0].msg).toMatch(/^GET \/login 200 \d+ ms$/);
    expect(lines[0].res).toEqual({ statusCode: 200 });
    expect(lines[0].req).toEqual({ id: expect.any(String), method: 'GET', path: '/login' });
    expect(JSON.stringify(lines[0])).not.toMatch(/token|secret|content-security-policy/);
  });

  it("keeps Nest's per-module and per-route lines out of info, and shows them at debug", () => {
    const info = capture('info');
    info.http.logger.info({ context: 'RouterExplorer' }, 'Mapped {/login, GET} route');
    info.http.logger.info({ context: 'InstanceLoader' }, 'UsersModule dependencies initialized');
    info.http.logger.info({ context: 'NestApplication' }, 'Nest application successfully started');
    expect(info.lines.map((l) => l.msg)).toEqual(['Nest application successfully started']);

    const debug = capture('debug');
    debug.http.logger.info({ context: 'RouterExplorer' }, 'Mapped {/login, GET} route');
    expect(debug.lines).toMatchObject([
      { level: 20, context: 'RouterExplorer', msg: 'Mapped {/login, GET} route' },
    ]);
  });

  it("logs a failed query without the values it quoted: a save's answers and comments stay out", () => {
    const { http, lines } = capture();
    // As node-postgres reports a check violation, and TypeORM wraps it with the query's parameters.
    const driverError = Object.assign(new Error('new row for relation "answers" violates check constraint'), {
      code: '23514',
      table: 'answers',
      constraint: 'answers_check',
      detail: 'Failing row contains (151, 4, Kun på fjernadgang – HEMMELIG).',
      where: 'SQL statement "INSERT … HEMMELIG"',
    });
    const err = new QueryFailedError(
      'INSERT INTO answers (response_id, comment) SELECT $1, x.comment FROM jsonb_to_recordset($2::jsonb)',
      ['d6a1…', JSON.stringify([{ comment: 'Kun på fjernadgang – HEMMELIG' }])],
      driverError,
    );
    http.logger.error({ err, requestId: 'r-1' }, 'Unhandled error');
    expect(lines).toHaveLength(1);
    expect(JSON.stringify(lines[0])).not.toContain('HEMMELIG');
    // What a developer needs stays: the message, the SQL state, the table and constraint, the query.
    expect(lines[0].err).toMatchObject({
      message: 'new row for relation "answers" violates check constraint',
      code: '23514',
      constraint: 'answers_check',
      query: expect.stringContaining('INSERT INTO answers'),
      stack: expect.any(String),
    });
  });
});
