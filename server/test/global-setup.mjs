// One embedded PostgreSQL for the whole jest run, with a template database that is migrated and
// seeded with the demo once; each test file clones it (CREATE DATABASE … TEMPLATE), which is fast.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';

const require = createRequire(import.meta.url);

export default async function globalSetup() {
  require('reflect-metadata');
  // The tests load the app from its build (server/test/native-modules.cjs): bring it up to date first.
  // After `npm run build` (as in `npm test`) this finds nothing to do in under a second.
  const server = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-b', server], { stdio: 'inherit' });
  const dist = path.join(server, 'dist');
  const { startEmbeddedPostgres } = require(path.join(dist, 'db', 'embedded.js'));
  const { createAdminDataSource } = require(path.join(dist, 'db', 'data-source.js'));
  const { seedDemoIfEmpty } = require(path.join(dist, 'seed', 'demo.js'));
  const { PersonKeys } = require(path.join(dist, 'security', 'id-numbers.js'));

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-test-'));
  const pg = await startEmbeddedPostgres(dataDir, 0);
  const url = (db) => pg.adminUrl.replace(/\/postgres$/, `/${db}`);
  const admin = createAdminDataSource(pg.adminUrl);
  await admin.initialize();
  // Test data is thrown away at the end: no need to wait for the disk on every commit and every
  // CREATE DATABASE. (The fault tests that restart PostgreSQL start their own, durable one.)
  for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes']) await admin.query(`ALTER SYSTEM SET ${setting} = off`);
  await admin.query('SELECT pg_reload_conf()');
  await admin.query('CREATE DATABASE spotcheck_template');
  await admin.destroy();

  const template = createAdminDataSource(url('spotcheck_template'));
  await template.initialize();
  await template.runMigrations({ transaction: 'each' });
  // The same secret as test-support/test-app.ts TEST_ID_NUMBER_SECRET: the demo's natural persons keep their keys.
  await seedDemoIfEmpty(template, new PersonKeys('spotcheck-test-id-number-secret-0123456789'));
  await template.destroy();

  process.env.SPOTCHECK_TEST_SERVER_URL = pg.adminUrl;
  // Where the workers record the statements they send (statement-recorder.cjs), for global-teardown.mjs.
  process.env.SPOTCHECK_STATEMENT_LOG = fs.mkdtempSync(path.join(os.tmpdir(), 'spotcheck-statements-'));
  globalThis.__spotcheckPg = { pg, dataDir, templateUrl: url('spotcheck_template') };
}
