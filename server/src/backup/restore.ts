import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
import zlib from 'node:zlib';
import { Client, type ClientBase, type PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { MigrationExecutor, type DataSource, type QueryRunner } from 'typeorm';
import type { Migration } from 'typeorm/migration/Migration';
import type { Config } from '../config';
import { createAdminDataSource } from '../db/data-source';
import { TAKE_START_UP_LOCK } from '../db/start-up-lock';
import { jobCatalog } from '../jobs/catalog';
import { installJobSchema } from '../jobs/job-schema';
import { BackupFileError, BackupReader, MAGIC, type BackupEnd, type BackupHeader, type SequenceValue, type TableSection } from './backup-file';
import { ident, publicTables } from './table-order';

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Migrations newer than the backup, applied after its data was loaded. */
  upgradedBy: string[];
  jobs: { restored: number; skipped: number };
  /** The database held data, which --force allowed to replace. */
  replaced: boolean;
}

/** The restore was refused before anything was changed. */
export class RestoreRefused extends Error {}

/** TypeORM's executor, limited to the migrations the backup's database had. */
class MigrationsOf extends MigrationExecutor {
  constructor(
    dataSource: DataSource,
    queryRunner: QueryRunner,
    private readonly names: ReadonlySet<string>,
  ) {
    super(dataSource, queryRunner);
  }

  protected override getMigrations(): Migration[] {
    return super.getMigrations().filter((m) => this.names.has(m.name));
  }
}

/**
 * Restores a backup into the database at `url` (owner rights). The database must be empty, or
 * `force` must allow replacing what it holds, and no SpotCheck server may be connected to it. In one
 * transaction: the schema as the backup's version had it (its migrations), every row (foreign keys
 * checked, triggers off so that derived rows come from the backup as they were), the sequences, then
 * the migrations added since. Any failure leaves the database as it was. The jobs still to run go back
 * into the queue afterwards.
 */
export async function restoreBackup(url: string, file: string, options: { force?: boolean; config: Config }): Promise<RestoreSummary> {
  if (!fs.existsSync(file)) throw new RestoreRefused(`找不到备份文件：${file}`);
  const input = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  try {
    return await restoreFrom(new BackupReader(input), url, options);
  } finally {
    input.destroy();
  }
}

async function restoreFrom(reader: BackupReader, url: string, options: { force?: boolean; config: Config }): Promise<RestoreSummary> {
  let magic: string | null;
  try {
    magic = await reader.line();
  } catch (error) {
    throw new BackupFileError(`不是 SpotCheck 备份文件（${(error as Error).message}）`);
  }
  if (magic !== MAGIC) throw new BackupFileError('不是 SpotCheck 备份文件');
  const header = await reader.expect<BackupHeader>('HEADER');

  // Held to the end: a server that starts meanwhile waits for the restore before it migrates.
  const lock = new Client({ connectionString: url, application_name: 'spotcheck-restore' });
  await lock.connect();
  try {
    await lock.query(TAKE_START_UP_LOCK);
    return await restoreUnderLock(reader, header, url, options, await refuseUnlessFree(lock, options.force === true));
  } finally {
    await lock.end();
  }
}

async function restoreUnderLock(
  reader: BackupReader,
  header: BackupHeader,
  url: string,
  options: { config: Config },
  replaced: boolean,
): Promise<RestoreSummary> {
  const ds = createAdminDataSource(url);
  await ds.initialize();
  const known = new Set(ds.migrations.map((m) => m.name ?? m.constructor.name));
  const unknown = header.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    await ds.destroy();
    throw new RestoreRefused(`备份来自更新版本的 SpotCheck（本版本没有迁移 ${unknown.join('、')}）：请用不早于备份的版本恢复`);
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  const client = (runner as unknown as { databaseConnection: PoolClient }).databaseConnection;
  let loaded: { tables: number; rows: number; jobRows: Buffer[]; jobColumns: string[] };
  let upgradedBy: string[];
  try {
    await runner.startTransaction();
    if (replaced) {
      await client.query('DROP SCHEMA IF EXISTS pgboss CASCADE');
      await client.query('DROP SCHEMA public CASCADE');
      await client.query('CREATE SCHEMA public');
      await client.query('GRANT USAGE ON SCHEMA public TO PUBLIC');
    }
    const asBackedUp = new MigrationsOf(ds, runner, new Set(header.migrations));
    asBackedUp.transaction = 'none';
    await asBackedUp.executePendingMigrations();
    loaded = await loadRows(client, reader);
    const later = new MigrationExecutor(ds, runner);
    later.transaction = 'none';
    upgradedBy = (await later.executePendingMigrations()).map((m) => m.name);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    throw error;
  } finally {
    await runner.release();
    await ds.destroy();
  }
  const jobs = loaded.jobRows.length ? await restoreJobs(url, options.config, loaded.jobColumns, loaded.jobRows) : { restored: 0, skipped: 0 };
  return { tables: loaded.tables, rows: loaded.rows, upgradedBy, jobs, replaced };
}

