import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorBody, toErrorBody } from './error-body';

/** Answers an error to a browser (page or redirect); the web lib supplies it so this lib stays free of HTML. */
export type HtmlErrorResponder = (req: Request, res: Response, error: ErrorBody) => void;

/** Answers every error as JSON (API) or an error page (web UI), never leaking internals on 500. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly respondHtml?: HtmlErrorResponder) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { id?: string }>();
    const res = ctx.getResponse<Response>();
    const body: ErrorBody = { ...toErrorBody(exception), requestId: req.id ? String(req.id) : undefined };
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'Unhandled error');
    }
    if (res.headersSent) return;
    if (body.statusCode === 429) res.setHeader('Retry-After', String(retryAfterSeconds(exception)));
    const wantsHtml = this.respondHtml && !isApiPath(req.path) && req.accepts(['json', 'html']) === 'html';
    if (wantsHtml) {
      this.respondHtml!(req, res, body);
    } else {
      res.status(body.statusCode).json(body);
    }
  }
}

/** Throttles say when to come back (`retryAfterSeconds`); any other 429 asks for a minute. */
function retryAfterSeconds(exception: unknown): number {
  const seconds = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
  return typeof seconds === 'number' && seconds > 0 ? Math.ceil(seconds) : 60;
}

function isApiPath(path: string): boolean {
  return path.startsWith('/api/') || path === '/health';
}
