import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { GLOBAL_LOOKUPS } from '../test-support/global-lookups';

/*
 * The schema stays ready for Citus (docs/citus.md): every tenant table can be distributed by
 * tenant_id, because each of its keys leads with tenant_id; and deploy/citus/distribute.sql, which
 * distributes them, names every table of the schema. A new table fails here until it is keyed and
 * listed.
 */
const DISTRIBUTE_SQL = path.resolve(__dirname, '..', '..', '..', 'deploy', 'citus', 'distribute.sql');

interface Plan {
  functions: string[];
  reference: string[];
  coordinator: string[];
  distributed: { table: string; column: string; colocateWith: string | null }[];
  /** Each table's and function's position among the statements. */
  order: Map<string, number>;
}

function readPlan(): Plan {
  const sql = fs.readFileSync(DISTRIBUTE_SQL, 'utf8');
  const plan: Plan = { functions: [], reference: [], coordinator: [], distributed: [], order: new Map() };
  const code = sql
    .split('\n')
    .filter((l) => !l.trimStart().startsWith('--'))
    .join('\n');
  for (const m of code.matchAll(/create_distributed_function\('(\w+)\(\)'\)/g)) {
    plan.functions.push(m[1]!);
    plan.order.set(`${m[1]}()`, m.index);
  }
  for (const m of code.matchAll(/create_reference_table\('(\w+)'\)|create_distributed_table\('(\w+)', '(\w+)'(?:, colocate_with => '(\w+)')?\)/g)) {
    if (m[1]) plan.reference.push(m[1]);
    else plan.distributed.push({ table: m[2]!, column: m[3]!, colocateWith: m[4] ?? null });
    plan.order.set(m[1] ?? m[2]!, m.index);
  }
  const kept = /^-- Stays on the coordinator: ([\w, ]+)$/m.exec(sql);
  plan.coordinator = kept ? kept[1]!.split(',').map((s) => s.trim()) : [];
  return plan;
}

