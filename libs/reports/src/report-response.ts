import type { Response } from 'express';
import { sendFile } from '@app/http';
import type { ReportDownload } from './reports.service';

/**
 * Writes a report download: ETag and statistics headers, 304 when the client has it, and files
 * (not HTML or JSON, unless `attachment`) as attachments. Shared by the API and the web routes.
 * Like every dynamic response it is sent with `Cache-Control: no-store` (a municipality's report
 * must not stay in a shared browser's cache); clients that keep their own copy revalidate with
 * If-None-Match.
 */
export function sendReport(res: Response, d: ReportDownload, attachment = false): void {
  res.setHeader('ETag', d.etag);
  res.setHeader('X-Statistics-Version', String(d.statisticsVersion));
  if (d.statisticsStale) res.setHeader('X-Statistics-Stale', 'true');
  if (d.notModified) {
    res.status(304).end();
    return;
  }
  const inline = d.contentType.startsWith('text/html') || d.contentType.startsWith('application/json');
  sendFile(res, {
    content: d.content,
    contentType: d.contentType,
    filename: d.filename,
    disposition: attachment || !inline ? 'attachment' : 'inline',
  });
}
