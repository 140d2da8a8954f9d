import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: ItemInput!, $reason: String) { createItem(input: $input, reason: $reason) { id version status name minRatio methods category department { name } } }`;
const ITEM = {
  name: '地质灾害防治单位资质监督检查',
  legalBasis: '《地质灾害防治条例》第二十四条',
  inspectingBody: '常德市自然资源和规划局',
  category: 'GENERAL',
  targetType: '地质灾害防治单位',
  minRatio: '0.05',
  frequencyPerYear: 1,
  methods: ['实地核查', 'DOCUMENTS'],
  content: '资质证书的取得和使用，技术人员和质量管理',
};

describe('item list (随机抽查事项清单)', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
  });
  afterAll(() => t.close());

  it('has 舞钢’s four items exactly as its attachment lists them, published', async () => {
    const token = await t.login('wugang.admin');
    const items = (
      await t.gql(
        '{ items { totalCount edges { node { name minRatio frequencyPerYear methods status category inspectingBody department { name } } } } }',
        {},
        token,
      )
    ).data.items;
    expect(items.totalCount).toBe(4);
    expect(items.edges.map((e: any) => [e.node.name, e.node.minRatio, e.node.frequencyPerYear])).toEqual([
      ['建设工程规划许可证批后监管', '0.10', 1],
      ['测绘资质单位检查', '0.30', 1],
      ['土地使用情况监督检查', '0.10', 1],
      ['矿山地质环境保护与土地复垦情况的监管', '0.10', 1],
    ]);
    expect(
      items.edges.every((e: any) => e.node.status === 'PUBLISHED' && e.node.category === 'GENERAL' && e.node.inspectingBody === '舞钢市自然资源和规划局'),
    ).toBe(true);
    expect(items.edges[0].node.methods).toEqual(['ON_SITE', 'COMBINED']);
  });

  it('creates, versions, publishes (after the leader’s approval) and withdraws an item, each change with who, when and why', async () => {
    const created = await t.gql(CREATE, { input: ITEM }, office);
    expect(created.errors).toBeUndefined();
    const item = created.data.createItem;
    expect(item).toMatchObject({ version: 1, status: 'DRAFT', minRatio: '0.05', methods: ['ON_SITE', 'DOCUMENTS'] });
    const submitted = await t.gql('mutation { submitListPublication(kind: ITEMS) { id } }', {}, office);
    const leader = await t.login('changde.leader');
    await t.gql(
      'mutation($id: ID!) { approveListPublication(id: $id, note: "局长办公会审议通过") { status } }',
      { id: submitted.data.submitListPublication.id },
      leader,
    );
    const noReason = await t.gql('mutation($id: ID!) { updateItem(id: $id, input: { minRatio: "0.08" }) { version } }', { id: item.id }, office);
    expect(codes(noReason)).toEqual(['BAD_USER_INPUT']);
    const updated = await t.gql(
      'mutation($id: ID!) { updateItem(id: $id, input: { minRatio: "0.08" }, reason: "权责清单调整") { version minRatio } }',
      { id: item.id },
      office,
    );
    expect(updated.data.updateItem).toEqual({ version: 3, minRatio: '0.08' });
    expect(codes(await t.gql('mutation($id: ID!) { withdrawItem(id: $id, reason: "") { status } }', { id: item.id }, office))).toEqual(['BAD_USER_INPUT']);
    await t.gql('mutation($id: ID!) { withdrawItem(id: $id, reason: "法律废止") { status } }', { id: item.id }, office);
    const history = (
      await t.gql(
        'query($id: ID!) { node(id: $id) { ... on InspectionItem { status history { version change reason changedByName snapshot } } } }',
        { id: item.id },
        office,
      )
    ).data.node;
    expect(history.status).toBe('WITHDRAWN');
    expect(history.history.map((h: any) => [h.version, h.change, h.reason])).toEqual([
      [4, 'withdraw', '法律废止'],
      [3, 'update', '权责清单调整'],
      [2, 'publish', '局领导审议通过：局长办公会审议通过'],
      [1, 'create', null],
    ]);
    expect(history.history[1].snapshot.minRatio).toBe('0.08');
    expect(history.history[2].snapshot.minRatio).toBe('0.05');
    expect(history.history.map((h: any) => h.changedByName)).toEqual(['changde.admin', 'changde.admin', 'changde.leader', 'changde.admin']);
  });

  it('requires 检查内容 (实施细则第六条) and keeps it in the item’s versions', async () => {
    const { content: _c, ...without } = ITEM;
    const refused = await t.gql(CREATE, { input: without }, office);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['content']);
    const created = await t.gql('mutation($input: ItemInput!) { createItem(input: $input) { content history { snapshot } } }', { input: ITEM }, office);
    expect(created.data.createItem.content).toBe(ITEM.content);
    expect(created.data.createItem.history[0].snapshot.content).toBe(ITEM.content);
    const wugang = await t.login('wugang.admin');
    const demo = (await t.gql('{ items { edges { node { content } } } }', {}, wugang)).data.items.edges;
    expect(demo.every((e: any) => e.node.content.length > 10)).toBe(true);
  });

  it('validates every field with typed errors and writes nothing', async () => {
    const bad = await t.gql(CREATE, { input: { ...ITEM, name: ' ', minRatio: '10%', frequencyPerYear: 0, methods: ['飞行检查'] } }, office);
    expect(codes(bad)).toEqual(['BAD_USER_INPUT']);
    expect(bad.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['name', 'minRatio', 'frequencyPerYear', 'methods']);
    const [{ count }] = await t.sql(`SELECT count(*)::int AS count FROM inspection_items WHERE name = ' '`);
    expect(count).toBe(0);
  });

  it('lets a department head keep their own department’s items only, and an inspector none', async () => {
    const departments = (await t.gql('{ departments { edges { node { id name } } } }', {}, office)).data.departments.edges.map((e: any) => e.node);
    const mapping = departments.find((d: any) => d.name === '测绘地理信息科');
    const planning = departments.find((d: any) => d.name === '国土空间规划科');
    const [inspector] = await t.sql(`SELECT id FROM users WHERE username = 'changde.inspector02'`);
    await t.gql(
      'mutation($id: ID!, $d: ID) { updateUser(id: $id, input: { roles: [DEPARTMENT_HEAD], departmentId: $d }) { id } }',
      { id: toGlobalId('User', inspector.id), d: mapping.id },
      office,
    );
    const head = await t.login('changde.inspector02');
    expect((await t.gql(CREATE, { input: { ...ITEM, departmentId: mapping.id } }, head)).errors).toBeUndefined();
    expect(codes(await t.gql(CREATE, { input: { ...ITEM, departmentId: planning.id } }, head))).toEqual(['FORBIDDEN']);
    const inspectorToken = await t.login('changde.inspector03');
    expect(codes(await t.gql(CREATE, { input: ITEM }, inspectorToken))).toEqual(['FORBIDDEN']);
    expect((await t.gql('{ items { totalCount } }', {}, inspectorToken)).data.items.totalCount).toBeGreaterThan(4);
  });

  it('keeps another bureau’s items out of reach', async () => {
    const wugang = await t.login('wugang.admin');
    const theirs = (await t.gql('{ items { edges { node { id } } } }', {}, wugang)).data.items.edges[0].node.id;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: theirs }, office))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('mutation($id: ID!) { updateItem(id: $id, input: { name: "x" }, reason: "x") { id } }', { id: theirs }, office))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql('mutation($id: ID!) { withdrawItem(id: $id, reason: "x") { id } }', { id: theirs }, office))).toEqual(['NOT_FOUND']);
    const mine = (await t.gql('{ items(first: 100) { edges { node { inspectingBody } } } }', {}, office)).data.items.edges;
    expect(mine.every((e: any) => e.node.inspectingBody.startsWith('常德'))).toBe(true);
  });
  it('moves an item to another place in the list (office only), audited, without a new item version', async () => {
    const wugang = await t.login('wugang.admin');
    const names = async () => (await t.gql('{ items { edges { node { name position version } } } }', {}, wugang)).data.items.edges.map((e: any) => e.node);
    const before = await names();
    const last = (await t.gql('{ items { edges { node { id } } } }', {}, wugang)).data.items.edges[3].node.id;
    const moved = await t.gql('mutation($id: ID!) { moveItem(id: $id, position: 1) { name position } }', { id: last }, wugang);
    expect(moved.errors).toBeUndefined();
    expect(moved.data.moveItem).toEqual({ name: before[3].name, position: 1 });
    const after = await names();
    expect(after.map((i: any) => i.name)).toEqual([before[3].name, before[0].name, before[1].name, before[2].name]);
    expect(after.map((i: any) => i.position)).toEqual([1, 2, 3, 4]);
    expect(after.map((i: any) => i.version)).toEqual([before[3].version, before[0].version, before[1].version, before[2].version]);
    const [audit] = await t.sql(`SELECT action, after FROM audit_events WHERE action = 'item.move' ORDER BY occurred_at DESC LIMIT 1`);
    expect(audit).toMatchObject({ action: 'item.move', after: { position: 1 } });

    expect(codes(await t.gql('mutation($id: ID!) { moveItem(id: $id, position: 5) { id } }', { id: last }, wugang))).toEqual(['BAD_USER_INPUT']);
    const head = await t.login('wugang.head01');
    expect(codes(await t.gql('mutation($id: ID!) { moveItem(id: $id, position: 2) { id } }', { id: last }, head))).toEqual(['FORBIDDEN']);
    // Another bureau's item is not found, and its list is untouched.
    expect(codes(await t.gql('mutation($id: ID!) { moveItem(id: $id, position: 1) { id } }', { id: last }, office))).toEqual(['NOT_FOUND']);
    // Put 舞钢's list back in its documented order for the other tests.
    await t.gql('mutation($id: ID!) { moveItem(id: $id, position: 4) { id } }', { id: last }, wugang);
    expect((await names()).map((i: any) => i.name)).toEqual(before.map((i: any) => i.name));
  });
});
