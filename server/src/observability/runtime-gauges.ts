import { Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import { JOB_SCHEMA } from '../jobs/job-schema';
import type { Metrics } from './metrics';

/** A scrape must answer even when the database does not. */
const QUERY_TIMEOUT_MS = 2000;

/**
 * Gauges read at scrape time: the app pool's connections, whether the database answers, and the job
 * queues as the database holds them (shared by all instances, so they survive restarts).
 */
export function registerRuntimeGauges(metrics: Metrics, db: DataSource, poolSize: number, jobNames: readonly string[]): void {
  const registers = [metrics.registry];
  const pool = () => (db.driver as unknown as { master?: Pool }).master;
  new Gauge({
    name: 'spotcheck_db_pool_connections',
    help: 'Connections of the app pool: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const p = pool();
      this.set({ state: 'total' }, p?.totalCount ?? 0);
      this.set({ state: 'idle' }, p?.idleCount ?? 0);
      this.set({ state: 'waiting' }, p?.waitingCount ?? 0);
    },
  });
  new Gauge({
    name: 'spotcheck_db_pool_max',
    help: 'Size limit of the app pool (DB_POOL_SIZE)',
    registers,
    collect() {
      this.set(poolSize);
    },
  });
  new Gauge({
    name: 'spotcheck_db_up',
    help: '1 when the app pool ran SELECT 1 within 2 s at this scrape (a saturated pool also shows as 0)',
    registers,
    async collect() {
      this.set((await query(db, 'SELECT 1')) ? 1 : 0);
    },
  });
  new Gauge({
    name: 'spotcheck_job_queue_jobs',
    help: 'Jobs waiting (created, retry) or running (active), by job',
    labelNames: ['job', 'state'] as const,
    registers,
    async collect() {
      const rows = await query<{ name: string; state: string; n: number }>(
        db,
        `SELECT name, state::text AS state, count(*)::int AS n FROM ${JOB_SCHEMA}.job
          WHERE name = ANY($1) AND state IN ('created', 'retry', 'active') GROUP BY 1, 2`,
        [jobNames],
      );
      if (!rows) return;
      this.reset();
      for (const name of jobNames) for (const state of ['created', 'retry', 'active']) this.set({ job: name, state }, 0);
      for (const r of rows) this.set({ job: r.name, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'spotcheck_job_last_completed_timestamp_seconds',
    help: 'When a job last completed on any instance (from the queue tables; completed jobs are kept 12 hours)',
    labelNames: ['job'] as const,
    registers,
    async collect() {
      const rows = await query<{ name: string; at: number }>(
        db,
        `SELECT name, extract(epoch FROM max(completed_on))::float8 AS at FROM ${JOB_SCHEMA}.job
          WHERE name = ANY($1) AND state = 'completed' GROUP BY 1`,
        [jobNames],
      );
      if (!rows) return;
      this.reset();
      for (const r of rows) this.set({ job: r.name }, r.at);
    },
  });
}

async function query<T = unknown>(db: DataSource, sql: string, params: unknown[] = []): Promise<T[] | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), QUERY_TIMEOUT_MS)));
  try {
    return await Promise.race([db.query(sql, params) as Promise<T[]>, timeout]);
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}
