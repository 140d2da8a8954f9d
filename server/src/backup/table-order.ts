import type { ClientBase } from 'pg';

export interface TableInfo {
  name: string;
  columns: string[];
  /** A foreign key of the table to itself: its rows must be written parents first. */
  selfReference: { columns: string[]; references: string[] } | null;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The tables of the public schema (but TypeORM's migration table), each with its columns, ordered so
 * that every table comes after the tables its foreign keys point to. The restore then loads them in
 * this order with every foreign key checked.
 */
export async function publicTables(client: ClientBase): Promise<TableInfo[]> {
  const tables = (
    await client.query(
      `SELECT c.oid, c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> 'schema_migrations'
      ORDER BY c.relname`,
    )
  ).rows as { oid: number; name: string; columns: string[] }[];
  const keys = (
    await client.query(
      `SELECT k.conrelid AS child, k.confrelid AS parent,
            array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns,
            array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i) JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS references
       FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
    )
  ).rows as { child: number; parent: number; columns: string[]; references: string[] }[];

  const byOid = new Map(tables.map((t) => [t.oid, t]));
  const ordered: TableInfo[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (oid: number, path: string[]) => {
    const table = byOid.get(oid);
    if (!table || state.get(oid) === 'done') return;
    if (state.get(oid) === 'visiting') throw new Error(`外键成环，无法确定恢复顺序：${[...path, table.name].join(' → ')}`);
    state.set(oid, 'visiting');
    for (const key of keys) if (key.child === oid && key.parent !== oid) visit(key.parent, [...path, table.name]);
    const self = keys.filter((k) => k.child === oid && k.parent === oid);
    if (self.length > 1) throw new Error(`表 ${table.name} 有多个指向自身的外键，备份不支持`);
    ordered.push({ name: table.name, columns: table.columns, selfReference: self[0] ? { columns: self[0].columns, references: self[0].references } : null });
    state.set(oid, 'done');
  };
  for (const table of tables) visit(table.oid, []);
  return ordered;
}

/**
 * The SELECT that dumps a table. With a foreign key to itself, rows come parents first: by their depth
 * below a row whose key is null (rows in a cycle, which cannot be loaded anyway, come last).
 */
export function dumpQuery(table: TableInfo): string {
  const columns = table.columns.map((c) => `t.${ident(c)}`).join(', ');
  const from = `public.${ident(table.name)}`;
  if (!table.selfReference) return `SELECT ${columns} FROM ${from} t`;
  const { columns: fk, references: pk } = table.selfReference;
  const refs = pk.map((c, i) => `${ident(c)} AS r${i}`).join(', ');
  const rootWhere = fk.map((c) => `${ident(c)} IS NULL`).join(' OR ');
  const join = fk.map((c, i) => `c.${ident(c)} = d.r${i}`).join(' AND ');
  const childRefs = pk.map((c, i) => `c.${ident(c)} AS r${i}`).join(', ');
  return `WITH RECURSIVE d AS (
      SELECT ctid AS row, ${refs}, 0 AS depth FROM ${from} WHERE ${rootWhere}
      UNION ALL
      SELECT c.ctid, ${childRefs}, d.depth + 1 FROM ${from} c JOIN d ON ${join}
    )
    SELECT ${columns} FROM ${from} t LEFT JOIN d ON d.row = t.ctid ORDER BY d.depth NULLS LAST, t.ctid`;
}

export { ident };
