import type { Response } from 'express';

export interface FileToSend {
  content: Buffer;
  contentType: string;
  filename: string;
  /** `attachment` saves the file; `inline` lets the browser show it (HTML, JSON). */
  disposition: 'attachment' | 'inline';
}

/**
 * `Content-Disposition` with the name twice (RFC 6266): `filename` reduced to safe ASCII for old
 * clients, and `filename*` (RFC 5987) in UTF-8 for everyone else, so "Kommunerapport Ærø.pdf"
 * survives and no quote, semicolon or line break in a name can break out of the header.
 */
export function contentDisposition(disposition: FileToSend['disposition'], filename: string): string {
  const ascii = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\;%/]/g, '_')
    .trim();
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${ascii || 'download'}"; filename*=UTF-8''${encoded}`;
}

/**
 * Sends a file the one way every download leaves Baseline (reports now, incident exports next):
 * its type, a safe name, its length, and `no-store`, as a file of one municipality must not stay
 * in a shared browser's or a proxy's cache.
 */
export function sendFile(res: Response, file: FileToSend): void {
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Disposition', contentDisposition(file.disposition, file.filename));
  res.setHeader('Content-Length', String(file.content.length));
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.end(file.content);
}
