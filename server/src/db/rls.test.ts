import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { tenantWallRemovalSql, tenantWallSql } from './rls';
import { createTestDatabase, type TestDatabase } from '../test-support/test-database';

/** Every statement a migration's up() (or down()) sends, on a runner that only records. */
async function statementsOf(run: (q: QueryRunner) => Promise<void>): Promise<string[]> {
  const sent: string[] = [];
  const q = new Proxy({} as QueryRunner, {
    get: (_target, name) => (name === 'query' ? async (sql: string) => (sent.push(sql), []) : async () => undefined),
  });
  await run(q).catch(() => undefined); // a migration that reads its own results stops here; what it sent so far counts
  return sent;
}

const squeeze = (sql: string) => sql.replace(/\s+/g, ' ').trim();

describe('the RLS helper for migrations', () => {
  it('emits what each hand-written tenant wall of the migrations sends, but for whitespace', async () => {
    const copies: { migration: string; table: string; sql: string[] }[] = [];
    for (const Migration of MIGRATIONS) {
      const sent = await statementsOf((q) => new (Migration as new () => { up(q: QueryRunner): Promise<void> })().up(q));
      for (const [i, sql] of sent.entries()) {
        const table = /^ALTER TABLE (\w+) ENABLE ROW LEVEL SECURITY$/.exec(sql)?.[1];
        if (table && /^CREATE POLICY tenant_isolation ON/.test(sent[i + 1] ?? '')) copies.push({ migration: Migration.name, table, sql: [sql, sent[i + 1]!] });
      }
    }
    expect(new Set(copies.map((c) => c.migration)).size).toBeGreaterThanOrEqual(11);
    for (const copy of copies) expect({ ...copy, sql: copy.sql.map(squeeze) }).toEqual({ ...copy, sql: tenantWallSql(copy.table).map(squeeze) });
  });

  it('walls a new table exactly like the tables walled by hand, in the catalog', async () => {
    let db: TestDatabase | null = null;
    try {
      db = await createTestDatabase();
      await db.sql(`CREATE TABLE rls_helper_probe (tenant_id uuid NOT NULL, id uuid NOT NULL, PRIMARY KEY (tenant_id, id))`);
      for (const sql of tenantWallSql('rls_helper_probe')) await db.sql(sql);
      const policies = await db.sql<{
        tablename: string;
        policyname: string;
        permissive: string;
        roles: string;
        cmd: string;
        qual: string;
        with_check: string;
      }>(
        `SELECT tablename, policyname, permissive, roles::text, cmd, qual, with_check FROM pg_policies WHERE tablename IN ('rls_helper_probe', 'tasks', 'credit_records') ORDER BY tablename`,
      );
      const [credit, probe, tasks] = policies.map(({ tablename: _, ...policy }) => policy);
      expect(probe).toEqual(tasks);
      expect(probe).toEqual(credit);
      const [{ relrowsecurity }] = await db.sql(`SELECT relrowsecurity FROM pg_class WHERE relname = 'rls_helper_probe'`);
      expect(relrowsecurity).toBe(true);
      for (const sql of tenantWallRemovalSql('rls_helper_probe')) await db.sql(sql);
      expect(await db.sql(`SELECT 1 FROM pg_policies WHERE tablename = 'rls_helper_probe'`)).toEqual([]);
    } finally {
      await db?.drop();
    }
  });
});
