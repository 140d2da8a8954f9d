import { startTestApp, type TestApp } from '../test-support/test-app';
import { actingAs } from '../seed/demo-draw';
import { readTx, type RequestContext } from '../graphql/context';
import { countStatements } from './statement-counter';
import { appPool } from './app-pool';

/** A request's reads in one read-only transaction under its tenant (db/request-reads.ts). */
describe('the request’s shared read transaction', () => {
  let t: TestApp;
  let wugang: RequestContext;

  beforeAll(async () => {
    t = await startTestApp();
    wugang = await actingAs(t.app.services, 'wugang.admin');
  });
  afterAll(() => t.close());

  const pool = () => appPool(t.app.services.db);
  async function idle() {
    for (let i = 0; i < 200 && pool().totalCount > pool().idleCount; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return pool().totalCount - pool().idleCount;
  }

  it('sends the reads of one turn in one transaction, and gives its connection back', async () => {
    const ctx = await actingAs(t.app.services, 'wugang.admin');
    await idle();
    const counter = countStatements(t.app.services.db);
    try {
      const [users, items] = await Promise.all([
        readTx(ctx, (m) => m.query('SELECT count(*)::int AS n FROM users')),
        readTx(ctx, (m) => m.query('SELECT count(*)::int AS n FROM inspection_items')),
      ]);
      const [next] = await readTx(ctx, (m) => m.query('SELECT 1 AS one'));
      expect(await idle()).toBe(0);
      expect([users[0].n > 0, items[0].n > 0, next.one]).toEqual([true, true, 1]);
      // BEGIN READ ONLY, the tenant, the two counts, the third read that followed their answer, COMMIT.
      expect(counter.statements).toBe(6);
    } finally {
      counter.stop();
    }
  });

  it('reads under the viewer’s tenant only, and refuses to write', async () => {
    const [mine] = await t.sql(`SELECT count(*)::int AS n FROM users u JOIN tenants n ON n.id = u.tenant_id WHERE n.region_code = '410481'`);
    const [seen] = await readTx(wugang, (m) => m.query('SELECT count(*)::int AS n FROM users'));
    expect(seen.n).toBe(mine.n);
    await expect(readTx(wugang, (m) => m.query(`UPDATE users SET display_name = display_name`))).rejects.toThrow(/read-only transaction/);
  });

  it('opens a new transaction after a statement failed, and keeps going', async () => {
    const ctx = await actingAs(t.app.services, 'wugang.admin');
    await expect(readTx(ctx, (m) => m.query('SELECT * FROM no_such_table'))).rejects.toThrow(/no_such_table/);
    const [row] = await readTx(ctx, (m) => m.query('SELECT 2 AS two'));
    expect(row.two).toBe(2);
    expect(await idle()).toBe(0);
  });
});
