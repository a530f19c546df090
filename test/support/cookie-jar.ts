import type request from 'supertest';

/** A browser's cookies as `name=value` pairs, from Set-Cookie headers (for supertest requests). */
export type Jar = Map<string, string>;

export const setCookies = (res: request.Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

/** Adds the cookies a response sets to the jar, as a browser would. */
export function keep(jar: Jar, res: request.Response): Jar {
  for (const c of setCookies(res)) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
/** The CSRF token of the first form on a page. */
export const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1];
