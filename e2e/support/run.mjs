// `npm test -w e2e`: one embedded PostgreSQL for the whole run, with a template database that is
// migrated and seeded with the demo once (the same steps as `spotcheck migrate`: migrations, demo data,
// the demo's ceremonies). Each browser test file's server gets its own clone of it (see server.mjs)
// on its own port, and node --test runs three files at a time (much of a file's time is spent waiting on
// its server and browser). Arguments are passed on to node --test
// (e.g. one file: `npm test -w e2e -- tests/plans.test.mjs`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { E2E_ID_NUMBER_SECRET, E2E_TEMPLATE, REPO_ROOT, assertBuilt, databaseUrl } from './server.mjs';

const CONCURRENCY = process.env.E2E_CONCURRENCY ?? '3';
const TESTS = path.join(REPO_ROOT, 'e2e', 'tests');

/**
 * Every browser test file, the largest first: a long file started last kept one slot busy alone at the
 * end of the run (the journeys take 75–90 s, most files 15–40 s), and a file's size follows its length.
 */
function testFilesLongestFirst() {
  const files = readdirSync(TESTS).filter((f) => f.endsWith('.test.mjs'));
  const size = (f) => statSync(path.join(TESTS, f)).size;
  return files.sort((a, b) => size(b) - size(a)).map((f) => `tests/${f}`);
}

assertBuilt();
const serverRequire = createRequire(path.join(REPO_ROOT, 'server', 'package.json'));
serverRequire('reflect-metadata');
const dist = (file) => serverRequire(path.join(REPO_ROOT, 'server', 'dist', file));
const { startEmbeddedPostgres } = dist('db/embedded.js');
const { loadConfig } = dist('config.js');
const { migrateDatabase } = dist('app.js');
const { Client } = serverRequire('pg');

const started = Date.now();
const pgDir = mkdtempSync(path.join(os.tmpdir(), 'spotcheck-e2e-pg-'));
const seedDir = mkdtempSync(path.join(os.tmpdir(), 'spotcheck-e2e-seed-'));
const pg = await startEmbeddedPostgres(pgDir, 0);
let code = 1;
try {
  const admin = new Client({ connectionString: pg.adminUrl });
  await admin.connect();
  // Test data is thrown away at the end: no need to wait for the disk on every commit.
  await admin.query('ALTER SYSTEM SET fsync = off');
  await admin.query('ALTER SYSTEM SET synchronous_commit = off');
  await admin.query('ALTER SYSTEM SET full_page_writes = off');
  await admin.query('SELECT pg_reload_conf()');
  await admin.query(`CREATE DATABASE ${E2E_TEMPLATE}`);
  await admin.end();
  const templateUrl = databaseUrl(pg.adminUrl, E2E_TEMPLATE);
  const config = loadConfig({ DATABASE_URL: templateUrl, SPOTCHECK_DATA_DIR: seedDir, ID_NUMBER_SECRET: E2E_ID_NUMBER_SECRET, LOG_LEVEL: 'warn' });
  await migrateDatabase(config, templateUrl);
  process.stdout.write(`# e2e: PostgreSQL and the demo template ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);

  const child = spawn(
    process.execPath,
    ['--test', `--test-concurrency=${CONCURRENCY}`, ...(process.argv.length > 2 ? process.argv.slice(2) : testFilesLongestFirst())],
    {
      cwd: path.join(REPO_ROOT, 'e2e'),
      env: { ...process.env, SPOTCHECK_E2E_POSTGRES: pg.adminUrl },
      stdio: 'inherit',
    },
  );
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  code = await new Promise((resolve) => child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))));
} finally {
  await pg.stop();
  rmSync(pgDir, { recursive: true, force: true });
  rmSync(seedDir, { recursive: true, force: true });
}
process.exit(code);
