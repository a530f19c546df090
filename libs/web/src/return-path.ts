import type { Request } from 'express';

/** Longest return address kept; a page address of the web UI is far shorter. */
const MAX_LENGTH = 2000;
const BASE = 'http://baseline.invalid';

/**
 * The page to go to after sign-in, only if it is on this site: a path that starts with exactly
 * one `/`. Refused, so that `/login?next=…` cannot send a signed-in user to another site (an open
 * redirect): `//evil.com` and `/\evil.com` (browsers read `\` as `/`), schemes (`https:`,
 * `javascript:`), control characters (browsers drop tab and newline, `/\t/evil.com` becomes
 * `//evil.com`), and the sign-in and sign-out pages themselves. The result is re-serialised by
 * the URL parser, so what is sent in `Location` is what was checked.
 */
export function safeReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return null;
  if (
    !value.startsWith('/') ||
    value.startsWith('//') ||
    value.includes('\\') ||
    hasControlCharacter(value)
  ) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  if (/^\/(login|logout)(\/|$)/.test(url.pathname)) return null;
  const path = `${url.pathname}${url.search}`;
  return path.startsWith('//') ? null : path;
}

/**
 * Where a request that needs a session is sent: the sign-in page, with the page to come back to.
 * A page asked for with GET is that page; a form posted after the session ended returns to the
 * page it was posted from (Referer, same host only). The posted values themselves are lost.
 */
export function signInPathFor(req: Request): string {
  const back = safeReturnPath(
    req.method === 'GET' || req.method === 'HEAD' ? req.originalUrl : refererPath(req),
  );
  return back && back !== '/' ? `/login?next=${encodeURIComponent(back)}` : '/login';
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

function refererPath(req: Request): string | null {
  const referer = req.get('referer');
  if (!referer) return null;
  try {
    const url = new URL(referer);
    return url.host === req.get('host') ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}
