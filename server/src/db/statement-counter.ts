import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';
import { appPool } from './app-pool';

export interface StatementCounter {
  /** Messages sent since the counter started (or was last reset): each is one round trip to PostgreSQL. */
  readonly roundTrips: number;
  /** SQL statements those messages held, BEGIN and COMMIT included (a message may hold several). */
  readonly statements: number;
  reset(): void;
  stop(): void;
  /** Resolves once every client is back in the pool (a request's COMMIT may follow its answer), at most after a second. */
  idle(): Promise<void>;
}

interface Counts {
  roundTrips: number;
  statements: number;
}

const countersOf = new WeakMap<Pool, Set<Counts>>();

/**
 * Instrumentation only (benches and tests; the app never calls it): counts the SQL statements that a
 * DataSource's pool sends. Each client's `query` is wrapped once, when the pool first hands it out;
 * every statement of TypeORM, transaction control included, goes through it. A message of several
 * statements answers with one result per statement, which is how they are counted.
 */
export function countStatements(db: DataSource): StatementCounter {
  const pool = appPool(db);
  let counters = countersOf.get(pool);
  if (!counters) {
    const active = new Set<Counts>();
    const wrapped = new WeakSet<PoolClient>();
    pool.on('acquire', (client: PoolClient) => {
      if (wrapped.has(client)) return;
      wrapped.add(client);
      const query = client.query as (...args: unknown[]) => unknown;
      client.query = function (this: PoolClient, ...args: unknown[]) {
        const counting = [...active];
        for (const counter of counting) counter.roundTrips += 1;
        const sent = query.apply(this, args);
        if (sent instanceof Promise) {
          sent.then(
            (result: unknown) => {
              for (const counter of counting) counter.statements += Array.isArray(result) ? result.length : 1;
            },
            () => undefined,
          );
        } else {
          for (const counter of counting) counter.statements += 1;
        }
        return sent;
      } as PoolClient['query'];
    });
    countersOf.set(pool, active);
    counters = active;
  }
  const counter: Counts = { roundTrips: 0, statements: 0 };
  counters.add(counter);
  return {
    get roundTrips() {
      return counter.roundTrips;
    },
    get statements() {
      return counter.statements;
    },
    reset: () => {
      counter.roundTrips = 0;
      counter.statements = 0;
    },
    stop: () => {
      counters.delete(counter);
    },
    idle: () => poolIdle(db),
  };
}

/** Resolves once every client of the DataSource's pool is back (a request's COMMIT may follow its answer), at most after a second. */
export async function poolIdle(db: DataSource): Promise<void> {
  const pool = appPool(db);
  for (let i = 0; i < 200 && pool.totalCount > pool.idleCount; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}
