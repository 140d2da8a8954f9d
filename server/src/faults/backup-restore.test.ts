/**
 * SLOW (the CLI as child processes, an embedded PostgreSQL of its own): `spotcheck backup` and
 * `spotcheck restore`. Set SPOTCHECK_SKIP_SLOW=1 to skip.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { Client } from 'pg';
import { verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { createAdminDataSource } from '../db/data-source';
import { verifyAuditChain } from '../modules/audit/audit.service';
import { drawWugangTask } from '../test-support/draw-fixture';
import { spawnServer, type ServerProcess } from '../test-support/server-process';
import { slowDescribe } from '../test-support/slow';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

jest.setTimeout(180_000);

const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** Runs the CLI as an operator would; answers its exit code and output. */
function spotcheck(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Per table of the public schema: its row count and a hash of all its rows, sorted. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (
      await client.query(
        `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY 1`,
      )
    ).rows.map((r) => r.name as string);
    const out: Record<string, string> = {};
    for (const name of tables) {
      const [row] = (
        await client.query(`SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS h FROM public."${name}" t`)
      ).rows;
      out[name] = `${row.n} ${row.h}`;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** The backup's content without its creation time. */
const sections = (file: string) =>
  zlib
    .gunzipSync(fs.readFileSync(file))
    .toString('utf8')
    .replace(/"createdAt":"[^"]*"/, '');

slowDescribe('backup and restore', () => {
  let source: TestDatabase;
  let running: ServerProcess;
  let target: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-backup-'));
    fs.chmodSync(dir, 0o755); // as root, the embedded PostgreSQL runs as `postgres` and must reach its data below
    [source, target] = await Promise.all([createTestDatabase(), createTestDatabase({ empty: true })]);
    // Test servers run no scheduled sweep (server-process.ts): one in the middle of the backup would write
    // notices and notifications between the two fingerprints below.
    running = await spawnServer(source.url);
  });
  afterAll(async () => {
    await running?.kill();
    await source?.drop();
    await target?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('backs up a running demo, restores it into an empty database, and refuses to overwrite one unless forced', async () => {
    // A drawn draw (the template holds none), and a job still to run, which belongs to the backup too.
    await drawWugangTask({ gql: (q, v, tk) => running.gql(q, v, tk), login: (u) => running.login(u), sql: (q, p) => source.sql(q, p) });
    await source.sql(`INSERT INTO pgboss.job (name, data, start_after) VALUES ('deadline-sweep', '{}', now() + interval '1 hour')`);
    const file = path.join(dir, 'demo.backup');
    const before = await fingerprint(source.url);
    const backup = await spotcheck(['backup', file], { DATABASE_URL: source.url });
    expect(backup).toMatchObject({ code: 0, stderr: '' });
    // The inserted job at least; the running server may have queued its own meanwhile.
    const jobs = Number(/备份到 .*demo\.backup：\d+ 张表 \d+ 行，(\d+) 个待运行的后台任务/.exec(backup.stdout)?.[1]);
    expect(jobs).toBeGreaterThanOrEqual(1);
    const snapshot = await fingerprint(source.url);
    expect(snapshot).toEqual(before); // nothing changed while the backup ran: it is the reference
    expect(Number(snapshot.market_entities!.split(' ')[0])).toBeGreaterThan(100);

    // The data changes after the backup.
    await source.sql(`DELETE FROM market_entities WHERE id IN (SELECT id FROM market_entities WHERE supervising_department_id IS NULL LIMIT 5)`);
    await source.sql(`UPDATE users SET display_name = '改过的名字' WHERE username = 'changde.admin'`);
    expect(await fingerprint(source.url)).not.toEqual(snapshot);

    // Into an empty database.
    const restored = await spotcheck(['restore', file], { DATABASE_URL: target.url });
    expect(restored).toMatchObject({ code: 0, stderr: '' });
    expect(restored.stdout).toMatch(new RegExp(`已恢复到数据库 .*：\\d+ 张表 \\d+ 行，${jobs} 个待运行的后台任务`));
    expect(await fingerprint(target.url)).toEqual(snapshot);
    expect(await target.sql(`SELECT name, state FROM pgboss.job WHERE name = 'deadline-sweep' AND start_after > now() + interval '50 minutes'`)).toEqual([
      { name: 'deadline-sweep', state: 'created' },
    ]);

    // Every bureau's audit chain still verifies, and so does every published draw, served by a server on the copy.
    const ds = createAdminDataSource(target.url);
    await ds.initialize();
    try {
      for (const { id } of await ds.query(`SELECT id FROM tenants`)) expect(await verifyAuditChain(ds.manager, id)).toMatchObject({ ok: true });
    } finally {
      await ds.destroy();
    }
    const server = await spawnServer(target.url);
    try {
      const draws = (await server.gql('{ publicDraws(first: 100) { draws { id status verification { status } } } }')).data.publicDraws.draws;
      const drawn = draws.filter((d: { status: string }) => d.status === 'DRAWN');
      expect(drawn.length).toBeGreaterThan(0);
      for (const { id, verification } of drawn) {
        expect(verification.status).toBe('VERIFIED');
        const record = (await (await fetch(`${server.url}/api/public/draws/${id}`)).json()) as DrawRecord;
        expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });
      }
      expect((await server.gql('{ verifyAuditChain { ok } }', {}, await server.login('changde.supervisor'))).data).toEqual({ verifyAuditChain: { ok: true } });
    } finally {
      await server.stop();
    }

    // Not over a database a server is using, even when forced.
    const inUse = await spotcheck(['restore', file, '--force'], { DATABASE_URL: source.url });
    expect(inUse.code).not.toBe(0);
    expect(inUse.stderr).toMatch(/有 SpotCheck 服务正连着这个数据库/);

    // Not over data, unless forced; forced, the changes since the backup are gone.
    await running.stop();
    const refused = await spotcheck(['restore', file], { DATABASE_URL: source.url });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/目标数据库不是空的.*请加 --force/);
    expect(await fingerprint(source.url)).not.toEqual(snapshot);
    const forced = await spotcheck(['restore', file, '--force'], { DATABASE_URL: source.url });
    expect(forced).toMatchObject({ code: 0, stderr: '' });
    expect(forced.stdout).toMatch(/覆盖了原有数据/);
    expect(await fingerprint(source.url)).toEqual(snapshot);

    // Onto a new machine: the embedded database of an empty data directory, then backed up from there again.
    const dataDir = path.join(dir, 'new-machine');
    const embedded = { SPOTCHECK_DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(56000 + Math.floor(Math.random() * 4000)) }; // taken: another one
    expect(await spotcheck(['restore', file], embedded)).toMatchObject({ code: 0, stderr: '' });
    const again = path.join(dir, 'again.backup');
    const second = await spotcheck(['backup', again], embedded);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(second.stdout).toContain(`内置 PostgreSQL（${path.join(dataDir, 'pg')}）`);
    expect(sections(again)).toBe(sections(file));

    // Something that is not a backup.
    const junk = path.join(dir, 'junk.txt');
    fs.writeFileSync(junk, 'hello');
    expect(await spotcheck(['restore', junk], { DATABASE_URL: target.url })).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/不是 SpotCheck 备份文件/),
    });
  });
});
