import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, QueryRunner, ReplicationMode } from 'typeorm';
import type { IsolationLevel } from 'typeorm/driver/types/IsolationLevel';

/** Set while a transaction's callback runs, and cleared when it ends (work it started may outlive it). */
const openTransaction = new AsyncLocalStorage<{ open: boolean }>();

/** A query inside a transaction asked the pool for a second connection instead of using the transaction's. */
export class PoolCheckoutInTransactionError extends Error {
  constructor() {
    super(
      'A query inside a transaction asked the pool for another connection; ' +
        "pass the transaction's EntityManager to it, or run it before the transaction",
    );
    this.name = 'PoolCheckoutInTransactionError';
  }
}

/**
 * A DataSource that refuses to take a pooled connection from inside one of its own transactions.
 * Such a read holds one connection while it waits for another, so a burst of them holds the whole
 * pool and waits for itself. Refusing it fails the mistake at once, on the first request that
 * reaches it (in every e2e test), instead of only under load.
 */
export class GuardedDataSource extends DataSource {
  override createQueryRunner(mode?: ReplicationMode): QueryRunner {
    if (openTransaction.getStore()?.open) throw new PoolCheckoutInTransactionError();
    return super.createQueryRunner(mode);
  }

  override transaction<T>(run: (m: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(isolation: IsolationLevel, run: (m: EntityManager) => Promise<T>): Promise<T>;
  override transaction<T>(
    first: IsolationLevel | ((m: EntityManager) => Promise<T>),
    second?: (m: EntityManager) => Promise<T>,
  ): Promise<T> {
    const run = typeof first === 'function' ? first : second!;
    const guarded = async (m: EntityManager) => {
      const scope = { open: true };
      try {
        return await openTransaction.run(scope, () => run(m));
      } finally {
        scope.open = false;
      }
    };
    return typeof first === 'function' ? super.transaction(guarded) : super.transaction(first, guarded);
  }
}
