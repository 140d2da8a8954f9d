import { startTestApp, codes, type TestApp } from '../../test-support/test-app';

const ITEM = {
  name: '地质灾害防治单位资质监督检查',
  legalBasis: '《地质灾害防治条例》第二十四条',
  inspectingBody: '常德市自然资源和规划局',
  content: '资质证书的取得和使用，是否超越资质等级承揽项目',
  category: 'GENERAL',
  targetType: '地质灾害防治单位',
  minRatio: '0.05',
  frequencyPerYear: 1,
  methods: ['实地核查'],
};
const SUBMIT = 'mutation($k: ListKind!, $n: String) { submitListPublication(kind: $k, note: $n) { id status contents submittedByName } }';
const APPROVE = 'mutation($id: ID!, $n: String) { approveListPublication(id: $id, note: $n) { status decidedByName decisionNote } }';
const PUBLIC_ITEMS = 'query($b: ID!) { publicItems(bureauId: $b) { name content minRatio version } }';

describe('the list and the directories are published after a leader approves them (实施细则第七条)', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let bureau: string;
  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    leader = await t.login('changde.leader');
    const [{ tenant_id }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    bureau = Buffer.from(`Tenant:${tenant_id}`).toString('base64url');
  });
  afterAll(() => t.close());

  const publicNames = async () => (await t.gql(PUBLIC_ITEMS, { b: bureau })).data.publicItems.map((i: any) => i.name);

  it('keeps the demo list published, with its 检查内容', async () => {
    const items = (await t.gql(PUBLIC_ITEMS, { b: bureau })).data.publicItems;
    expect(items).toHaveLength(4);
    expect(items.every((i: any) => i.content.length > 10)).toBe(true);
  });

  it('lets no office publish an item: the office submits, a leader approves, and only then is it public', async () => {
    const created = await t.gql('mutation($input: ItemInput!) { createItem(input: $input) { id content status } }', { input: ITEM }, office);
    expect(created.errors).toBeUndefined();
    expect(created.data.createItem).toMatchObject({ content: ITEM.content, status: 'DRAFT' });
    // The office's old way round is gone.
    expect(codes(await t.gql('mutation($id: ID!) { publishItem(id: $id) { status } }', { id: created.data.createItem.id }, office))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);

    expect(codes(await t.gql(SUBMIT, { k: 'ITEMS' }, leader))).toEqual(['FORBIDDEN']);
    const submitted = await t.gql(SUBMIT, { k: 'ITEMS', n: '新增一项' }, office);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitListPublication.contents.items.map((i: any) => i.name)).toEqual([ITEM.name]);
    expect(codes(await t.gql(SUBMIT, { k: 'ITEMS' }, office))).toEqual(['CONFLICT']);
    expect(await publicNames()).not.toContain(ITEM.name);

    const id = submitted.data.submitListPublication.id;
    expect(codes(await t.gql(APPROVE, { id }, office))).toEqual(['FORBIDDEN']);
    const approved = await t.gql(APPROVE, { id, n: '局长办公会 2026 年第 5 次会议审议通过' }, leader);
    expect(approved.data.approveListPublication).toEqual({
      status: 'APPROVED',
      decidedByName: 'changde.leader',
      decisionNote: '局长办公会 2026 年第 5 次会议审议通过',
    });
    expect(await publicNames()).toContain(ITEM.name);
    const [audit] = await t.sql(`SELECT actor_username AS username, after FROM audit_events WHERE action = 'list.approve' ORDER BY seq DESC LIMIT 1`);
    expect(audit).toMatchObject({ username: 'changde.leader', after: { kind: 'ITEMS', status: 'APPROVED' } });
    const item = (
      await t.gql(
        'query($id: ID!) { node(id: $id) { ... on InspectionItem { status publishedVersion history { change changedByName } } } }',
        { id: created.data.createItem.id },
        office,
      )
    ).data.node;
    expect(item).toMatchObject({ status: 'PUBLISHED', publishedVersion: 2 });
    expect(item.history[0]).toEqual({ change: 'publish', changedByName: 'changde.leader' });
    expect(codes(await t.gql(APPROVE, { id }, leader))).toEqual(['RULE_VIOLATION']);
  });

  it('shows the approved version publicly until a change is approved, and refuses a list changed after submission', async () => {
    const [{ id: uuid }] = await t.sql(`SELECT id FROM inspection_items WHERE name = '测绘资质单位监督检查'`);
    const id = Buffer.from(`InspectionItem:${uuid}`).toString('base64url');
    await t.gql('mutation($id: ID!) { updateItem(id: $id, input: { minRatio: "0.20" }, reason: "权责清单调整") { version } }', { id }, office);
    const shown = (await t.gql(PUBLIC_ITEMS, { b: bureau })).data.publicItems.find((i: any) => i.name === '测绘资质单位监督检查');
    expect(shown.minRatio).toBe('0.10');
    const submitted = (await t.gql(SUBMIT, { k: 'ITEMS' }, office)).data.submitListPublication;
    await t.gql('mutation($id: ID!) { updateItem(id: $id, input: { minRatio: "0.30" }, reason: "又改") { version } }', { id }, office);
    const refused = await t.gql(APPROVE, { id: submitted.id }, leader);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect((refused.errors![0] as any).extensions.rule).toBe('list.changedSinceSubmission');
    const returned = await t.gql('mutation($id: ID!) { returnListPublication(id: $id, note: "请重新报审") { status } }', { id: submitted.id }, leader);
    expect(returned.data.returnListPublication.status).toBe('RETURNED');
    const again = (await t.gql(SUBMIT, { k: 'ITEMS' }, office)).data.submitListPublication;
    await t.gql(APPROVE, { id: again.id }, leader);
    expect((await t.gql(PUBLIC_ITEMS, { b: bureau })).data.publicItems.find((i: any) => i.name === '测绘资质单位监督检查').minRatio).toBe('0.30');
  });

  it('takes a withdrawn item off the public list only once the leader approves the withdrawal', async () => {
    const [{ id: uuid }] = await t.sql(
      `SELECT id FROM inspection_items WHERE name = '土地使用情况监督检查' AND tenant_id = (SELECT tenant_id FROM users WHERE username = 'changde.admin')`,
    );
    const id = Buffer.from(`InspectionItem:${uuid}`).toString('base64url');
    await t.gql('mutation($id: ID!) { withdrawItem(id: $id, reason: "职责调整") { status } }', { id }, office);
    expect(await publicNames()).toContain('土地使用情况监督检查');
    const submitted = (await t.gql(SUBMIT, { k: 'ITEMS' }, office)).data.submitListPublication;
    expect(submitted.contents.items).toEqual([expect.objectContaining({ name: '土地使用情况监督检查', withdrawn: true })]);
    await t.gql(APPROVE, { id: submitted.id }, leader);
    expect(await publicNames()).not.toContain('土地使用情况监督检查');
  });

  it('never lets one person approve what they submitted, even holding both roles', async () => {
    await t.sql(`UPDATE users SET roles = ARRAY['OFFICE', 'LEADER'] WHERE username = 'changde.supervisor'`);
    const both = await t.login('changde.supervisor');
    const submitted = await t.gql(SUBMIT, { k: 'INSPECTORS' }, both);
    expect(submitted.errors).toBeUndefined();
    const selfApproved = await t.gql(APPROVE, { id: submitted.data.submitListPublication.id }, both);
    expect([codes(selfApproved), selfApproved.errors?.[0]?.extensions?.rule]).toEqual([['RULE_VIOLATION'], 'duties.onePerRecord']);
    await t.gql(APPROVE, { id: submitted.data.submitListPublication.id }, leader);
  });

  it('refuses to submit an item without 检查内容 and a directory with incomplete entries; the portal shows approved publications', async () => {
    await t.sql(`UPDATE inspection_items SET content = NULL, version = version + 1 WHERE name = '矿业权人勘查开采信息公示抽查'`);
    const refused = await t.gql(SUBMIT, { k: 'ITEMS' }, office);
    expect((refused.errors![0] as any).extensions.rule).toBe('item.content');

    const [entity] = await t.sql(`UPDATE market_entities SET address = NULL WHERE id = (SELECT e.id FROM market_entities e JOIN tenants t ON t.id = e.tenant_id
      WHERE t.region_code = '430700' ORDER BY e.uscc LIMIT 1) RETURNING id`);
    const incomplete = await t.gql(SUBMIT, { k: 'ENTITIES' }, office);
    expect((incomplete.errors![0] as any).extensions.rule).toBe('entity.complete');
    await t.sql(`UPDATE market_entities SET address = '补全的地址' WHERE id = $1`, [entity.id]);
    const submitted = (await t.gql(SUBMIT, { k: 'ENTITIES', n: '名录年度更新' }, office)).data.submitListPublication;
    await t.gql(APPROVE, { id: submitted.id, n: '审议通过' }, leader);
    const portal = (await t.gql('query($b: ID!) { publicListPublications(bureauId: $b) { kind approvedBy count } }', { b: bureau })).data
      .publicListPublications;
    expect(portal[0]).toMatchObject({ kind: 'ENTITIES', approvedBy: 'changde.leader' });
    expect(portal[0].count).toBeGreaterThan(2000);
  });

  it('keeps each bureau’s submissions to itself', async () => {
    const wugangLeader = await t.login('wugang.leader');
    const wugang = await t.gql('{ listPublications { id } }', {}, wugangLeader);
    expect(wugang.data.listPublications).toEqual([]);
    const mine = (await t.gql('{ listPublications { id status } }', {}, leader)).data.listPublications;
    expect(mine.length).toBeGreaterThan(0);
    const [[open]] = [await t.sql(`SELECT id FROM list_publications WHERE status = 'SUBMITTED' LIMIT 1`)];
    if (open) expect(codes(await t.gql(APPROVE, { id: Buffer.from(`ListPublication:${open.id}`).toString('base64url') }, wugangLeader))).toEqual(['NOT_FOUND']);
    const opened = (await t.gql(SUBMIT, { k: 'INSPECTORS' }, office)).data.submitListPublication;
    expect(codes(await t.gql(APPROVE, { id: opened.id }, wugangLeader))).toEqual(['NOT_FOUND']);
  });
});
