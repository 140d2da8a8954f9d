import { startTestApp, type TestApp } from '../test-support/test-app';
import { tenantRead, type NamedStatement } from './tenant-read';
import { appPool } from './app-pool';
import { countStatements } from './statement-counter';

const ENTITIES: NamedStatement = {
  name: 'test_entities_of_tenant',
  text: 'SELECT count(*)::int AS n, count(DISTINCT tenant_id)::int AS tenants, min(tenant_id::text) AS tenant FROM market_entities',
  params: [],
};
const SETTING: NamedStatement = {
  name: 'test_tenant_setting',
  text: "SELECT current_setting('app.tenant_id', true) AS tenant, current_setting('transaction_read_only') AS read_only, current_setting('plan_cache_mode') AS plans",
  params: [],
};
const ECHO: NamedStatement = {
  name: 'test_echo',
  text: 'SELECT $1::uuid AS id, $2::boolean AS flag, $3::int AS n, $4::text AS note',
  params: ['uuid', 'boolean', 'int', 'text'],
};

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

  it('reads under the tenant’s row-level security only, in a read-only transaction with a generic plan', async () => {
    const db = t.app.services.db;
    const [own] = await tenantRead<{ n: number; tenants: number; tenant: string }>(db, wugang, ENTITIES, []);
    const [{ n: all }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1`, [wugang]);
    expect(own).toEqual({ n: all, tenants: 1, tenant: wugang });
    const [other] = await tenantRead<{ tenant: string }>(db, changde, ENTITIES, []);
    expect(other!.tenant).toBe(changde);
    expect(await tenantRead(db, wugang, SETTING, [])).toEqual([{ tenant: wugang, read_only: 'on', plans: 'force_generic_plan' }]);
  });

  it('sends one message: prepared on the connection’s first use, executed by name after', async () => {
    const db = t.app.services.db;
    const counter = countStatements(db);
    try {
      const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
      expect(await tenantRead(db, wugang, ECHO, [id, true, 7, 'x'])).toEqual([{ id, flag: true, n: 7, note: 'x' }]);
      expect({ roundTrips: counter.roundTrips, statements: counter.statements }).toEqual({ roundTrips: 1, statements: 5 });
      counter.reset();
      expect(await tenantRead(db, wugang, ECHO, [id, false, -3, null])).toEqual([{ id, flag: false, n: -3, note: null }]);
      expect({ roundTrips: counter.roundTrips, statements: counter.statements }).toEqual({ roundTrips: 1, statements: 4 });
    } finally {
      counter.stop();
    }
  });

  it('writes text as a quoted literal, whatever it holds', async () => {
    const hostile = `it's \\'; DROP TABLE market_entities; -- 引号 " \\\\ $$ end`;
    const [row] = await tenantRead<{ note: string }>(t.app.services.db, wugang, ECHO, [null, null, null, hostile]);
    expect(row!.note).toBe(hostile);
    expect(await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1`, [wugang])).toEqual([{ n: expect.any(Number) }]);
  });

  it('refuses a value of another type, a tenant id that is not a UUID or a bad name, before any SQL', async () => {
    const db = t.app.services.db;
    const counter = countStatements(db);
    try {
      await expect(tenantRead(db, wugang, ECHO, [`x'); DROP TABLE x; --`, true, 1, 'a'])).rejects.toThrow('test_echo $1 is not a uuid');
      await expect(tenantRead(db, wugang, ECHO, [null, 'true', 1, 'a'])).rejects.toThrow('test_echo $2 is not a boolean');
      await expect(tenantRead(db, wugang, ECHO, [null, true, 1.5, 'a'])).rejects.toThrow('test_echo $3 is not a int');
      await expect(tenantRead(db, wugang, ECHO, [null, true, '1; --', 'a'])).rejects.toThrow('test_echo $3 is not a int');
      await expect(tenantRead(db, wugang, ECHO, [null, true, 1, 5])).rejects.toThrow('test_echo $4 is not a text');
      await expect(tenantRead(db, wugang, ECHO, [null, true, 1])).rejects.toThrow('takes 4 values, not 3');
      await expect(tenantRead(db, wugang, { ...SETTING, name: 'x; DROP TABLE y' }, [])).rejects.toThrow(/not a statement name/);
      await expect(tenantRead(db, `${wugang}', true); SELECT ('x`, SETTING, [])).rejects.toThrow(/not a UUID/);
      expect(counter.roundTrips).toBe(0);
    } finally {
      counter.stop();
    }
  });

  it('on an error, hands no connection back in a transaction or with the tenant, and prepares again', async () => {
    const db = t.app.services.db;
    const write: NamedStatement = { name: 'test_write', text: `UPDATE market_entities SET name = name || '!' WHERE tenant_id = $1`, params: ['uuid'] };
    await expect(tenantRead(db, wugang, write, [wugang])).rejects.toMatchObject({ code: '25006' });
    expect(await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE name LIKE '%!'`)).toEqual([{ n: 0 }]);
    const failing: NamedStatement = { name: 'test_failing', text: 'SELECT 1 / $1::int AS q', params: ['int'] };
    await expect(tenantRead(db, wugang, failing, [0])).rejects.toMatchObject({ code: '22012' });
    // The pool holds one connection: the next user of it is outside any transaction and tenant.
    const client = await appPool(db).connect();
    try {
      const { rows } = await client.query(`SELECT coalesce(current_setting('app.tenant_id', true), '') AS tenant, now() = statement_timestamp() AS fresh`);
      expect(rows).toEqual([{ tenant: '', fresh: true }]);
    } finally {
      client.release();
    }
    expect(await tenantRead(db, wugang, failing, [2])).toEqual([{ q: 0 }]);
    expect(await tenantRead(db, changde, SETTING, [])).toEqual([{ tenant: changde, read_only: 'on', plans: 'force_generic_plan' }]);
  });
});
