import { Client } from 'pg';
import type { Logger } from 'pino';
import { MIGRATIONS } from './migrations';
import { JOB_SCHEMA } from '../jobs/job-schema';

/** The migrations this build expects, by the name TypeORM records for each. */
export function expectedMigrations(): string[] {
  return MIGRATIONS.map((M) => new (M as new () => { name?: string })().name ?? M.name);
}

/**
 * What `spotcheck migrate` has still to do on this database: the migrations not yet recorded, and the
 * job queues' schema when it is missing. Read with a plain query, so looking creates nothing.
 */
export async function pendingMigrations(adminUrl: string): Promise<string[]> {
  const client = new Client({ connectionString: adminUrl, application_name: 'spotcheck-migration-check' });
  await client.connect();
  try {
    const [{ migrations, jobs }] = (
      await client.query<{ migrations: string | null; jobs: string | null }>(
        `SELECT to_regclass('public.schema_migrations')::text AS migrations, to_regnamespace($1)::text AS jobs`,
        [JOB_SCHEMA],
      )
    ).rows as [{ migrations: string | null; jobs: string | null }];
    const applied = migrations
      ? new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name))
      : new Set<string>();
    const pending = expectedMigrations().filter((name) => !applied.has(name));
    return jobs ? pending : [...pending, `${JOB_SCHEMA} (job queues)`];
  } finally {
    await client.end();
  }
}

/**
 * For a replica started with MIGRATE_ON_START=false: waits until the migration step has brought the
 * database up to this build, polling every two seconds, and fails after `seconds`.
 */
export async function waitForMigrations(adminUrl: string, seconds: number, log: Logger): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  for (let announced = false; ; announced = true) {
    const pending = await pendingMigrations(adminUrl);
    if (!pending.length) return;
    if (Date.now() >= deadline) {
      throw new Error(
        `数据库尚未迁移到本版本（缺 ${pending.length} 项：${pending.slice(0, 3).join('、')}${pending.length > 3 ? '…' : ''}）：请先运行 spotcheck migrate，或设 MIGRATE_ON_START=true`,
      );
    }
    if (!announced) log.info({ pending }, 'waiting for the migration step');
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
