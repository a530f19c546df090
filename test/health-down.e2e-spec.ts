import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

// A Redis address where nothing listens: the queue backend is down, the database is up.
process.env.REDIS_URL = 'redis://127.0.0.1:6390/0';

describe('Health when the queue backend is down (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers 503 and names the queue as down', async () => {
    const res = await request(t.http).get('/health').expect(503);
    expect(res.body).toMatchObject({
      status: 'error',
      info: { database: { status: 'up' } },
      error: { queue: { status: 'down', backend: 'redis' } },
    });
  });
});
