import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { loadConfig } from '../config';
import { startApp } from '../app';
import { expectedMigrations, pendingMigrations } from './migration-state';

const run = promisify(execFile);
const CLI = path.resolve(__dirname, '..', '..', 'dist', 'cli.js');

/** Many replicas, one migration step: `spotcheck migrate`, then servers with MIGRATE_ON_START=false. */
describe('the separate migration step', () => {
  const serverUrl = process.env.SPOTCHECK_TEST_SERVER_URL!;
  const dbName = `migrate_${crypto.randomUUID().replace(/-/g, '')}`;
  const url = serverUrl.replace(/\/postgres$/, `/${dbName}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-migrate-'));
  const env = {
    DATABASE_URL: url,
    SPOTCHECK_MODE: 'production',
    JWT_SECRET: crypto.randomBytes(32).toString('hex'),
    SPOTCHECK_DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
  };
  const config = (extra: Record<string, string>) => loadConfig({ ...env, PORT: '0', HOST: '127.0.0.1', DB_POOL_SIZE: '2', LOG_LEVEL: 'silent', ...extra });
  const cli = (...args: string[]) =>
    run(process.execPath, [CLI, 'migrate', ...args], { env: { PATH: process.env.PATH, ...env } }).then(
      ({ stdout }) => ({ code: 0, stdout }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout + error.stderr }),
    );

  beforeAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
  });
  afterAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists everything as pending on an empty database, and a replica refuses to serve it', async () => {
    expect(await pendingMigrations(url)).toEqual([...expectedMigrations(), 'pgboss (job queues)']);
    expect(await cli('--check')).toEqual({ code: 1, stdout: expect.stringMatching(/^pending: Initial\d+, /) });
    await expect(startApp(config({ MIGRATE_ON_START: 'false', MIGRATION_WAIT_SECONDS: '0' }), url)).rejects.toThrow(/spotcheck migrate/);
    // Looking created nothing.
    expect(await pendingMigrations(url)).toHaveLength(expectedMigrations().length + 1);
  });

  it('migrates with `spotcheck migrate`, after which replicas start without migrating', async () => {
    const first = await cli();
    expect(first).toEqual({ code: 0, stdout: expect.stringContaining(`migrated: ${expectedMigrations().length} migration(s) applied; job queues installed`) });
    expect(await cli('--check')).toEqual({ code: 0, stdout: 'up to date\n' });
    expect((await cli()).stdout).toContain('migrated: 0 migration(s) applied');

    const replicas = await Promise.all([1, 2].map(() => startApp(config({ MIGRATE_ON_START: 'false', MIGRATION_WAIT_SECONDS: '0' }), url)));
    try {
      for (const replica of replicas) expect(await (await fetch(`${replica.url}/readyz`)).json()).toEqual({ status: 'ready' });
    } finally {
      await Promise.all(replicas.map((r) => r.close()));
    }
  });
});
