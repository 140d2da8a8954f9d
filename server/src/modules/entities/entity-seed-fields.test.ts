import { completeIdNumber, completeUscc } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const CREATE = `mutation($input: EntityInput!) { createEntity(input: $input) { id kind uscc idNumberMasked incomplete registrationAuthority legalRepresentative address } }`;
const COMPLETE = { registrationAuthority: '舞钢市市场监督管理局', legalRepresentative: '张三', address: '舞钢市垭口街道 1 号' };

describe('the directory holds what 实施细则第六条 requires, and natural persons', () => {
  let t: TestApp;
  let office: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('wugang.admin');
  });
  afterAll(() => t.close());

  it('refuses an entity without 登记机关, 法定代表人 or 地址, by create and by update, and writes nothing', async () => {
    const uscc = completeUscc('91410481MA9Y0001A');
    const [{ n: before }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities`);
    const refused = await t.gql(CREATE, { input: { name: '缺字段公司', uscc, regionCode: '410481' } }, office);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    const fields = (refused.errors![0] as any).extensions.fields.map((f: any) => [f.field, f.message]);
    expect(fields).toEqual([
      ['registrationAuthority', expect.stringContaining('登记机关不能为空')],
      ['legalRepresentative', expect.stringContaining('法定代表人不能为空')],
      ['address', expect.stringContaining('地址不能为空')],
    ]);
    expect((await t.sql(`SELECT count(*)::int AS n FROM market_entities`))[0].n).toBe(before);

    const created = await t.gql(CREATE, { input: { name: '齐全公司', uscc, regionCode: '410481', ...COMPLETE } }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createEntity).toMatchObject({ kind: 'ORGANIZATION', incomplete: false });
    const cleared = await t.gql(
      'mutation($id: ID!) { updateEntity(id: $id, input: { legalRepresentative: null }) { version } }',
      { id: created.data.createEntity.id },
      office,
    );
    expect(codes(cleared)).toEqual(['BAD_USER_INPUT']);
  });

  it('lists existing entries that lack them for completion, without deleting them, and counts them', async () => {
    const [row] = await t.sql(`UPDATE market_entities SET legal_representative = NULL
      WHERE id = (SELECT e.id FROM market_entities e JOIN tenants t ON t.id = e.tenant_id WHERE t.region_code = '410481' ORDER BY e.uscc LIMIT 1)
      RETURNING id, uscc`);
    const listed = await t.gql('{ incompleteEntityCount entities(incomplete: true) { totalCount edges { node { uscc incomplete } } } }', {}, office);
    expect(listed.data.incompleteEntityCount).toBe(1);
    expect(listed.data.entities.edges.map((e: any) => e.node)).toEqual([{ uscc: row.uscc, incomplete: true }]);
    // Another bureau's office sees neither the entry nor the count.
    const changde = await t.login('changde.admin');
    const other = await t.gql('{ incompleteEntityCount entities(incomplete: true) { totalCount } }', {}, changde);
    expect(other.data).toEqual({ incompleteEntityCount: 0, entities: { totalCount: 0 } });
    // Completing it takes it off the list.
    await t.gql('mutation($id: ID!) { updateEntity(id: $id, input: { legalRepresentative: "李四" }) { version } }', { id: toId(row.id) }, office);
    expect((await t.gql('{ incompleteEntityCount }', {}, office)).data.incompleteEntityCount).toBe(0);
  });

  it('takes a natural person by ID number: stored as a keyed hash and a masked number, found by the whole number', async () => {
    const id = completeIdNumber('41048119800101123');
    const created = await t.gql(CREATE, { input: { name: '张个人', idNumber: id, regionCode: '410481', address: '舞钢市寺坡街道 3 号' } }, office);
    expect(created.errors).toBeUndefined();
    const person = created.data.createEntity;
    expect(person).toMatchObject({ kind: 'PERSON', idNumberMasked: `4104**********${id.slice(-4)}`, incomplete: false, registrationAuthority: null });
    expect(person.uscc).toMatch(/^P:[0-9A-F]{16}$/);
    for (const table of ['market_entities', 'market_entity_changes', 'audit_events']) {
      expect(await t.sql(`SELECT 1 FROM ${table} x WHERE strpos(x::text, $1) > 0`, [id])).toEqual([]);
    }
    expect(codes(await t.gql(CREATE, { input: { name: '又一个', idNumber: id, regionCode: '410481', address: '别处' } }, office))).toEqual(['CONFLICT']);
    const bad = `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}`;
    expect(codes(await t.gql(CREATE, { input: { name: '错号', idNumber: bad, regionCode: '410481', address: '别处' } }, office))).toEqual(['BAD_USER_INPUT']);
    const both = await t.gql(
      CREATE,
      { input: { name: '两个码', idNumber: id, uscc: completeUscc('91410481MA9Y0002A'), regionCode: '410481', ...COMPLETE } },
      office,
    );
    expect(codes(both)).toEqual(['BAD_USER_INPUT']);
    // A person needs an address; 登记机关 and 法定代表人 do not apply.
    expect(codes(await t.gql(CREATE, { input: { name: '无址', idNumber: completeIdNumber('41048119800101124'), regionCode: '410481' } }, office))).toEqual([
      'BAD_USER_INPUT',
    ]);

    const found = await t.gql('query($s: String) { entities(search: $s) { edges { node { name kind idNumberMasked } } } }', { s: id }, office);
    expect(found.data.entities.edges.map((e: any) => e.node.name)).toEqual(['张个人']);
    // An edit without the number keeps the person and the key.
    const edited = await t.gql(
      'mutation($id: ID!) { updateEntity(id: $id, input: { name: "张个人（更正）" }) { uscc kind idNumberMasked } }',
      { id: person.id },
      office,
    );
    expect(edited.data.updateEntity).toEqual({ uscc: person.uscc, kind: 'PERSON', idNumberMasked: person.idNumberMasked });
    // The export shows the key and the masked number, never the number; it imports back unchanged.
    const exported = await fetch(`${t.url}/api/exports/entities.csv`, { headers: { authorization: `Bearer ${office}` } });
    const text = await exported.text();
    expect(text).not.toContain(id);
    const line = text.split(/\r?\n/).find((l) => l.includes('张个人'))!;
    expect(line).toContain(person.idNumberMasked);
    expect(line).toContain(person.uscc);
    // The public directory shows the masked number and no address of a person.
    const [{ tenant_id }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'wugang.admin'`);
    const pub = await t.gql('query($b: ID!, $s: String) { publicEntities(bureauId: $b, search: $s) { edges { node { name uscc address } } } }', {
      b: Buffer.from(`Tenant:${tenant_id}`).toString('base64url'),
      s: '张个人',
    });
    expect(pub.data.publicEntities.edges.map((e: any) => e.node)).toEqual([{ name: '张个人（更正）', uscc: person.idNumberMasked, address: null }]);
  });
});

function toId(uuid: string): string {
  return Buffer.from(`MarketEntity:${uuid}`).toString('base64url');
}
