import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

describe('publication of the item list and directories (no sign-in)', () => {
  let t: TestApp;
  let wugangId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const bureaus = (await t.gql('{ publicBureaus { id name regionCode } }')).data.publicBureaus;
    wugangId = bureaus.find((b: any) => b.regionCode === '410481').id;
  });
  afterAll(() => t.close());

  it('lists the active bureaus, not the platform', async () => {
    const bureaus = (await t.gql('{ publicBureaus { name kind } }')).data.publicBureaus;
    expect(bureaus.map((b: any) => b.kind)).not.toContain('PLATFORM');
    expect(bureaus.map((b: any) => b.name)).toEqual(expect.arrayContaining(['舞钢市自然资源和规划局', '常德市自然资源和规划局']));
  });

  it('publishes only published items, and a withdrawal the leader approved takes one off', async () => {
    const items = (await t.gql('query($b: ID!) { publicItems(bureauId: $b) { id name minRatio frequencyPerYear } }', { b: wugangId })).data.publicItems;
    expect(items.map((i: any) => [i.name, i.minRatio])).toEqual([
      ['建设工程规划许可证批后监管', '0.10'],
      ['测绘资质单位检查', '0.30'],
      ['土地使用情况监督检查', '0.10'],
      ['矿山地质环境保护与土地复垦情况的监管', '0.10'],
    ]);
    const office = await t.login('wugang.admin');
    await t.gql('mutation($id: ID!) { withdrawItem(id: $id, reason: "测试撤回") { status } }', { id: items[0].id }, office);
    // Off the list once the leader approves the withdrawal (实施细则第七条), not before.
    expect((await t.gql('query($b: ID!) { publicItems(bureauId: $b) { id } }', { b: wugangId })).data.publicItems).toHaveLength(4);
    const submitted = await t.gql('mutation { submitListPublication(kind: ITEMS) { id } }', {}, office);
    await t.gql(
      'mutation($id: ID!) { approveListPublication(id: $id) { status } }',
      { id: submitted.data.submitListPublication.id },
      await t.login('wugang.leader'),
    );
    expect((await t.gql('query($b: ID!) { publicItems(bureauId: $b) { id } }', { b: wugangId })).data.publicItems).toHaveLength(3);
  });

  it('exposes only the public fields of inspectors and entities', async () => {
    const types = await t.gql(`{ i: __type(name: "PublicInspector") { fields { name } } e: __type(name: "PublicEntity") { fields { name } } }`);
    expect(types.data.i.fields.map((f: any) => f.name).sort()).toEqual(['certificateNo', 'id', 'name', 'post']);
    expect(types.data.e.fields.map((f: any) => f.name).sort()).toEqual(['address', 'id', 'name', 'uscc']);
    const inspectors = (
      await t.gql('query($b: ID!) { publicInspectors(bureauId: $b, first: 100) { totalCount edges { node { name post certificateNo } } } }', { b: wugangId })
    ).data.publicInspectors;
    expect(inspectors.totalCount).toBe(8);
    const entities = await t.gql(
      'query($b: ID!) { publicEntities(bureauId: $b, first: 5, search: "舞钢") { totalCount edges { node { name uscc address } } } }',
      { b: wugangId },
    );
    expect(entities.data.publicEntities.totalCount).toBeGreaterThan(0);
  });

  it('answers NOT_FOUND for an unknown bureau and stops publishing a suspended one', async () => {
    expect(codes(await t.gql('{ publicItems(bureauId: "bm9wZQ") { id } }'))).toEqual(['NOT_FOUND']);
    const operator = await t.login('platform.admin');
    await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: SUSPENDED }) { status } }', { id: wugangId }, operator);
    expect(codes(await t.gql('query($b: ID!) { publicItems(bureauId: $b) { id } }', { b: wugangId }))).toEqual(['NOT_FOUND']);
    expect((await t.gql('{ publicBureaus { regionCode } }')).data.publicBureaus.map((b: any) => b.regionCode)).not.toContain('410481');
    await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: ACTIVE }) { status } }', { id: wugangId }, operator);
  });
});
