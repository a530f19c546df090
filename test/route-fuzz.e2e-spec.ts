import type { Application } from 'express';
import fc from 'fast-check';
import request from 'supertest';
import { MAX_INPUT_DEPTH } from '@app/http';
import { createTestApp, resetData, TestApp } from './support/test-app';
import { createUser, TEST_PASSWORD, TestUser, tokenFor } from './support/factories';
import { createEdition, openEdition } from './support/editions';

interface Route {
  method: 'get' | 'post' | 'patch';
  path: string;
}

/** What one role sends: a bearer token for the API, and a signed-in web session with its CSRF token. */
interface Credentials {
  bearer?: string;
  cookies: string[];
  csrf?: string;
}

/** Every route the app serves, API and web, as Express's router holds them after Nest has mounted them. */
function routesOf(app: Application): Route[] {
  const stack = (
    app as unknown as { router: { stack: Array<{ route?: { path: string; methods: object } }> } }
  ).router.stack;
  // Nest 12 mounts path-bound middleware as route layers too (nestjs-pino's `{/*splat}`); the app's
  // own endpoints have no wildcard, so a wildcard path is middleware, not a route to fuzz.
  return stack.flatMap(({ route }) =>
    route && !route.path.includes('*')
      ? Object.keys(route.methods)
          .filter((m): m is Route['method'] => ['get', 'post', 'patch'].includes(m))
          .map((method) => ({ method, path: route.path }))
      : [],
  );
}

const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  '\udfff',
  '32768',
  '1e9',
  '-1',
  '0',
  '99999999999999999999999',
  'NaN',
  '',
  ' ',
  '../../etc/passwd',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '=HYPERLINK("x")',
  'x'.repeat(5000),
];

/** Text of any UTF-16 units, lone surrogates and NUL included, mixed with known troublemakers. */
const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 40 }),
  fc.string({ maxLength: 20 }),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(32768, 1e9, -1, 0, 1e308, -1e308, 2 ** 53 + 1, 0.5, -0),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** The field names the DTOs use, so hostile values reach the validators and the services, not only the whitelist. */
const FIELDS = [
  'version',
  'answers',
  'questionKey',
  'value',
  'comment',
  'notApplicable',
  'title',
  'year',
  'copyFrom',
  'closesAt',
  'textDa',
  'weight',
  'email',
  'password',
  'displayName',
  'role',
  'municipalityCode',
  'name',
  'active',
  'limit',
  'confirm',
];

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileText,
    hostileNumber,
    fc.constantFrom(null, true, false),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), hostileText), tie('value'), { maxKeys: 4 }),
  ),
})).value;

