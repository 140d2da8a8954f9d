import { checkUscc, completeUscc } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: EntityInput!, $o: Boolean) { createEntity(input: $input, overrideChecksum: $o) { id name uscc usccChecksumOverride version status region { name } } }`;

/** 登记机关、法定代表人、地址, which the directory requires (实施细则第六条). */
const DIRECTORY = { registrationAuthority: '舞钢市市场监督管理局', legalRepresentative: '张三', address: '舞钢市垭口街道 1 号' };

describe('entity directory (检查对象名录库)', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('wugang.admin');
  });
  afterAll(() => t.close());

  it('seeds a few thousand demo entities per bureau with valid codes inside the bureau’s area and a spread of credit and risk', async () => {
    const rows = await t.sql(`SELECT t.region_code AS bureau, e.kind, e.uscc, e.region_code, e.credit_class, e.risk_level
      FROM market_entities e JOIN tenants t ON t.id = e.tenant_id`);
    const byBureau = new Map<string, any[]>();
    for (const row of rows) byBureau.set(row.bureau, [...(byBureau.get(row.bureau) ?? []), row]);
    // 平顶山 (410400) holds a copy of most of 舞钢's entities, for the joint task demo.
    expect([...byBureau.keys()].sort()).toEqual(['410400', '410481', '430700']);
    for (const [bureau, list] of byBureau) {
      expect(list.length).toBeGreaterThanOrEqual(2000);
      expect(list.filter((r) => r.kind === 'ORGANIZATION' && checkUscc(r.uscc).problem !== null)).toEqual([]);
      expect(list.every((r) => r.region_code.startsWith(bureau === '430700' ? '4307' : '410481'))).toBe(true);
      expect(new Set(list.map((r) => r.credit_class))).toEqual(new Set(['A', 'B', 'C', 'D']));
      expect(new Set(list.map((r) => r.risk_level))).toEqual(new Set(['LOW', 'MEDIUM', 'HIGH']));
    }
  });

  it('normalises the USCC, refuses a checksum mismatch unless confirmed, and refuses duplicates', async () => {
    const uscc = completeUscc('91410481MA9X1234A');
    const messy = ` ${uscc.toLowerCase().replace(/[0-9A-Z]/gi, (c) => (c === '9' ? '９' : c))} `;
    const created = await t.gql(CREATE, { input: { name: '舞钢市测试测绘有限公司', uscc: messy, regionCode: '410481', ...DIRECTORY } }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createEntity).toMatchObject({ uscc, version: 1, status: 'EXISTING', usccChecksumOverride: false, region: { name: '舞钢市' } });
    expect(codes(await t.gql(CREATE, { input: { name: '重复', uscc, regionCode: '410481', ...DIRECTORY } }, office))).toEqual(['CONFLICT']);

    const wrong = `${uscc.slice(0, 17)}${uscc[17] === '0' ? '1' : '0'}`;
    const refused = await t.gql(CREATE, { input: { name: '早期试点代码', uscc: wrong, regionCode: '410481', ...DIRECTORY } }, office);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect(refused.errors![0]!.extensions!.rule).toBe('USCC_CHECKSUM');
    const accepted = await t.gql(CREATE, { input: { name: '早期试点代码', uscc: wrong, regionCode: '410481', ...DIRECTORY }, o: true }, office);
    expect(accepted.data.createEntity.usccChecksumOverride).toBe(true);
    const structural = await t.gql(CREATE, { input: { name: '坏代码', uscc: '91410481', regionCode: '410481', ...DIRECTORY }, o: true }, office);
    expect(codes(structural)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a region outside the bureau’s area', async () => {
    const result = await t.gql(CREATE, { input: { name: '外地公司', uscc: completeUscc('91430702MA9X1234B'), regionCode: '430702', ...DIRECTORY } }, office);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.extensions!.fields).toEqual([{ field: 'regionCode', message: '行政区划代码 430702 不存在或不在本单位辖区内' }]);
  });

  it('keeps each change as a version with before and after, and finds entities by name or code', async () => {
    const uscc = completeUscc('91410481MA9X5678C');
    const { id } = (await t.gql(CREATE, { input: { name: '舞钢市变更测试有限公司', uscc, regionCode: '410481', ...DIRECTORY, creditClass: 'B' } }, office)).data
      .createEntity;
    const updated = await t.gql(
      'mutation($id: ID!) { updateEntity(id: $id, input: { creditClass: D, complaints: 3 }) { version creditClass history { version source before after } } }',
      { id },
      office,
    );
    expect(updated.data.updateEntity).toMatchObject({ version: 2, creditClass: 'D' });
    const [latest, first] = updated.data.updateEntity.history;
    expect(latest).toMatchObject({ version: 2, source: 'MANUAL', before: { creditClass: 'B', complaints: 0 }, after: { creditClass: 'D', complaints: 3 } });
    expect(first).toMatchObject({ version: 1, before: null });
    const byName = await t.gql('{ entities(search: "变更测试") { totalCount edges { node { uscc } } } }', {}, office);
    expect(byName.data.entities.edges.map((e: any) => e.node.uscc)).toEqual([uscc]);
    const byCode = await t.gql('query($s: String) { entities(search: $s) { totalCount } }', { s: uscc.slice(0, 12).toLowerCase() }, office);
    expect(byCode.data.entities.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('keeps one bureau’s directory away from another', async () => {
    const changde = await t.login('changde.admin');
    const theirs = (await t.gql('{ entities(first: 1) { edges { node { id } } } }', {}, changde)).data.entities.edges[0].node.id;
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: theirs }, office))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('mutation($id: ID!) { updateEntity(id: $id, input: { name: "x" }) { id } }', { id: theirs }, office))).toEqual(['NOT_FOUND']);
    const mine = (await t.gql('{ entities(first: 100) { totalCount edges { node { uscc } } } }', {}, office)).data.entities;
    expect(mine.edges.every((e: any) => e.node.uscc.slice(2, 8) === '410481')).toBe(true);
    const inspector = await t.login('wugang.inspector01');
    expect(
      codes(await t.gql(CREATE, { input: { name: 'x', uscc: completeUscc('91410481MA9X0000D'), regionCode: '410481', ...DIRECTORY } }, inspector)),
    ).toEqual(['FORBIDDEN']);
  });
});