/** Refuses a database in use by a server, or one with data unless forced; answers whether it has data. */
async function refuseUnlessFree(client: Client, force: boolean): Promise<boolean> {
  const [{ servers }] = (
    await client.query(
      `SELECT count(*)::int AS servers FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name LIKE 'spotcheck%'`,
    )
  ).rows;
  if (servers) throw new RestoreRefused(`有 SpotCheck 服务正连着这个数据库（${servers} 个连接）：请先停止所有服务再恢复`);
  const [{ tables, jobs }] = (
    await client.query(
      `SELECT (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')) AS tables,
            to_regnamespace('pgboss') IS NOT NULL AS jobs`,
    )
  ).rows;
  if (!tables && !jobs) return false;
  if (!force) {
    throw new RestoreRefused(`目标数据库不是空的（${tables} 张表或视图）。恢复会删除其中的全部数据；确定要覆盖，请加 --force 再运行`);
  }
  return true;
}

/** The sections of the backup into the freshly migrated tables; the job rows are kept for later. */
async function loadRows(client: PoolClient, reader: BackupReader) {
  const tables = await publicTables(client);
  const byName = new Map(tables.map((t) => [t.name, t]));
  // What the migrations put in (reference data) is replaced by the backup's rows.
  if (tables.length) await client.query(`TRUNCATE ${tables.map((t) => `public.${ident(t.name)}`).join(', ')}`);
  for (const t of tables) await client.query(`ALTER TABLE public.${ident(t.name)} DISABLE TRIGGER USER`);

  let rows = 0;
  let count = 0;
  const jobRows: Buffer[] = [];
  let jobColumns: string[] = [];
  for (;;) {
    const line = await reader.line();
    if (line === null) throw new BackupFileError('备份文件不完整：没有结束标记');
    const [keyword, ...rest] = line.split(' ');
    const json = rest.join(' ');
    if (keyword === 'TABLE') {
      const section = JSON.parse(json) as TableSection;
      if (section.schema === 'pgboss') {
        jobColumns = section.columns;
        await reader.section(async (chunk) => void jobRows.push(Buffer.from(chunk)));
        await reader.expect<number>('ROWS');
        continue;
      }
      const table = byName.get(section.name);
      if (!table) throw new BackupFileError(`备份中的表 ${section.name} 在这个版本的数据库里不存在`);
      const missing = section.columns.filter((c) => !table.columns.includes(c));
      if (missing.length) throw new BackupFileError(`备份中表 ${section.name} 的列 ${missing.join('、')} 在这个版本的数据库里不存在`);
      const copied = await copyIn(client, `COPY public.${ident(section.name)} (${section.columns.map(ident).join(', ')}) FROM STDIN`, (write) =>
        reader.section(write),
      );
      const expected = await reader.expect<number>('ROWS');
      if (copied !== expected) throw new BackupFileError(`表 ${section.name}：备份记有 ${expected} 行，读到 ${copied} 行`);
      rows += copied;
      count += 1;
    } else if (keyword === 'SEQUENCES') {
      for (const s of JSON.parse(json) as SequenceValue[]) {
        await client.query('SELECT setval($1::regclass, $2::bigint, $3)', [`public.${ident(s.name)}`, s.value, s.called]);
      }
    } else if (keyword === 'END') {
      const end = JSON.parse(json) as BackupEnd;
      if (end.tables !== count || end.rows !== rows)
        throw new BackupFileError(`备份文件不完整：应有 ${end.tables} 张表 ${end.rows} 行，读到 ${count} 张表 ${rows} 行`);
      break;
    } else {
      throw new BackupFileError(`备份文件已损坏：无法识别的一行 ${JSON.stringify(line.slice(0, 40))}`);
    }
  }
  for (const t of tables) await client.query(`ALTER TABLE public.${ident(t.name)} ENABLE TRIGGER USER`);
  return { tables: count, rows, jobRows, jobColumns };
}

/** COPY … FROM STDIN fed by `feed`; answers the rows PostgreSQL took. */
async function copyIn(client: ClientBase, sql: string, feed: (write: (rows: Buffer) => Promise<void>) => Promise<void>): Promise<number> {
  const stream = client.query(copyFrom(sql));
  const failed = once(stream, 'error').then(([error]) => {
    throw error as Error;
  });
  failed.catch(() => undefined);
  await Promise.race([
    feed(async (rows) => {
      if (!stream.write(rows)) await Promise.race([once(stream, 'drain'), failed]);
    }),
    failed,
  ]);
  stream.end();
  await Promise.race([once(stream, 'finish'), failed]);
  return stream.rowCount;
}

/** The backup's waiting jobs back into the queues this version has (others are counted as skipped). */
async function restoreJobs(url: string, config: Config, columns: string[], rows: Buffer[]): Promise<{ restored: number; skipped: number }> {
  await installJobSchema(url, config, jobCatalog());
  const client = new Client({ connectionString: url, application_name: 'spotcheck-restore' });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE restored_jobs (LIKE pgboss.job) ON COMMIT DROP');
    const list = columns.map(ident).join(', ');
    const total = await copyIn(client, `COPY restored_jobs (${list}) FROM STDIN`, async (write) => {
      for (const chunk of rows) await write(chunk);
    });
    const inserted = await client.query(
      `INSERT INTO pgboss.job (${list}) SELECT ${list} FROM restored_jobs WHERE name IN (SELECT name FROM pgboss.queue) ON CONFLICT DO NOTHING`,
    );
    await client.query('COMMIT');
    return { restored: inserted.rowCount ?? 0, skipped: total - (inserted.rowCount ?? 0) };
  } finally {
    await client.end();
  }
}
