import type { Request } from 'express';
import { safeReturnPath, signInPathFor } from './return-path';

describe(safeReturnPath.name, () => {
  it.each([
    ['/rapporter/0b0c6d1e-8f3a-4c4e-9d2a-0a1b2c3d4e5f', '/rapporter/0b0c6d1e-8f3a-4c4e-9d2a-0a1b2c3d4e5f'],
    ['/undersoegelser/x?omraade=access&gemt=1', '/undersoegelser/x?omraade=access&gemt=1'],
    ['/haendelser?vis=mine&q=phishing%20mail', '/haendelser?vis=mine&q=phishing%20mail'],
    ['/', '/'],
    // Stays on this site: an encoded slash in a path is no second slash to a browser.
    ['/%2F%2Fevil.com', '/%2F%2Fevil.com'],
    ['/a/../b', '/b'],
  ])('keeps the same-site path %j', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    '//evil.com',
    '//evil.com/rapporter',
    '/\\evil.com',
    '\\\\evil.com',
    '/\\/evil.com',
    'https://evil.com',
    'http:evil.com',
    'javascript:alert(1)',
    '%2F%2Fevil.com',
    'evil.com',
    '/\t/evil.com',
    '/\n/evil.com',
    '/\u0000',
    '/x\u007f',
    '',
    '/login',
    '/login?next=/rapporter',
    '/logout',
    ['/rapporter', '/haendelser'],
    42,
    undefined,
  ])('refuses %j', (input) => {
    expect(safeReturnPath(input)).toBeNull();
  });

  it('refuses an address longer than any page of the site', () => {
    expect(safeReturnPath(`/${'a'.repeat(2001)}`)).toBeNull();
  });
});

describe(signInPathFor.name, () => {
  const req = (method: string, originalUrl: string, headers: Record<string, string> = {}) =>
    ({
      method,
      originalUrl,
      get: (name: string) => ({ host: 'baseline.local', ...headers })[name.toLowerCase()],
    }) as unknown as Request;

  it('returns a GET to the page asked for, and the home page to plain /login', () => {
    expect(signInPathFor(req('GET', '/rapporter/1?x=2'))).toBe('/login?next=%2Frapporter%2F1%3Fx%3D2');
    expect(signInPathFor(req('GET', '/'))).toBe('/login');
    expect(signInPathFor(req('GET', '//evil.com'))).toBe('/login');
  });

  it('returns a posted form to the page it came from on this site, never to another', () => {
    expect(
      signInPathFor(
        req('POST', '/undersoegelser/1/svar', {
          referer: 'http://baseline.local/undersoegelser/1?omraade=a',
        }),
      ),
    ).toBe('/login?next=%2Fundersoegelser%2F1%3Fomraade%3Da');
    expect(signInPathFor(req('POST', '/undersoegelser/1/svar', { referer: 'https://evil.com/x' }))).toBe(
      '/login',
    );
    expect(signInPathFor(req('POST', '/undersoegelser/1/svar'))).toBe('/login');
  });
});
