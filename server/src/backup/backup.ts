import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { countRows, END_OF_DATA, MAGIC, type BackupEnd, type BackupHeader, type SequenceValue, type TableSection } from './backup-file';
import { dumpQuery, ident, publicTables } from './table-order';

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  jobs: number;
  bytes: number;
  migrations: number;
}

/** The pg-boss jobs worth keeping: those not yet done. A running one is handed back as a retry. */
const JOB_COLUMNS = [
  'id',
  'name',
  'priority',
  'data',
  'state',
  'retry_limit',
  'retry_count',
  'retry_delay',
  'retry_backoff',
  'start_after',
  'singleton_key',
  'singleton_on',
  'expire_in',
  'created_on',
  'keep_until',
  'dead_letter',
  'policy',
];
const JOBS_QUERY = `SELECT ${JOB_COLUMNS.map((c) => (c === 'state' ? `CASE WHEN state = 'active' THEN 'retry' ELSE state::text END AS state` : c)).join(', ')}
  FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`;

/**
 * Writes a backup of the database at `url` (owner rights) to `file`: every row of the application's
 * tables and the jobs still to run, all read in one snapshot (REPEATABLE READ), so the backup is
 * consistent while the service keeps running. The file appears only once it is complete.
 */
export async function writeBackup(url: string, file: string): Promise<BackupSummary> {
  const client = new Client({ connectionString: url, application_name: 'spotcheck-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(partial);
  gzip.pipe(out);
  const written = once(out, 'close');
  const put = async (data: string | Buffer) => {
    if (!gzip.write(data)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // A row hidden by row-level security must fail the backup, not be left out of it (as pg_dump does).
    await client.query('SET LOCAL row_security = off');
    const migrationTable = (await client.query(`SELECT to_regclass('public.schema_migrations') AS t`)).rows[0].t;
    if (!migrationTable) throw new Error('这个数据库里没有 SpotCheck 的数据（没有迁移记录表）');
    const migrations = (await client.query('SELECT name FROM schema_migrations ORDER BY id')).rows.map((r: { name: string }) => r.name);
    const postgres = (await client.query('SHOW server_version')).rows[0].server_version as string;
    const header: BackupHeader = { createdAt: new Date().toISOString(), migrations, postgres };
    await put(`${MAGIC}\nHEADER ${JSON.stringify(header)}\n`);

    let rows = 0;
    const section = async (meta: TableSection, sql: string) => {
      await put(`TABLE ${JSON.stringify(meta)}\n`);
      let count = 0;
      for await (const chunk of client.query(copyTo(`COPY (${sql}) TO STDOUT`)) as AsyncIterable<Buffer>) {
        count += countRows(chunk);
        await put(chunk);
      }
      await put(Buffer.concat([END_OF_DATA, Buffer.from(`ROWS ${count}\n`)]));
      return count;
    };
    const tables = await publicTables(client);
    for (const table of tables) rows += await section({ schema: 'public', name: table.name, columns: table.columns }, dumpQuery(table));

    const sequences = (
      await client.query(
        `SELECT s.relname AS name FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
        WHERE s.relkind = 'S' AND n.nspname = 'public' AND s.relname <> 'schema_migrations_id_seq' ORDER BY 1`,
      )
    ).rows as { name: string }[];
    const values: SequenceValue[] = [];
    for (const { name } of sequences) {
      const [value] = (await client.query(`SELECT last_value::text AS value, is_called AS called FROM public.${ident(name)}`)).rows;
      values.push({ name, value: value.value, called: value.called });
    }
    await put(`SEQUENCES ${JSON.stringify(values)}\n`);

    const hasJobs = (await client.query(`SELECT to_regclass('pgboss.job') AS t`)).rows[0].t;
    const jobs = hasJobs ? await section({ schema: 'pgboss', name: 'job', columns: JOB_COLUMNS }, JOBS_QUERY) : 0;
    const end: BackupEnd = { tables: tables.length, rows };
    await put(`END ${JSON.stringify(end)}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return { file, tables: tables.length, rows, jobs, bytes: fs.statSync(file).size, migrations: migrations.length };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    await client.end();
  }
}
