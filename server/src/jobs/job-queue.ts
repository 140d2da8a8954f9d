import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { EntityManager } from 'typeorm';
import type { Config } from '../config';
import { APP_ROLE, CONNECT_TIMEOUT_MS } from '../db/data-source';
import { inTenant } from '../db/tenancy';
import type { AppServices } from '../graphql/context';
import { JOB_SCHEMA } from './job-schema';
import type { JobContext, JobDefinition, SendOptions } from './job';

/** How long a stopping server waits for running jobs before it hands them back (marked failed, retried). */
const DRAIN_MS = 20_000;

/**
 * The running side of the jobs: sends jobs from any server; on servers with RUN_JOBS it also works
 * the queues, keeps the schedules and does pg-boss's maintenance. pg-boss takes each job with
 * `FOR UPDATE SKIP LOCKED`, so one server runs it however many poll; and only one server per check
 * turns a due schedule into a job (a row lock on its clock, plus a key per schedule and minute).
 *
 * It connects as the app role, like the request pool: the jobs' tables are reachable, nothing else
 * is created or owned, and tenant data is only reached through `inTenant`, under RLS.
 */
export class JobQueue {
  private readonly boss: PgBoss;
  private readonly byName: Map<string, JobDefinition>;
  private started = false;

  constructor(
    connectionString: string,
    private readonly config: Config,
    private readonly log: Logger,
    readonly definitions: readonly JobDefinition[],
  ) {
    this.byName = new Map(definitions.map((d) => [d.name, d]));
    const checkSeconds = Math.max(1, Math.min(30, Math.round(config.jobsPollSeconds)));
    this.boss = new PgBoss({
      connectionString,
      options: `-c role=${APP_ROLE}`,
      application_name: 'spotcheck-jobs',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      schema: JOB_SCHEMA,
      max: 3,
      migrate: false, // the owner installed and upgraded the schema (installJobSchema)
      supervise: config.runJobs,
      schedule: config.runJobs,
      pollingIntervalSeconds: config.jobsPollSeconds,
      cronMonitorIntervalSeconds: checkSeconds,
      cronWorkerIntervalSeconds: checkSeconds,
    } as PgBoss.ConstructorOptions);
    this.boss.on('error', (error) => log.error({ err: error }, 'job queue error'));
  }

  async start(services: AppServices): Promise<void> {
    await this.boss.start();
    this.started = true;
    if (!this.config.runJobs) return;
    for (const definition of this.definitions) {
      const workerId = await this.boss.work<object>(
        definition.name,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.config.jobsPollSeconds },
        async ([job]) => {
          try {
            return await this.run(services, definition, job);
          } finally {
            // The worker found a job, so more may be waiting: look again at once instead of after the interval.
            this.boss.notifyWorker(workerId);
          }
        },
      );
    }
  }

  /** Queues a job; answers its id, or null when a job with the same singletonKey already waits. */
  async send(name: string, data: object, options: SendOptions = {}): Promise<string | null> {
    if (!this.byName.has(name)) throw new Error(`unknown job ${name}`);
    const { manager, startAfter, singletonKey } = options;
    return this.boss.send(name, data, {
      ...(startAfter !== undefined && { startAfter: startAfter instanceof Date ? startAfter.toISOString() : Math.max(1, Math.ceil(startAfter)) }),
      ...(singletonKey !== undefined && { singletonKey }),
      ...(manager && { db: transactionDb(manager) }),
    });
  }

  /** Stops taking jobs, lets running ones finish (up to DRAIN_MS), then closes the connections. */
  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, wait: true, timeout: DRAIN_MS });
  }

  private async run(services: AppServices, definition: JobDefinition, job: PgBoss.JobWithMetadata<object>): Promise<unknown> {
    const log = this.log.child({ job: definition.name, jobId: job.id });
    const ctx: JobContext = {
      services,
      log,
      job: { id: job.id, name: job.name, singletonKey: job.singletonKey, retryCount: job.retryCount },
      inTenant: (tenantId, work) => inTenant(services.db, tenantId, work),
    };
    const started = Date.now();
    const stop = services.metrics.jobDuration.startTimer({ job: definition.name });
    try {
      const output = await definition.handle(ctx, job.data);
      log.debug({ ms: Date.now() - started }, 'job done');
      services.metrics.jobRuns.inc({ job: definition.name, outcome: 'completed' });
      return output;
    } catch (error) {
      log.error({ err: error, retry: job.retryCount }, 'job failed');
      services.metrics.jobRuns.inc({ job: definition.name, outcome: job.retryCount >= job.retryLimit ? 'exhausted' : 'failed' });
      throw error;
    } finally {
      stop();
    }
  }
}

/** pg-boss's query interface on the caller's transaction. */
function transactionDb(manager: EntityManager): PgBoss.Db {
  return { executeSql: async (text, values) => ({ rows: (await manager.query(text, values)) as unknown[] }) };
}
