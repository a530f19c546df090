import request from 'supertest';
import { cookieHeader, csrfOf, keep, setCookies } from './cookie-jar';
import { TEST_PASSWORD, TestUser } from './factories';

type Http = Parameters<typeof request>[0];

/**
 * Signs in through the login form like a browser; returns its cookies and the Set-Cookie headers
 * seen. `jar`: the browser's cookies before (e.g. an earlier session), copied, not changed.
 */
export async function signInWeb(http: Http, user: TestUser, before: Map<string, string> = new Map()) {
  const login = await request(http).get('/login').set('Cookie', cookieHeader(before)).expect(200);
  const jar = keep(new Map(before), login);
  const res = await request(http)
    .post('/login')
    .set('Cookie', cookieHeader(jar))
    .type('form')
    .send({ _csrf: csrfOf(login.text), email: user.email, password: TEST_PASSWORD })
    .expect(303);
  return { jar: keep(jar, res), set: [...setCookies(login), ...setCookies(res)] };
}

/** A signed-in browser's GET of a page (HTML asked for), for checking links and downloads. */
export async function pageGetter(http: Http, user: TestUser) {
  const { jar } = await signInWeb(http, user);
  return (path: string) =>
    request(http).get(path).set('Cookie', cookieHeader(jar)).set('Accept', 'text/html');
}
