import { startTestApp, type TestApp } from '../test-support/test-app';
import { tenantRead } from './tenant-read';
import { appPool } from './app-pool';

const ENTITIES = { name: 'test_entities_of_tenant', text: 'SELECT count(*)::int AS n, count(DISTINCT tenant_id)::int AS tenants, min(tenant_id::text) AS tenant FROM market_entities' };
const SETTING = { name: 'test_tenant_setting', text: "SELECT current_setting('app.tenant_id', true) AS tenant, current_setting('transaction_read_only') AS read_only" };

describe('tenantRead: the lean read-only transaction of the hot lists', () => {
  let t: TestApp;
  let wugang: string;
  let changde: string;

  beforeAll(async () => {
    t = await startTestApp({ DB_POOL_SIZE: '1' });
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
  });
  afterAll(() => t.close());

  it('reads under the tenant’s row-level security only, in a read-only transaction', async () => {
    const db = t.app.services.db;
    const [own] = await tenantRead(db, wugang, (r) => r.query<{ n: number; tenants: number; tenant: string }>(ENTITIES, []));
    const [{ n: all }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1`, [wugang]);
    expect(own).toEqual({ n: all, tenants: 1, tenant: wugang });
    const [other] = await tenantRead(db, changde, (r) => r.query<{ tenant: string }>(ENTITIES, []));
    expect(other!.tenant).toBe(changde);
    expect(await tenantRead(db, wugang, (r) => r.query(SETTING, []))).toEqual([{ tenant: wugang, read_only: 'on' }]);
  });

  it('rolls back on an error and hands the connection back without the tenant or the transaction', async () => {
    const db = t.app.services.db;
    const write = { name: 'test_write', text: `UPDATE market_entities SET name = name || '!' WHERE tenant_id = $1` };
    await expect(tenantRead(db, wugang, (r) => r.query(write, [wugang]))).rejects.toMatchObject({ code: '25006' });
    expect(await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE name LIKE '%!'`)).toEqual([{ n: 0 }]);
    await expect(tenantRead(db, wugang, async () => { throw new Error('work failed'); })).rejects.toThrow('work failed');
    // The pool holds one connection: the next user of it is outside any transaction and tenant.
    const client = await appPool(db).connect();
    try {
      const { rows } = await client.query(`SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant, now() = statement_timestamp() AS fresh`);
      expect(rows).toEqual([{ tenant: '', fresh: true }]);
    } finally {
      client.release();
    }
    expect(await tenantRead(db, changde, (r) => r.query(SETTING, []))).toEqual([{ tenant: changde, read_only: 'on' }]);
  });

  it('refuses a tenant id that is not a UUID, before any SQL', async () => {
    await expect(tenantRead(t.app.services.db, `${wugang}', true); SELECT ('x`, (r) => r.query(SETTING, []))).rejects.toThrow(/not a UUID/);
  });
});
