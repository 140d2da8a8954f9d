import type { TestApp } from '../../test-support/test-app';

/** Tables whose rows change with every request of anyone (the viewer's sign-in state, rate counters). */
const VOLATILE = new Set(['access_code_failures']);

/**
 * A digest per table of every row outside `viewerTenant` (all of the table when it has no tenant):
 * two equal snapshots mean nothing of any other bureau was written, not even a timestamp.
 */
export async function othersSnapshot(t: TestApp, viewerTenant: string): Promise<Record<string, string>> {
  const tables = await t.sql<{ table_name: string; tenant: boolean; id: boolean }>(
    `SELECT c.relname AS table_name,
            EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant,
            c.relname = 'tenants' AS id
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT IN ('migrations', 'regions')
      ORDER BY c.relname`,
  );
  const digest: Record<string, string> = {};
  for (const { table_name: table, tenant, id } of tables) {
    if (VOLATILE.has(table)) continue;
    const where = tenant ? 'tenant_id <> $1' : id ? 'id <> $1' : '$1::uuid IS NOT NULL';
    const [{ d, n }] = await t.sql(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(md5(x::text), '' ORDER BY md5(x::text)), '')) AS d FROM ${table} x WHERE ${where}`,
      [viewerTenant],
    );
    digest[table] = `${n}:${d}`;
  }
  return digest;
}

/** Rows of the viewer's own bureau that mention any of `ids` (another bureau's row ids): none should. */
export async function ownRowsMentioning(t: TestApp, viewerTenant: string, ids: string[]): Promise<string[]> {
  const tables = await t.sql<{ table_name: string }>(
    `SELECT c.relname AS table_name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped)`,
  );
  const found: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await t.sql<{ text: string }>(
      `SELECT x::text AS text FROM ${table} x
        WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM regexp_matches(x::text, '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', 'g') m WHERE m[1] = ANY($2::text[]))`,
      [viewerTenant, ids],
    );
    for (const row of rows) found.push(`${table}: ${row.text.slice(0, 300)}`);
  }
  return found;
}
