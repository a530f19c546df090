import type { Socket } from 'node:net';
import { Client } from 'pg';
import type { PostgresConnection, PostgresQueueBackend } from 'bullmq';
import { createRecoveringPostgresBackend } from '@app/queue';
import { testAppDatabaseUrl, testDatabaseUrl } from './support/test-database';
import { waitFor } from './support/wait-for';

/**
 * A worker closing its queue connection at the moment PostgreSQL shuts down (Ctrl-C in a terminal
 * reaches both) meets the server's FATAL on its LISTEN client after BullMQ has taken that client's
 * listeners off. Runs in this process: an unhandled 'error' event, which would end the worker,
 * fails the test.
 */
describe('BullMQ on PostgreSQL closing while the server drops its connections (e2e)', () => {
  let admin: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
  });
  afterAll(() => admin.end());

  it('lets a worker close while its LISTEN connection is terminated', async () => {
    const backend = createRecoveringPostgresBackend(
      'shutdown-race',
      { connection: { connectionString: testAppDatabaseUrl(), migrate: true } },
      { withBlockingConnection: true },
    ) as PostgresQueueBackend;
    await backend.waitUntilReady();
    const connection = (backend as unknown as { connection: PostgresConnection }).connection;
    const listen = (await connection.getListenClient()) as Client & {
      processID: number;
      connection: { stream: Socket };
    };

    // Hold the server's words on the client's socket until close() has begun: the FATAL then
    // arrives exactly while BullMQ ends the client.
    listen.connection.stream.pause();
    await admin.query('SELECT pg_terminate_backend($1)', [listen.processID]);
    await waitFor(
      async () =>
        (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [listen.processID])).rowCount,
      (rows) => rows === 0,
      10_000,
    );
    const dropped = new Promise<void>((resolve) => listen.connection.stream.once('close', () => resolve()));
    // What a closing worker's backend does; it takes the listeners off before ending the client.
    const closing = connection.close();
    listen.connection.stream.resume();
    await Promise.all([closing, dropped]);
    // The FATAL has been parsed and emitted by now; the process is still here to say so.
    await new Promise((r) => setImmediate(r));
    expect(listen.listenerCount('error')).toBeGreaterThan(0);
  });
});
