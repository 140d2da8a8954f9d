import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { appPool } from './app-pool';

export interface StatementCounter {
  /** Statements sent since the counter started (or was last reset), BEGIN and COMMIT included. */
  readonly count: number;
  reset(): void;
  stop(): void;
}

const countersOf = new WeakMap<Pool, Set<{ count: number }>>();

/**
 * Instrumentation only (benches and tests; the app never calls it): counts the SQL statements that a
 * DataSource's pool sends. Each client's `query` is wrapped once, when the pool first hands it out;
 * every statement of TypeORM, transaction control included, goes through it.
 */
export function countStatements(db: DataSource): StatementCounter {
  const pool = appPool(db);
  let counters = countersOf.get(pool);
  if (!counters) {
    const active = new Set<{ count: number }>();
    const wrapped = new WeakSet<PoolClient>();
    pool.on('acquire', (client: PoolClient) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query as (...args: unknown[]) => unknown;
      client.query = function (this: PoolClient, ...args: unknown[]) {
        for (const counter of active) counter.count += 1;
        return query.apply(this, args);
      } as PoolClient['query'];
    });
    countersOf.set(pool, active);
    counters = active;
  }
  const counter = { count: 0 };
  counters.add(counter);
  return {
    get count() {
      return counter.count;
    },
    reset: () => {
      counter.count = 0;
    },
    stop: () => {
      counters.delete(counter);
    },
  };
}
