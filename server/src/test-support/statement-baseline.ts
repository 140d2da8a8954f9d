/**
 * The router-plannable check over a whole test run (server/test/global-teardown.mjs). Statements are told
 * apart by PostgreSQL's fingerprint (constants and parameters do not count). The baseline
 * (server/test/statement-baseline.json) lists the kinds of statement the app sent when the check came
 * in that still break the rules: a kind not in it fails the run, and the list may only shrink
 * (`SPOTCHECK_STATEMENT_BASELINE=write npm run test:unit` rewrites it from a whole run).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fingerprintSync } from 'libpg-query';
import { GLOBAL_LOOKUPS } from './global-lookups';
import { checkStatement, loadParser, type Finding } from './statement-check';

export const BASELINE_FILE = path.resolve(__dirname, '..', '..', 'test', 'statement-baseline.json');

interface Recorded {
  sql: string;
  caller: string;
}

interface BaselineEntry {
  findings: string[];
  statement: string;
  callers: string[];
}

export async function runStatementCheck(recorded: Recorded[], tablesWithTenant: ReadonlySet<string>): Promise<void> {
  const started = Date.now();
  await loadParser();
  const tenantTables = new Set([...tablesWithTenant].filter((t) => !(t in GLOBAL_LOOKUPS)));
  const kinds = new Map<string, BaselineEntry>();
  const checked = new Map<string, { findings: Finding[]; key: string | null }>();
  for (const { sql, caller } of recorded) {
    let known = checked.get(sql);
    if (!known) {
      const findings = checkStatement(sql, tenantTables);
      checked.set(sql, (known = { findings, key: findings.length ? fingerprintOf(sql) : null }));
    }
    const { findings, key } = known;
    if (!key) continue;
    const entry = kinds.get(key) ?? { findings: describe(findings), statement: oneLine(sql).slice(0, 300), callers: [] };
    if (entry.callers.length < 3 && !entry.callers.includes(caller)) entry.callers.push(caller);
    kinds.set(key, entry);
  }
  const baseline: Record<string, BaselineEntry> = fs.existsSync(BASELINE_FILE) ? JSON.parse(fs.readFileSync(BASELINE_FILE, 'utf8')) : {};
  if (process.env.SPOTCHECK_STATEMENT_BASELINE === 'write') {
    const sorted = Object.fromEntries([...kinds.entries()].sort(([, a], [, b]) => a.statement.localeCompare(b.statement)));
    fs.writeFileSync(BASELINE_FILE, `${JSON.stringify(sorted, null, 2)}\n`);
    process.stdout.write(`statement check: wrote ${kinds.size} kinds of statement to ${BASELINE_FILE}\n`);
    return;
  }
  const fresh = [...kinds.entries()].filter(([key]) => !(key in baseline));
  const gone = Object.keys(baseline).filter((key) => !kinds.has(key)).length;
  process.stdout.write(
    `statement check: ${new Set(recorded.map((r) => r.sql)).size} distinct statements; ${kinds.size} kinds not router-plannable, ` +
      `${kinds.size - fresh.length} of them in the baseline of ${Object.keys(baseline).length}${gone ? `; ${gone} of the baseline not seen in this run` : ''} ` +
      `(checked in ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (fresh.length) {
    const lines = fresh.map(([, e]) => `- ${e.findings.join('; ')}\n  ${e.statement}\n  from ${e.callers.join('\n    and ')}`);
    throw new Error(`statements that Citus could not route to one shard (docs/citus.md, “Router-plannable”):\n${lines.join('\n')}`);
  }
}

function fingerprintOf(sql: string): string {
  try {
    return fingerprintSync(sql);
  } catch {
    return `unparsable:${oneLine(sql).slice(0, 200)}`;
  }
}

function describe(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => `${f.rule}: ${f.message}`))];
}

function oneLine(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}
