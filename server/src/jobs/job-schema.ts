import PgBoss from 'pg-boss';
import { APP_ROLE } from '../db/data-source';
import { SCHEDULE_TIME_ZONE, type JobDefinition } from './job';
import type { Config } from '../config';

export const JOB_SCHEMA = 'pgboss';
/** pg-boss's own queue for schedules: the cron check sends into it, and its worker sends the real job. */
const SCHEDULE_QUEUE = '__pgboss__send-it';

/**
 * Run with the owner's connection at start-up, after the migrations: installs or upgrades pg-boss's
 * schema, creates a queue (a partition) for every job, writes the schedules, and lets the app role use
 * the tables. The app role gets no CREATE anywhere, so everything that creates objects happens here.
 */
export async function installJobSchema(adminUrl: string, config: Config, jobs: readonly JobDefinition[]): Promise<void> {
  const boss = new PgBoss({
    connectionString: adminUrl,
    schema: JOB_SCHEMA,
    application_name: 'spotcheck-admin',
    max: 1,
    migrate: true,
    supervise: false,
    schedule: false,
  });
  const errors: Error[] = [];
  boss.on('error', (error) => errors.push(error));
  await boss.start();
  try {
    await boss.createQueue(SCHEDULE_QUEUE);
    for (const job of jobs) {
      const options: PgBoss.Queue = {
        name: job.name,
        policy: job.policy ?? 'standard',
        ...(job.retryLimit !== undefined && { retryLimit: job.retryLimit }),
        ...(job.retryDelaySeconds !== undefined && { retryDelay: job.retryDelaySeconds }),
        ...(job.retryBackoff !== undefined && { retryBackoff: job.retryBackoff }),
        ...(job.expireInSeconds !== undefined && { expireInSeconds: job.expireInSeconds }),
      };
      await boss.createQueue(job.name, options); // does nothing when the queue exists …
      await boss.updateQueue(job.name, options); // … so its options are brought up to date here
    }
    const wanted = new Map(
      jobs.flatMap((job) => {
        const cron = job.schedule?.(config);
        return cron ? [[job.name, { cron, data: job.scheduleData ?? {} }] as const] : [];
      }),
    );
    for (const schedule of await boss.getSchedules()) {
      if (!wanted.has(schedule.name)) await boss.unschedule(schedule.name);
    }
    for (const [name, { cron, data }] of wanted) {
      await boss.schedule(name, cron, data, { tz: SCHEDULE_TIME_ZONE }).catch((error: Error) => {
        throw new Error(`schedule of job ${name} ("${cron}"): ${error.message}`);
      });
    }

    // One statement list, under a lock: two servers granting at once could fail with "tuple concurrently updated".
    // Without parameters, so pg sends it as one simple query.
    await boss.getDb().executeSql(
      `BEGIN;
      SELECT pg_advisory_xact_lock(hashtextextended('spotcheck.job-grants', 0));
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${APP_ROLE};
      COMMIT;`,
      undefined as never,
    );
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  if (errors.length) throw errors[0];
}
