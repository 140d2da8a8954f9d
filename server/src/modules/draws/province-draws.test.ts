import { fromGlobalUuid, pseudonymOf, toGlobalId, type DrawRecord, type PseudonymKind } from '@spotcheck/shared';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { createChangdeTask, holdCeremony } from '../../test-support/draw-ceremony';
import { codes, startTestApp, type TestApp } from '../../test-support/test-app';

const LIST =
  'query($bureau: ID, $first: Int, $after: String) { provinceDraws(bureauId: $bureau, first: $first, after: $after) { totalCount edges { node { id bureauId bureau taskTitle status algorithm recordUrl } } pageInfo { hasNextPage endCursor } } }';
const KEY_MAP = 'query($id: ID!) { provinceDrawKeyMap(drawId: $id) }';

/**
 * The province sees its bureaus' draws whole (docs/draw-spec.md §16.3): the list of their draws and, for a
 * spotcheck-draw/2 draw, the key map that names every pseudonym, through the narrow owner-rights path that
 * answers a provincial department about its own subtree only. Each reading is in the province's audit chain.
 */
describe('a province reads its bureaus’ draws and their key maps', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let tenant: Record<string, string>;
  let drawId: string;
  let record: DrawRecord;
  let hunan: string;
  let henan: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = await appRoleClient(t.adminUrl);
    tenant = Object.fromEntries((await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`)).map((r) => [r.region_code, r.id]));
    await seedDemoJointTask(t.app.services); // 舞钢's draw, in Henan
    const office = await t.login('changde.admin');
    const taskId = await createChangdeTask(t, office, '2026年第一轮（省级复核）');
    ({ drawId, record } = await holdCeremony(t, taskId, office, await t.login('changde.supervisor')));
    [hunan, henan] = await Promise.all([t.login('hunan.viewer'), t.login('henan.viewer')]);
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('lists the draws of the bureaus below the province, never another province’s', async () => {
    const seen = await t.gql(LIST, { first: 100 }, hunan);
    expect(seen.errors).toBeUndefined();
    const nodes = seen.data.provinceDraws.edges.map((e: any) => e.node);
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM draws d JOIN tenants b ON b.id = d.tenant_id WHERE b.path LIKE '%/' || $1 || '/%'`, [
      tenant['430000'],
    ]);
    expect(seen.data.provinceDraws.totalCount).toBe(n);
    expect(nodes.map((d: any) => d.id)).toContain(drawId);
    expect(nodes.find((d: any) => d.id === drawId)).toMatchObject({
      bureauId: toGlobalId('Tenant', tenant['430700']!),
      taskTitle: '2026年第一轮（省级复核）',
      status: 'DRAWN',
      algorithm: 'spotcheck-draw/2',
    });
    const wugang = toGlobalId('Tenant', tenant['410481']!);
    const henanSeen = await t.gql(LIST, { first: 100 }, henan);
    expect(henanSeen.data.provinceDraws.edges.map((e: any) => e.node.id)).not.toContain(drawId);
    const henanBureaus = [wugang, toGlobalId('Tenant', tenant['410400']!)];
    expect(henanSeen.data.provinceDraws.edges.every((e: any) => henanBureaus.includes(e.node.bureauId))).toBe(true);
    expect(henanSeen.data.provinceDraws.edges.length).toBeGreaterThan(0);
    // One bureau's draws; another province's bureau gives nothing.
    const one = await t.gql(LIST, { bureau: wugang, first: 100 }, henan);
    expect(one.data.provinceDraws.totalCount).toBeGreaterThan(0);
    expect(one.data.provinceDraws.edges.every((e: any) => e.node.bureauId === wugang)).toBe(true);
    expect((await t.gql(LIST, { bureau: wugang, first: 100 }, hunan)).data.provinceDraws.totalCount).toBe(0);
    // Pages.
    const first = await t.gql(LIST, { first: 1 }, hunan);
    expect(first.data.provinceDraws.edges.map((e: any) => e.node.id)).toEqual([nodes[0].id]);
    expect(first.data.provinceDraws.pageInfo.hasNextPage).toBe(nodes.length > 1);
  });

  it('gives the province the key map, which names every pseudonym of the public record, and audits the reading', async () => {
    const seen = await t.gql(KEY_MAP, { id: drawId }, hunan);
    expect(seen.errors).toBeUndefined();
    const map = seen.data.provinceDrawKeyMap as Record<'drawSecret', string> & Record<'strata' | 'entities' | 'inspectors' | 'tags', [string, string][]>;
    const kinds: [keyof typeof map, PseudonymKind][] = [
      ['strata', 'stratum'],
      ['entities', 'entity'],
      ['inspectors', 'inspector'],
      ['tags', 'tag'],
    ];
    for (const [field, kind] of kinds)
      for (const [pseudonym, key] of map[field] as [string, string][]) expect(pseudonymOf(map.drawSecret, kind, key)).toBe(pseudonym);
    const entities = new Map(map.entities);
    for (const team of record.result!.teams) expect(entities.has(team.entityKey)).toBe(true);
    const usccs = new Set((await t.sql(`SELECT uscc FROM market_entities WHERE tenant_id = $1`, [tenant['430700']])).map((r) => r.uscc));
    for (const uscc of entities.values()) expect(usccs.has(uscc)).toBe(true);
    const [audit] = await t.sql(`SELECT action, object_id FROM audit_events WHERE tenant_id = $1 ORDER BY seq DESC LIMIT 1`, [tenant['430000']]);
    expect(audit).toMatchObject({ action: 'draw.keyMap.province', object_id: fromGlobalUuid(drawId, 'Draw') });
  });

  it('refuses everyone else: another province, the bureau’s own staff, the SQL path for any other caller', async () => {
    expect(codes(await t.gql(KEY_MAP, { id: drawId }, henan))).toEqual(['NOT_FOUND']);
    for (const user of ['changde.supervisor', 'changde.admin', 'changde.leader', 'wugang.admin']) {
      const token = await t.login(user);
      expect(codes(await t.gql(KEY_MAP, { id: drawId }, token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(LIST, {}, token))).toEqual(['FORBIDDEN']);
    }
    const uuid = fromGlobalUuid(drawId, 'Draw');
    // A bureau (even 常德 itself) and the anonymous caller get no rows from the owner-rights functions.
    for (const caller of [null, tenant['430700']!, tenant['410400']!, tenant['410000']!]) {
      expect(await app.asTenant(caller, 'SELECT * FROM province_draw_key_map($1)', [uuid])).toEqual([]);
    }
    expect(await app.asTenant(tenant['430700']!, 'SELECT * FROM province_draws()')).toEqual([]);
    expect(await app.asTenant(tenant['430000']!, 'SELECT tenant_id FROM province_draw_key_map($1)', [uuid])).toEqual([{ tenant_id: tenant['430700'] }]);
  });
});
