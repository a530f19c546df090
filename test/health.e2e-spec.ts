import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

describe('Health (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 200 with database and queue status, without signing in', async () => {
    const res = await request(t.http).get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, queue: { status: 'up', backend: 'postgres' } },
    });
  });

  it('serves the OpenAPI description', async () => {
    const res = await request(t.http).get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/municipalities']),
    );
  });

  it('answers an unknown API route with a JSON 404 carrying a request id', async () => {
    const res = await request(t.http)
      .get('/api/v1/nothing-here')
      .set('X-Request-Id', 'trace-1234567')
      .expect(404);
    expect(res.headers['x-request-id']).toBe('trace-1234567');
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: 'trace-1234567' });
  });
});
