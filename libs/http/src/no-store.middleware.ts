import type { NextFunction, Request, Response } from 'express';

/**
 * Every dynamic response is personal (pages, answers, figures, tokens), so no browser or proxy may
 * keep a copy: on a shared municipal PC the back button or the disk cache would show the next
 * user what the last one saw. A route that wants otherwise sets its own header; the static
 * assets are served before this runs and keep their max-age.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
