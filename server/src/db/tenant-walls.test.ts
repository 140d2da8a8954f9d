import { Client } from 'pg';
import { startTestApp, type TestApp } from '../test-support/test-app';
import { toGlobalId } from '@spotcheck/shared';
import { APP_ROLE } from './data-source';

/** The second wall, tested at the SQL layer: queries run as the app role with A's setting and no WHERE. */
describe('row-level security', () => {
  let t: TestApp;
  let app: Client;
  let changde: string;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    const rows = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    changde = rows.find((r) => r.region_code === '430700')!.id;
    wugang = rows.find((r) => r.region_code === '410481')!.id;
    // Give every tenant table rows in both tenants (sessions, audit events, invitations).
    for (const [admin, inspector] of [
      ['changde.admin', 'changde.inspector01'],
      ['wugang.admin', 'wugang.inspector01'],
    ]) {
      const token = await t.login(admin!);
      const [user] = await t.sql(`SELECT id FROM users WHERE username = $1`, [inspector]);
      const reset = await t.gql('mutation($id: ID!) { resetUserPassword(id: $id) { invitation { code } } }', { id: toGlobalId('User', user.id) }, token);
      expect(reset.errors).toBeUndefined();
    }
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  async function asTenant<T = any>(tenantId: string | null, sql: string, params: unknown[] = []): Promise<T[]> {
    await app.query('BEGIN');
    try {
      if (tenantId) await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return (await app.query(sql, params)).rows;
    } finally {
      await app.query('ROLLBACK');
    }
  }

  async function tenantTables(): Promise<string[]> {
    // Global lookup tables (account_names, invitation_codes) also carry tenant_id but are closed to the app role.
    const rows = await t.sql<{ table_name: string }>(
      `SELECT c.relname AS table_name FROM pg_class c
         JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id'
        WHERE c.relkind = 'r' AND has_table_privilege($1, c.oid, 'SELECT')
        ORDER BY c.relname`,
      [APP_ROLE],
    );
    return rows.map((r) => r.table_name);
  }

  it('runs as a role that is neither superuser, nor BYPASSRLS, nor owner of any table', async () => {
    const [role] = await t.sql(`SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = $1`, [APP_ROLE]);
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    expect((await app.query('SELECT current_user')).rows[0].current_user).toBe(APP_ROLE);
    const owned = await t.sql(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner = $1`, [APP_ROLE]);
    expect(owned).toEqual([]);
  });

  it('enables RLS on every tenant table and keys each by tenant_id first', async () => {
    const tables = await tenantTables();
    expect(tables).toEqual(expect.arrayContaining(['audit_events', 'departments', 'invitations', 'rule_sets', 'sessions', 'users']));
    for (const table of tables) {
      const [rls] = await t.sql(`SELECT relrowsecurity FROM pg_class WHERE oid = $1::regclass`, [table]);
      expect({ table, rls: rls.relrowsecurity }).toEqual({ table, rls: true });
      const [pk] = await t.sql(
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
          WHERE i.indrelid = $1::regclass AND i.indisprimary`,
        [table],
      );
      expect({ table, leading: pk.attname }).toEqual({ table, leading: 'tenant_id' });
    }
  });

  it('returns exactly A’s rows to a query without WHERE run under A’s setting', async () => {
    const populated: string[] = [];
    for (const table of await tenantTables()) {
      const owners = await t.sql(`SELECT tenant_id, count(*)::int AS n FROM ${table} GROUP BY tenant_id`);
      if (owners.length > 1) populated.push(table);
      const own = owners.find((o) => o.tenant_id === changde)?.n ?? 0;
      const seen = await asTenant(changde, `SELECT tenant_id, count(*)::int AS n FROM ${table} GROUP BY tenant_id`);
      expect({ table, seen }).toEqual({ table, seen: own ? [{ tenant_id: changde, n: own }] : [] });
    }
    // The check above is only meaningful where several tenants have rows: make sure the core tables do.
    expect(populated).toEqual(expect.arrayContaining(['audit_events', 'departments', 'invitations', 'rule_sets', 'sessions', 'users']));
  });

  it('returns nothing at all without a tenant setting', async () => {
    for (const table of await tenantTables()) {
      expect({ table, rows: await asTenant(null, `SELECT * FROM ${table}`) }).toEqual({ table, rows: [] });
    }
    expect(await asTenant(null, `SELECT * FROM tenants`)).toEqual([]);
  });

  it('shows a tenant its own subtree of the tenant tree and nothing beside it', async () => {
    const [henan] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410000'`);
    const names = (await asTenant(henan.id, `SELECT region_code FROM tenants ORDER BY region_code`)).map((r) => r.region_code);
    expect(names).toEqual(['410000', '410400', '410481']);
    expect((await asTenant(wugang, `SELECT region_code FROM tenants`)).map((r) => r.region_code)).toEqual(['410481']);
  });

  it('refuses writing another tenant’s rows and rewriting the audit log', async () => {
    await expect(asTenant(changde, `INSERT INTO departments (tenant_id, name) VALUES ($1, '越权科')`, [wugang])).rejects.toThrow(/row-level security/);
    const updated = await asTenant(changde, `UPDATE users SET display_name = 'x' WHERE tenant_id = $1 RETURNING id`, [wugang]);
    expect(updated).toEqual([]);
    await expect(asTenant(changde, `UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(asTenant(changde, `DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
    await expect(asTenant(changde, `SELECT * FROM account_names`)).rejects.toThrow(/permission denied/);
    await expect(asTenant(changde, `SELECT * FROM invitation_codes`)).rejects.toThrow(/permission denied/);
    await expect(asTenant(changde, `UPDATE rule_sets SET reason = 'x'`)).rejects.toThrow(/permission denied/);
    await expect(asTenant(changde, `UPDATE tenants SET path = '/'`)).rejects.toThrow(/permission denied/);
    const renamed = await asTenant(changde, `UPDATE tenants SET name = 'x' WHERE region_code = '410481' RETURNING id`);
    expect(renamed).toEqual([]);
  });
});
