import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdSerializers, type LoggerOptions, type TransportSingleOptions } from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { AppConfigService } from '@app/config';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Nest's start-up chatter (a line per module and per route): at debug, so `info` shows what happened. */
const CHATTY_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);
const PINO_INFO = 30;

/** The request path without its query string: query strings can carry tokens in links. */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0];

/**
 * Readable one-line logs for a developer's terminal; null where pino-pretty (a development
 * dependency) is not installed, as in the production image, and then the logs stay JSON.
 */
function prettyTransport(): TransportSingleOptions | null {
  try {
    require.resolve('pino-pretty');
  } catch {
    return null;
  }
  return {
    target: 'pino-pretty',
    options: {
      singleLine: true,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,context,req,res,responseTime',
      messageFormat: '{if context}[{context}] {end}{msg}',
    },
  };
}

/**
 * What a database error carries besides its message and SQL state: TypeORM's QueryFailedError
 * keeps the query's `parameters` (a save's answers and comments as JSON), and PostgreSQL's
 * `detail` and `where` quote the row or the values ("Failing row contains (…)"). None of it is logged.
 */
const DATABASE_VALUES = ['parameters', 'detail', 'where'] as const;

/**
 * pino's error serializer, without the values a failed query quoted (survey answers, free text).
 * pino-http hands it the error already serialized; pino itself, the error.
 */
function errorWithoutValues(err: unknown): unknown {
  const serialized = err instanceof Error ? (stdSerializers.err(err) as unknown) : err;
  if (!serialized || typeof serialized !== 'object') return serialized;
  const safe = { ...(serialized as Record<string, unknown>) };
  for (const key of DATABASE_VALUES) delete safe[key];
  const driver = safe.driverError;
  if (driver && typeof driver === 'object') {
    const { type, name, message, code, table, column, constraint, routine } = driver as Record<
      string,
      unknown
    >;
    safe.driverError = { type, name, message, code, table, column, constraint, routine };
  }
  return safe;
}

const hooks: LoggerOptions['hooks'] = {
  logMethod(args, method, level) {
    const first = args[0] as { context?: unknown } | undefined;
    if (level === PINO_INFO && typeof first?.context === 'string' && CHATTY_CONTEXTS.has(first.context)) {
      return this.debug(...(args as [object, string]));
    }
    return method.apply(this, args);
  },
};

/**
 * Logs with a request id: JSON in production and tests, readable lines in development. Credentials
 * are redacted and bodies are never logged, nor the values a failed query quoted, so passwords,
 * tokens and survey answers cannot end up in the logs. A request is logged as method, path, status and time, without its headers.
 */
export function httpLoggerOptions(nodeEnv: string, level: string): PinoHttpOptions {
  const transport = nodeEnv === 'development' ? prettyTransport() : null;
  return {
    level,
    ...(transport ? { transport } : {}),
    hooks,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.accessToken',
      ],
      censor: '[redacted]',
    },
    serializers: {
      err: errorWithoutValues,
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathOf(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customSuccessMessage: (req: IncomingMessage, res: ServerResponse, responseTime: number) =>
      `${req.method} ${pathOf(req.url)} ${res.statusCode} ${Math.round(responseTime)} ms`,
    customErrorMessage: (req: IncomingMessage, res: ServerResponse) =>
      `${req.method} ${pathOf(req.url)} ${res.statusCode} failed`,
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
  };
}

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfigService],
      useFactory: (config: AppConfigService) => ({
        pinoHttp: httpLoggerOptions(config.nodeEnv, config.logLevel),
      }),
    }),
  ],
})
export class AppLoggerModule {}
