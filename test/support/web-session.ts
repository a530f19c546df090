import request from 'supertest';
import { TEST_PASSWORD, TestUser } from './factories';

type Http = Parameters<typeof request>[0];

/** A browser's cookies as `name=value` pairs, from Set-Cookie headers. */
export type Jar = Map<string, string>;

export const setCookies = (res: request.Response): string[] => {
  const header = res.headers['set-cookie'] as string[] | string | undefined;
  return header === undefined ? [] : Array.isArray(header) ? header : [header];
};

export function keep(jar: Jar, res: request.Response): Jar {
  for (const c of setCookies(res)) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
export const csrfOf = (page: string) => /name="_csrf" value="([^"]+)"/.exec(page)![1];

/** Signs in through the login form like a browser; returns its cookies and the Set-Cookie headers seen. */
export async function signInWeb(http: Http, user: TestUser) {
  const login = await request(http).get('/login').expect(200);
  const jar = keep(new Map(), login);
  const res = await request(http)
    .post('/login')
    .set('Cookie', cookieHeader(jar))
    .type('form')
    .send({ _csrf: csrfOf(login.text), email: user.email, password: TEST_PASSWORD })
    .expect(303);
  return { jar: keep(jar, res), set: [...setCookies(login), ...setCookies(res)] };
}
