import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export default async function globalTeardown() {
  const state = globalThis.__spotcheckPg;
  if (!state) return;
  try {
    await checkStatements(state.templateUrl);
  } finally {
    await state.pg.stop();
    fs.rmSync(state.dataDir, { recursive: true, force: true });
    fs.rmSync(process.env.SPOTCHECK_STATEMENT_LOG, { recursive: true, force: true });
  }
}

/**
 * The router-plannable check over every statement the run sent (server/src/test-support/statement-check.ts
 * and statement-baseline.ts): a new kind of statement that would fan out across Citus shards fails the run.
 */
async function checkStatements(templateUrl) {
  const { Client } = require('pg');
  const { runStatementCheck } = require('../src/test-support/statement-baseline.ts');
  const dir = process.env.SPOTCHECK_STATEMENT_LOG;
  const recorded = fs
    .readdirSync(dir)
    .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  const client = new Client({ connectionString: templateUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
          AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
    );
    await runStatementCheck(recorded, new Set(rows.map((r) => r.relname)));
  } finally {
    await client.end();
  }
}
