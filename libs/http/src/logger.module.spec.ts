import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import pinoHttp, { type HttpLogger } from 'pino-http';
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
});
