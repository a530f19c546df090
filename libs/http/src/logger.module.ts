import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { LoggerOptions, TransportSingleOptions } from 'pino';
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
 * are redacted and bodies are never logged, so passwords, tokens and survey answers cannot end up
 * in the logs. A request is logged as method, path, status and time, without its headers.
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
