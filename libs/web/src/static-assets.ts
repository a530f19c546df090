import type { NextFunction, Request, Response } from 'express';
import { dirname, join } from 'node:path';

/** DKFDS's built CSS, JS, fonts and icons, served as they ship. */
export const DKFDS_DIST = join(dirname(require.resolve('dkfds')), '..');
/** The platform's own small scripts. */
export const APP_ASSETS = join(__dirname, '..', 'assets');
/** chart.js's browser build (chart.umd.js), for the charts on report pages. */
export const CHARTJS_DIST = join(dirname(require.resolve('chart.js')), '..', 'dist');

/** @simplewebauthn/browser's browser bundle (index.umd.min.js), for passkeys on /konto/mfa and /login/mfa. */
export const SIMPLEWEBAUTHN_DIST = join(
  dirname(require.resolve('@simplewebauthn/browser')),
  '..',
  'dist',
  'bundle',
);

/**
 * `/favicon.ico`, which browsers and tools ask for by habit (pages link the SVG): served as an
 * asset, before the routes, so it is cached and never becomes the error page.
 */
export function serveFavicon(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  res.sendFile('favicon.ico', { root: APP_ASSETS, maxAge: '7d' }, (err) => err && next(err));
}