const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 6 }).map((b) => JSON.stringify(b)),
  fc
    .record({
      version: fc.constant(0),
      answers: fc.array(fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 4 }), {
        maxLength: 3,
      }),
    })
    .map((b) => JSON.stringify(b)),
  fc.integer({ min: MAX_INPUT_DEPTH + 1, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.constantFrom('{', '"\\ud800"', '{"a":"\\u0000"}', '1e999', '[]', 'null', '{"__proto__":{"x":1}}'),
);

/** Percent-encodes a path segment; a lone surrogate has no UTF-8 form, so it goes as the bytes of one. */
function encodeSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

/** A stack frame, a file path or database wording in a response means internals leaked. */
const LEAK =
  /\bat [\w.<>]+ \(|node_modules|\/work\/|QueryFailedError|duplicate key|violates|invalid input syntax|syntax error at/;

describe('Route fuzz: hostile input on every route and role never gives 5xx (e2e)', () => {
  let t: TestApp;
  let routes: Route[];
  const credentials: Record<string, Credentials> = { none: { cookies: [] } };
  const editionIds: string[] = [];

  async function signInOnTheWeb(user: TestUser): Promise<Credentials> {
    const page = await request(t.http).get('/login').expect(200);
    const csrfCookie = page.headers['set-cookie'] as unknown as string[];
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const login = await request(t.http)
      .post('/login')
      .set('Cookie', csrfCookie)
      .type('form')
      .send({ _csrf: csrf, email: user.email, password: TEST_PASSWORD })
      .expect(303);
    const cookies = [...csrfCookie, ...(login.headers['set-cookie'] as unknown as string[])].map(
      (c) => c.split(';')[0],
    );
    // The token as a signed-in page hands it out, so the fuzz gets past the CSRF check to the handlers.
    const home = await request(t.http).get('/').set('Cookie', cookies).expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(home.text)?.[1] ?? csrf;
    return { bearer: await tokenFor(t.http, user), cookies, csrf: token };
  }

  beforeAll(async () => {
    t = await createTestApp();
    await resetData(t.db);
    const kl = await createUser(t.db, 'kl_analyst');
    const klToken = await tokenFor(t.http, kl);
    const open = await createEdition(t.http, klToken, 2025);
    await openEdition(t.http, klToken, open.id);
    editionIds.push(open.id, (await createEdition(t.http, klToken, 2026)).id);
    credentials.kl = await signInOnTheWeb(kl);
    credentials.officer = await signInOnTheWeb(await createUser(t.db, 'municipality_officer', 151));
    credentials.admin = await signInOnTheWeb(await createUser(t.db, 'platform_admin'));
    routes = routesOf(t.app.getHttpAdapter().getInstance());
  });
  afterAll(() => t.close());

  it('finds the routes to fuzz', () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes).toContainEqual({ method: 'patch', path: '/api/v1/editions/:id/questions/:key' });
    expect(routes).toContainEqual({ method: 'post', path: '/undersoegelser/:id/svar' });
  });

  it('answers 1,500 hostile requests without a 5xx or a leaked internal, and stays up', async () => {
    const statuses = new Map<number, number>();
    const pathParam = fc.oneof(
      fc.constant(null), // a valid edition id, so the request reaches the service
      fc.constantFrom(...HOSTILE_TEXT, '151', '00000000-0000-4000-8000-000000000000'),
      hostileText,
    );
    const hostileRequest = fc.record({
      route: fc.constantFrom(...routes),
      role: fc.constantFrom('none', 'officer', 'kl', 'admin'),
      params: fc.array(pathParam, { minLength: 4, maxLength: 4 }),
      query: fc.dictionary(fc.oneof(fc.constantFrom('limit', 'omraade', 'gemt'), hostileText), hostileText, {
        maxKeys: 2,
      }),
      body: hostileBody,
      form: fc.boolean(),
    });

    await fc.assert(
      fc.asyncProperty(hostileRequest, async ({ route, role, params, query, body, form }) => {
        let i = 0;
        const path = route.path.replace(/:(\w+)/g, () => {
          const p = params[i++ % params.length];
          return p === null ? editionIds[0] : encodeSegment(p);
        });
        const qs = Object.entries(query)
          .map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`)
          .join('&');
        const c = credentials[role];
        const req = request(t.http)[route.method](qs ? `${path}?${qs}` : path);
        if (c.bearer) req.auth(c.bearer, { type: 'bearer' });
        if (c.cookies.length) req.set('Cookie', c.cookies.join('; '));
        if (c.csrf) req.set('X-CSRF-Token', c.csrf);
        if (route.method !== 'get') {
          if (form) {
            req.type('form').send(`_csrf=${encodeURIComponent(c.csrf ?? '')}&${qs}`);
          } else {
            req.set('Content-Type', 'application/json').send(body);
          }
        }
        const res = await req;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status >= 500)
          throw new Error(`${route.method} ${path} → ${res.status} ${res.text.slice(0, 300)}`);
        expect(res.text).not.toMatch(LEAK);
      }),
      { numRuns: 1_500 },
    );

    await request(t.http).get('/health').expect(200);
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThanOrEqual(1_500);
    // Not only refusals: some requests must get through to the handlers for the fuzz to mean anything.
    expect([...statuses.keys()].some((s) => s < 300)).toBe(true);
    expect([...statuses.keys()].filter((s) => s >= 400 && s < 500).length).toBeGreaterThan(3);
  }, 180_000); // ~35 s on an idle machine; room for a busy CI runner
});
