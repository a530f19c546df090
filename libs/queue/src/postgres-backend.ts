import {
  ConnectionClosedError,
  PostgresConnection,
  PostgresConnectionOptions,
  PostgresQueueBackend,
} from 'bullmq';
import type { BackendFactory } from 'bullmq';
import { Logger } from '@nestjs/common';
import * as pg from 'pg';
import { isDatabaseUnavailable } from '@app/http';

const logger = new Logger('PostgresQueueBackend');

/**
 * node-postgres emits a dropped connection (a server restart, or its fast shutdown's FATAL 57P01)
 * as 'error' on the client, and an 'error' nobody listens to ends the process. The pool listens
 * only while a client is idle, and BullMQ strips every listener off its LISTEN client before
 * ending it on close, so a server that goes away while a worker closes crashed the worker. This
 * client always keeps one listener: it logs the drop, and the dead client is discarded by the
 * pool on release, or by BullMQ, which rebuilds its LISTEN client.
 */
class GuardedClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', GuardedClient.logDropped);
  }

  override removeAllListeners(event?: string | symbol): this {
    // EventEmitter removes every listener only when called with no argument at all.
    if (event === undefined) super.removeAllListeners();
    else super.removeAllListeners(event);
    if (event === undefined || event === 'error') this.on('error', GuardedClient.logDropped);
    return this;
  }

  private static logDropped(this: void, error: Error): void {
    logger.warn(`The job queue lost a database connection: ${error.message}`);
  }
}

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
  // The pool builds its clients from `Client`; BullMQ builds its LISTEN client from pgModule.
  const connection = new PostgresConnection({
    ...(opts.connection as object),
    Client: GuardedClient,
  } as PostgresConnectionOptions);
  const owned = connection as unknown as { pgModule?: typeof pg };
  if (owned.pgModule) owned.pgModule = { ...owned.pgModule, Client: GuardedClient };
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
