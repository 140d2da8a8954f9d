import type { PoolClient } from 'pg';
import { appPool } from '../db/app-pool';
import type { TestApp } from './test-app';

export interface SentStatement {
  text: string;
  values: unknown[];
}

/**
 * Records the SELECTs on a table that the app sends while `during` runs, to EXPLAIN them afterwards
 * exactly as they ran (text and parameters).
 */
export function statementRecorder(t: TestApp, table: string) {
  const sent: SentStatement[] = [];
  let recording = false;
  appPool(t.app.services.db).on('acquire', (client: PoolClient & { recorded?: boolean }) => {
    if (client.recorded) return;
    client.recorded = true;
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      if (recording && typeof args[0] === 'string') sent.push({ text: args[0], values: Array.isArray(args[1]) ? args[1] : [] });
      return query(...args);
    }) as PoolClient['query'];
  });
  return async <T>(during: () => Promise<T>): Promise<{ result: T; statements: SentStatement[] }> => {
    sent.length = 0;
    recording = true;
    try {
      const result = await during();
      return { result, statements: sent.filter((s) => s.text.includes(table) && /^\s*SELECT/i.test(s.text)) };
    } finally {
      recording = false;
    }
  };
}

/**
 * The rows a statement's scans read (EXPLAIN ANALYZE) as the app role, under `tenantId`'s scope or
 * none: what was returned plus what the filters removed, so a walk over a whole table shows.
 */
export async function rowsRead(t: TestApp, statement: SentStatement, tenantId: string | null): Promise<{ rows: number; plan: string }> {
  if (tenantId) await t.sql(`SELECT set_config('app.tenant_id', $1, false)`, [tenantId]);
  await t.sql(`SET ROLE spotcheck_app`);
  try {
    const [
      {
        'QUERY PLAN': [explained],
      },
    ] = await t.sql(`EXPLAIN (ANALYZE, FORMAT JSON) ${statement.text}`, statement.values);
    let total = 0;
    const visit = (node: any) => {
      // A bitmap index scan's rows are read again by its heap scan; count them there.
      if (/Scan$/.test(node['Node Type']) && node['Node Type'] !== 'Bitmap Index Scan') {
        total +=
          (node['Actual Rows'] ?? 0) * (node['Actual Loops'] ?? 1) + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Index Recheck'] ?? 0);
      }
      for (const child of node.Plans ?? []) visit(child);
    };
    visit(explained.Plan);
    return { rows: total, plan: JSON.stringify(explained.Plan) };
  } finally {
    await t.sql(`RESET role`);
    await t.sql(`RESET app.tenant_id`);
  }
}

/**
 * Fills a bureau's directory with `rows` entities for the list tests at scale: names “舞钢市第N号建材有限公司”,
 * one in 1,000 carrying `rare`, USCCs `91<region>` and nine digits; then ANALYZE, so plans see the size.
 */
export async function fillDirectory(t: TestApp, tenantId: string, region: string, rare: string, rows: number): Promise<void> {
  await t.sql(
    `INSERT INTO market_entities (tenant_id, name, uscc, registration_authority, legal_representative, address, region_code)
     SELECT $1, '舞钢市' || CASE WHEN n % 1000 = 7 THEN $2 ELSE '' END || '第' || n || '号建材有限公司', $3 || lpad(n::text, 9, '0'),
            '舞钢市市场监督管理局', '法人', '地址', $4
       FROM generate_series(1, $5::int) n`,
    [tenantId, rare, `91${region}`, region, rows],
  );
  await t.sql(`ANALYZE market_entities`);
}

/**
 * Fills a bureau's results with `rows` records of one draw and the bureau's first task (if any): names
 * “舞钢市第N号建材有限公司”, one in 1,000 carrying `rare`, USCCs `91<region>` and ten digits, published one
 * a minute back from 2024-01-01, every 100th at the same instant as the one before (a tie falls to the
 * id); then ANALYZE. A `status` other than PUBLISHED fills records in the workflow the portal must not show.
 */
export async function fillPublishedResults(t: TestApp, tenantId: string, region: string, rare: string, rows: number, status = 'PUBLISHED'): Promise<void> {
  await t.sql(
    `INSERT INTO inspections (tenant_id, draw_id, seq, task_id, entity_uscc, entity_name, item_ids, team_ids, status,
                              inspected_on, result_category, content_hash, access_code, access_code_hash, published_at)
     SELECT $1, d.id, n, (SELECT id FROM tasks WHERE tenant_id = $1 ORDER BY created_at LIMIT 1), $3 || lpad(n::text, 10, '0'),
            '舞钢市' || CASE WHEN n % 1000 = 7 THEN $2 ELSE '' END || '第' || n || '号建材有限公司', '{}', '{}', $5,
            date '2023-06-20', 'NO_PROBLEM', md5(n::text), 'fill' || n, md5('fill' || n || $5),
            CASE WHEN $5 = 'PUBLISHED' THEN timestamptz '2024-01-01 00:00:00+08' - ((n - n % 100 / 99) * interval '1 minute') END
       FROM generate_series(1, $4::int) n, (SELECT gen_random_uuid() AS id) d`,
    [tenantId, rare, `91${region}`, rows, status],
  );
  await t.sql(`ANALYZE inspections`);
}
