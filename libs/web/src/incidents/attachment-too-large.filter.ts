import { ArgumentsHost, Catch, ExceptionFilter, PayloadTooLargeException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { incidentPath } from './views/incident-bits.view';

export const TOO_LARGE_QUERY = 'fejl=bilag-for-stort';

/**
 * An upload over the limit is cut off by multer before the page's handler runs; instead of an error
 * page the reporter goes back to the incident, where the error stands beside the file field.
 */
@Catch(PayloadTooLargeException)
export class AttachmentTooLargeFilter implements ExceptionFilter {
  catch(_e: PayloadTooLargeException, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const id = String(req.params.id ?? '');
    res.redirect(303, /^[0-9a-f-]{36}$/i.test(id) ? `${incidentPath(id)}?${TOO_LARGE_QUERY}` : '/haendelser');
  }
}
