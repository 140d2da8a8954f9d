import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { RequestContext, type Viewer } from '../../graphql/context';
import type { NodeType } from '../../core/entity-catalog';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { seedDemoInspections } from '../../seed/demo-inspections';

/**
 * Every node type the modules declare (their manifests' `nodeTypes`, gathered in `AppServices.catalog`)
 * reaches `node(id:)` and the request's loaders, behind both walls: no list of types here or elsewhere.
 */
describe('the modules’ node types through node(id:) and the loaders', () => {
  let t: TestApp;
  const signedIn: Record<string, { token: string; viewer: Viewer }> = {};

  beforeAll(async () => {
    t = await startTestApp();
    // The demo's ceremonies give 舞钢 a task, a draw, a joint task and records (and their notifications).
    await seedDemoDraw(t.app.services);
    await seedDemoJointTask(t.app.services);
    await seedDemoInspections(t.app.services);
    for (const [username, role] of [
      ['wugang.admin', 'OFFICE'], // the demo's tasks, draws and records are 舞钢's
      ['changde.supervisor', 'SUPERVISOR'],
    ] as const) {
      const token = await t.login(username);
      const [user] = await t.sql(`SELECT id, tenant_id, department_id FROM users WHERE username = $1`, [username]);
      signedIn[username] = {
        token,
        viewer: { userId: user.id, tenantId: user.tenant_id, username, roles: [role], departmentId: user.department_id, sessionId: 'test' },
      };
    }
    // The kinds of rows the demo has none of: an import, a recusal, a notification of 舞钢's office.
    const { token, viewer } = signedIn['wugang.admin']!;
    await t.sql(
      `INSERT INTO import_jobs (tenant_id, kind, mode, status, file_name, created_by) VALUES ($1, 'ENTITIES', 'VALID_ROWS', 'FAILED', 'node.csv', $2)`,
      [viewer.tenantId, viewer.userId],
    );
    await t.sql(`INSERT INTO notifications (tenant_id, user_id, kind, title) VALUES ($1, $2, 'TEST', '测试通知')`, [viewer.tenantId, viewer.userId]);
    const [{ inspector, entity }] = await t.sql(
      `SELECT (SELECT id FROM inspectors WHERE tenant_id = $1 ORDER BY id LIMIT 1) AS inspector, (SELECT id FROM market_entities WHERE tenant_id = $1 ORDER BY id LIMIT 1) AS entity`,
      [viewer.tenantId],
    );
    const recusal = await t.gql(
      `mutation($input: RecusalInput!) { declareRecusal(input: $input) { id } }`,
      { input: { inspectorId: toGlobalId('Inspector', inspector), entityId: toGlobalId('MarketEntity', entity), reason: '亲属关系', validFrom: '2026-01-01' } },
      token,
    );
    expect(recusal.errors).toBeUndefined();
  });
  afterAll(() => t.close());

  const NODE = 'query($id: ID!) { node(id: $id) { id __typename } }';
  const typeOf = (name: string): NodeType => t.app.services.catalog.nodeOf(toGlobalId(name, '00000000-0000-4000-8000-000000000000'))!.type;
  const loaderOf = (viewer: Viewer, name: string) => new RequestContext(t.app.services, 'test', viewer, null, null).loaders.of(typeOf(name));

  /** A row of the type's table that names the viewer's bureau (as its tenant, or a joint task's lead), the viewer's own first. */
  async function ownRow(name: string, viewer: Viewer): Promise<string | null> {
    const meta = t.app.services.db.getMetadata(typeOf(name));
    const mine = meta.findColumnWithPropertyName('userId') ? `user_id = '${viewer.userId}' DESC,` : '';
    const [row] = await t.sql(`SELECT id FROM ${meta.tableName} x WHERE to_jsonb(x)::text LIKE '%' || $1 || '%' ORDER BY ${mine} id LIMIT 1`, [
      viewer.tenantId,
    ]);
    return row?.id ?? null;
  }

  /** A row of the type's table that names the viewer's bureau nowhere (not as its tenant, nor as a joint task's lead). */
  async function othersRow(name: string, viewer: Viewer): Promise<string | null> {
    const table = t.app.services.db.getMetadata(typeOf(name)).tableName;
    const [row] = await t.sql(`SELECT id FROM ${table} x WHERE to_jsonb(x)::text NOT LIKE '%' || $1 || '%' ORDER BY id LIMIT 1`, [viewer.tenantId]);
    return row?.id ?? null;
  }

  it('resolves a row of the viewer’s own of every node type, by the catalog the modules built', async () => {
    const { token, viewer } = signedIn['wugang.admin']!;
    const names = t.app.services.catalog.nodeTypeNames;
    const answered: Record<string, string> = {};
    for (const name of names) {
      const id = await ownRow(name, viewer);
      if (!id) throw new Error(`no row of ${name} in the test's data: give the test one`);
      const result = await t.gql(NODE, { id: toGlobalId(name, id) }, token);
      answered[name] = result.data?.node?.__typename ?? codes(result).join();
      expect({ name, loaded: ((await loaderOf(viewer, name).load(id)) as { id?: string } | null)?.id }).toEqual({ name, loaded: id });
    }
    expect(answered).toEqual(Object.fromEntries(names.map((name) => [name, name])));
  });

  it('answers NOT_FOUND for another bureau’s row of every node type, and its loader holds null', async () => {
    const { token, viewer } = signedIn['changde.supervisor']!;
    const names = t.app.services.catalog.nodeTypeNames;
    const refused: Record<string, unknown> = {};
    for (const name of names) {
      const id = await othersRow(name, viewer);
      if (!id) throw new Error(`no row of ${name} in the test's data: give the test one`);
      const result = await t.gql(NODE, { id: toGlobalId(name, id) }, token);
      refused[name] = { codes: codes(result), node: result.data?.node ?? null, loaded: await loaderOf(viewer, name).load(id) };
    }
    expect(refused).toEqual(Object.fromEntries(names.map((name) => [name, { codes: ['NOT_FOUND'], node: null, loaded: null }])));
  });
});
