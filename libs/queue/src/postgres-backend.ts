import {
  ConnectionClosedError,
  PostgresConnection,
  PostgresConnectionOptions,
  PostgresQueueBackend,
} from 'bullmq';
import type { BackendFactory } from 'bullmq';
import { isDatabaseUnavailable } from '@app/http';

/**
 * bullmq memoizes its readiness promise even when it rejects: a queue or worker whose first
 * connect met the database away would fail every later call with that old error and never
 * recover. Forgetting a rejected promise makes the next call connect again.
 */
function forgetFailedReadiness(target: { waitUntilReady(): Promise<void> }, memo: () => void): void {
  const ready = target.waitUntilReady.bind(target);
  target.waitUntilReady = async () => {
    try {
      await ready();
    } catch (e) {
      memo();
      throw e;
    }
  };
}

/**
 * A worker retries without any pause after an error it does not know as a lost connection, and
 * it knows only Redis's. A database that refuses or drops connections would make it spin at full
 * speed; as ConnectionClosedError the worker waits its `runRetryDelay` between attempts.
 */
async function asLostConnection<T>(operation: Promise<T>): Promise<T> {
  try {
    return await operation;
  } catch (e) {
    if (isDatabaseUnavailable(e) && !(e instanceof ConnectionClosedError)) {
      throw new ConnectionClosedError((e as Error).message, e);
    }
    throw e;
  }
}

/**
 * BullMQ's PostgreSQL backend (what `createPostgresBackend` builds), made to survive the database
 * going away and coming back. Producers keep the driver's own errors, so the API can tell "the
 * database is away" (503) from other failures.
 */
export const createRecoveringPostgresBackend: BackendFactory<
  PostgresQueueBackend,
  PostgresConnectionOptions
> = (name, opts, factoryOpts = {}) => {
  const connection = new PostgresConnection(opts.connection!);
  // node-postgres emits a dropped connection as 'error' on the client, and only an idle client has
  // the pool's listener: one checked out between two statements of a transaction has none, and
  // the unhandled event ends the process. The transaction learns of it from its next statement.
  connection.pool.on('connect', (client) => client.on('error', () => undefined));
  forgetFailedReadiness(connection, () => (connection['readyPromise'] = undefined));
  // Named as createPostgresBackend names it, so getWorkers and getQueueEvents find the connection.
  const workerName = (opts as { name?: string }).name;
  const listenClientName = factoryOpts.withBlockingConnection
    ? `${name}${workerName ? `:w:${workerName}` : ''}`
    : factoryOpts.blocking
      ? `${name}:qe`
      : undefined;
  const backend = new PostgresQueueBackend(connection, name, opts, true, listenClientName);
  forgetFailedReadiness(backend, () => (backend['readyPromise'] = undefined));
  if (factoryOpts.withBlockingConnection) {
    const query = backend['query'].bind(backend);
    backend['query'] = (...args: Parameters<typeof query>) => asLostConnection(query(...args));
    const waitForJob = backend.waitForJob.bind(backend);
    backend.waitForJob = (...args) => asLostConnection(waitForJob(...args));
  }
  return backend;
};
