import { startTestApp, type TestApp } from '../test-support/test-app';
import { RequestContext, type Viewer } from './context';
import { Department } from '../modules/departments/department.entity';

describe('request loaders', () => {
  let t: TestApp;
  let wugang: Viewer;
  let changdeDepartment: string;
  let wugangDepartment: string;

  beforeAll(async () => {
    t = await startTestApp();
    const [user] = await t.sql(`SELECT u.id, u.tenant_id, u.department_id FROM users u WHERE u.username = 'wugang.admin'`);
    wugang = { userId: user.id, tenantId: user.tenant_id, username: 'wugang.admin', roles: ['OFFICE'], departmentId: user.department_id, sessionId: 'test' };
    [{ id: wugangDepartment }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 ORDER BY id LIMIT 1`, [user.tenant_id]);
    [{ id: changdeDepartment }] = await t.sql(
      `SELECT d.id FROM departments d JOIN tenants t ON t.id = d.tenant_id WHERE t.region_code = '430700' ORDER BY d.id LIMIT 1`,
    );
  });
  afterAll(() => t.close());

  const contextOf = (viewer: Viewer) => new RequestContext(t.app.services, 'test', viewer, null, null);

  it('answers a row the request already holds without a promise, and loads the others', async () => {
    const loader = contextOf(wugang).loaders.of(Department);
    const first = loader.get(wugangDepartment);
    expect(typeof (first as PromiseLike<unknown>).then).toBe('function'); // a promise (of Node's realm, not this file's)
    const loaded = await first;
    expect(loaded).toMatchObject({ id: wugangDepartment });
    expect(loader.get(wugangDepartment)).toBe(loaded);

    const primed = { ...loaded!, name: '预置' } as typeof loaded;
    const other = contextOf(wugang).loaders.of(Department).prime(wugangDepartment, primed);
    expect(other.get(wugangDepartment)).toBe(primed);
    other.clear(wugangDepartment);
    const reloaded = other.get(wugangDepartment);
    expect(typeof (reloaded as PromiseLike<unknown>).then).toBe('function');
    // awaited so no query is still running when the app closes
    expect(await reloaded).toMatchObject({ id: wugangDepartment, name: loaded!.name });
  });

  it('holds another tenant’s row as null: it never loads under this tenant’s scope', async () => {
    const loader = contextOf(wugang).loaders.of(Department);
    expect(await loader.get(changdeDepartment)).toBeNull();
    expect(loader.get(changdeDepartment)).toBeNull();
  });
});