describe('readiness for Citus', () => {
  const serverUrl = process.env.SPOTCHECK_TEST_SERVER_URL!;
  const dbName = `citus_${crypto.randomUUID().replace(/-/g, '')}`;
  let db: Client;
  const q = async <T>(text: string, params: unknown[] = []) => (await db.query(text, params)).rows as T[];
  const plan = readPlan();

  beforeAll(async () => {
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName} TEMPLATE spotcheck_template`);
    await admin.end();
    db = new Client({ connectionString: serverUrl.replace(/\/postgres$/, `/${dbName}`) });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  });

  const tables = async () =>
    await q<{ table: string; tenant: boolean }>(
      `SELECT c.relname AS table,
              EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped) AS tenant
         FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') ORDER BY 1`,
    );
  const tenantTables = async () => (await tables()).filter((t) => t.tenant && !(t.table in GLOBAL_LOOKUPS)).map((t) => t.table);

  /** Every key of a table: its primary key, unique constraints and unique indexes, with their columns in order. */
  const uniqueKeys = (table: string) =>
    q<{ name: string; columns: string[] }>(
      `SELECT i.indexrelid::regclass::text AS name,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i WHERE i.indrelid = $1::regclass AND i.indisunique`,
      [table],
    );

  it('has no subquery in any policy of a table Citus distributes or replicates (Citus refuses such a policy)', async () => {
    const onCitus = new Set([...plan.distributed.map((d) => d.table), ...plan.reference]);
    const withSubqueries = await q<{ table: string; policy: string }>(
      `SELECT c.relname AS table, p.polname AS policy FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
        WHERE c.relnamespace = 'public'::regnamespace
          AND (coalesce(p.polqual::text, '') LIKE '%{SUBLINK%' OR coalesce(p.polwithcheck::text, '') LIKE '%{SUBLINK%')
        ORDER BY 1, 2`,
    );
    expect(withSubqueries.filter((r) => onCitus.has(r.table)).map((r) => `${r.table}.${r.policy}`)).toEqual([]);
  });

  it('gives the views back the grants that distributing takes from them', async () => {
    const sql = fs.readFileSync(DISTRIBUTE_SQL, 'utf8');
    const block = (name: string) => new RegExp(`-- BEGIN ${name}\\n([\\s\\S]*?)-- END ${name}`).exec(sql)![1]!;
    const grants = () =>
      q<{ acl: string }>(
        `SELECT string_agg(c.relname || ':' || coalesce(c.relacl::text, ''), ' ' ORDER BY c.relname) AS acl
           FROM pg_class c WHERE c.relkind = 'v' AND c.relnamespace = 'public'::regnamespace`,
      );
    const before = await grants();
    expect(before[0]!.acl).toContain('spotcheck_app=r');
    await db.query(block('keep view grants'));
    // What Citus does to them: the views come back with their owner's rights only.
    const views = await q<{ name: string }>(`SELECT relname AS name FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace`);
    for (const { name } of views) await db.query(`REVOKE ALL ON ${name} FROM PUBLIC, spotcheck_app`);
    expect(await grants()).not.toEqual(before);
    await db.query(block('restore view grants'));
    expect(await grants()).toEqual(before);
  });

  it('has no SQL-language function with parameters that reads a tenant table (Citus cannot plan one)', async () => {
    const tenant = await tenantTables();
    const functions = await q<{ name: string; source: string }>(
      `SELECT p.oid::regprocedure::text AS name, p.prosrc AS source FROM pg_proc p
        WHERE p.pronamespace = 'public'::regnamespace AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'sql') AND p.pronargs > 0`,
    );
    const reading = functions.filter((f) => tenant.some((t) => new RegExp(`\\b${t}\\b`).test(f.source))).map((f) => f.name);
    expect(reading.sort()).toEqual([]);
  });

  it('keys every tenant table with tenant_id first: primary key, unique constraints and unique indexes', async () => {
    const tenant = await tenantTables();
    expect(tenant.length).toBeGreaterThan(25);
    const offending: string[] = [];
    for (const table of tenant) {
      const keys = await uniqueKeys(table);
      expect({ table, hasPrimaryKey: keys.length > 0 }).toEqual({ table, hasPrimaryKey: true });
      for (const key of keys) if (key.columns[0] !== 'tenant_id') offending.push(`${table}.${key.name} (${key.columns.join(', ')})`);
    }
    expect(offending).toEqual([]);
    // Expression or partial unique indexes would hide a column list: there is none on a tenant table.
    const [{ n }] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
        WHERE c.relname = ANY($1) AND i.indisunique AND (i.indexprs IS NOT NULL OR 0 = ANY(i.indkey::int2[]))`,
      [tenant],
    );
    expect(n).toBe(0);
    const exclusions = await q(`SELECT conname FROM pg_constraint WHERE contype = 'x' AND conrelid::regclass::text = ANY($1)`, [tenant]);
    expect(exclusions).toEqual([]);
  });

  it('joins tenant tables by foreign keys that lead with tenant_id on both sides, and never points a reference table at one', async () => {
    const tenant = new Set(await tenantTables());
    const fks = await q<{ child: string; parent: string; name: string; child_columns: string[]; parent_columns: string[] }>(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent, conname AS name,
              array(SELECT attname FROM unnest(conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = conrelid AND attnum = k.n ORDER BY k.o)::text[] AS child_columns,
              array(SELECT attname FROM unnest(confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute ON attrelid = confrelid AND attnum = k.n ORDER BY k.o)::text[] AS parent_columns
         FROM pg_constraint WHERE contype = 'f' AND connamespace = 'public'::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(0);
    for (const fk of fks) {
      if (tenant.has(fk.child) && tenant.has(fk.parent)) {
        expect({ fk: fk.name, child: fk.child_columns[0], parent: fk.parent_columns[0] }).toEqual({ fk: fk.name, child: 'tenant_id', parent: 'tenant_id' });
      }
      // Citus refuses a foreign key from a reference (or local) table to a distributed one.
      if (!tenant.has(fk.child)) expect({ fk: fk.name, parentIsTenantTable: tenant.has(fk.parent) }).toEqual({ fk: fk.name, parentIsTenantTable: false });
    }
  });

  it('keeps the global lookups what they are: platform-wide keys, closed to the app role', async () => {
    for (const table of Object.keys(GLOBAL_LOOKUPS)) {
      const keys = await uniqueKeys(table);
      expect(keys.map((k) => k.columns[0])).not.toContain('tenant_id');
      const [{ readable }] = await q<{ readable: boolean }>(`SELECT has_table_privilege('spotcheck_app', $1, 'SELECT') AS readable`, [table]);
      expect({ table, readable }).toEqual({ table, readable: false });
    }
  });

  it('distributes every tenant table by tenant_id, co-located, in deploy/citus/distribute.sql', async () => {
    const tenant = await tenantTables();
    expect(plan.distributed.map((d) => d.table).sort()).toEqual([...tenant].sort());
    const [anchor, ...rest] = plan.distributed;
    expect(anchor).toEqual({ table: anchor!.table, column: 'tenant_id', colocateWith: null });
    for (const d of rest) expect(d).toEqual({ table: d.table, column: 'tenant_id', colocateWith: anchor!.table });
  });

  it('names every other table once: a reference table, or one that stays on the coordinator', async () => {
    const all = (await tables()).map((t) => t.table);
    const named = [...plan.distributed.map((d) => d.table), ...plan.reference, ...plan.coordinator];
    expect([...named].sort()).toEqual([...all].sort());
    expect(new Set(named).size).toBe(named.length);
    expect(plan.reference).toEqual(expect.arrayContaining(['regions', 'tenants', 'platform_calendar_entries', ...Object.keys(GLOBAL_LOOKUPS)]));
    // No reference table is keyed to one tenant: those are the tenant tables.
    for (const table of plan.reference) {
      const isLookup = table in GLOBAL_LOOKUPS;
      const hasTenant = (await tables()).find((t) => t.table === table)!.tenant;
      expect({ table, hasTenant }).toEqual({ table, hasTenant: isLookup });
    }
  });

  it('creates every referenced table before the tables that point at it', async () => {
    const fks = await q<{ child: string; parent: string }>(
      `SELECT conrelid::regclass::text AS child, confrelid::regclass::text AS parent FROM pg_constraint
        WHERE contype = 'f' AND connamespace = 'public'::regnamespace AND conrelid <> confrelid`,
    );
    for (const { child, parent } of fks) {
      expect({ child, parent, parentFirst: plan.order.get(parent)! < plan.order.get(child)! }).toEqual({ child, parent, parentFirst: true });
    }
  });

  it('puts every function of a policy or trigger on the workers first', async () => {
    const used = await q<{ fn: string }>(
      `SELECT DISTINCT p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND t.tgrelid::regclass::text = ANY($1)
       UNION
       SELECT DISTINCT p.proname FROM pg_policy pol JOIN pg_depend d ON d.classid = 'pg_policy'::regclass AND d.objid = pol.oid
         JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
        WHERE pol.polrelid::regclass::text = ANY($1)`,
      [[...plan.distributed.map((d) => d.table), ...plan.reference]],
    );
    expect(used.map((u) => u.fn).sort()).toEqual([...plan.functions].sort());
    const firstTable = Math.min(...[...plan.distributed.map((d) => d.table), ...plan.reference].map((t) => plan.order.get(t)!));
    for (const fn of plan.functions) expect(plan.order.get(`${fn}()`)).toBeLessThan(firstTable);
  });
});
