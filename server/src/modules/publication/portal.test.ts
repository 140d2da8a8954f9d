import { gzipSync, gunzipSync } from 'node:zlib';
import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { approveLate, drawWugangTask, liftYearCaps } from '../../test-support/draw-fixture';
import { approvedInspection, publishInspection } from '../../test-support/inspection-fixture';

const RESULT = `id bureau { id name } task { id title planId } items { id name } entityName entityUscc inspectedOn
  resultCategory { code label problem } findings publishedAt correctsId correctionReason correctedById draw { id recordUrl }`;
const RESULTS = `query($bureau: ID, $item: ID, $plan: ID, $task: ID, $search: String, $first: Int) {
  publicResults(bureauId: $bureau, itemId: $item, planId: $plan, taskId: $task, search: $search, first: $first) { totalCount edges { node { ${RESULT} } } } }`;
const NOTICES = `query($bureau: ID, $plan: ID, $item: ID, $search: String) {
  publicTaskNotices(bureauId: $bureau, planId: $plan, itemId: $item, search: $search, first: 100) { totalCount edges { node {
    id bureau { name } planId title purpose procedure divisionOfLabour confidentiality startsOn endsOn teamSize status items { id name ratio } announcedAt
    draw { id status recordUrl inputHash verification { status revealed code reason } } } } } }`;
const ENTITY = `query($uscc: String!) { publicEntity(uscc: $uscc) { uscc name listings { bureau { name } name } results(first: 50) { totalCount edges { node { id entityName resultCategory { code } correctsId correctedById } } } } }`;

describe('publication portal (no sign-in): results, task notices, entities, draws with their verification', () => {
  let t: TestApp;
  let office: string;
  let wugang: string;
  let changde: string;
  let taskId: string;
  let drawId: string;
  let entity: { uscc: string; name: string };
  let resultId: string;
  const results = async (vars: Record<string, unknown>) => {
    const r = await t.gql(RESULTS, vars);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data.publicResults;
  };

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('wugang.admin');
    ({ taskId, drawId } = await drawWugangTask(t));
    const bureaus = (await t.gql('{ publicBureaus { id regionCode } }')).data.publicBureaus;
    wugang = bureaus.find((b: any) => b.regionCode === '410481').id;
    changde = bureaus.find((b: any) => b.regionCode === '430700').id;
    [entity] = await t.sql(
      `SELECT e.uscc, e.name FROM market_entities e JOIN tenants n ON n.id = e.tenant_id AND n.region_code = '410481' ORDER BY e.uscc LIMIT 1`,
    );
  });
  afterAll(() => t.close());

  it('shows a result only once it is published', async () => {
    resultId = await approvedInspection(t, entity.uscc, 'CORRECTED', { findings: '复垦方案未按期报备，已责令改正' });
    expect((await results({ search: entity.uscc })).totalCount).toBe(0);
    expect((await results({})).totalCount).toBe(0);
    expect(await publishInspection(t, resultId, office)).toBeUndefined();
    const page = await results({ search: entity.uscc });
    expect(page.totalCount).toBe(1);
    const result = page.edges[0].node;
    expect(result).toMatchObject({
      id: resultId,
      bureau: { id: wugang, name: '舞钢市自然资源和规划局' },
      task: { id: taskId, title: '舞钢市2023年随机抽查（测试）' },
      entityName: entity.name,
      entityUscc: entity.uscc,
      inspectedOn: '2023-06-20',
      resultCategory: { code: 'CORRECTED', label: '发现问题经责令已改正', problem: true },
      findings: '复垦方案未按期报备，已责令改正',
      correctsId: null,
      correctedById: null,
      draw: { id: drawId, recordUrl: `/api/public/draws/${drawId}` },
    });
    expect(result.items).toHaveLength(1);
    expect(result.task.planId).toMatch(/.+/);
    // A record still in the workflow stays out, whatever its state.
    for (const status of ['DRAFT', 'SUBMITTED', 'REVIEWED', 'APPROVED', 'RETURNED']) {
      const id = await approvedInspection(t, entity.uscc, 'OBSTRUCTED');
      await t.sql(`UPDATE inspections SET status = $1 WHERE id = $2`, [status, fromGlobalUuid(id, 'Inspection')]);
    }
    expect((await results({ search: entity.uscc })).totalCount).toBe(1);
  });

  it('exposes only public fields: no access code, team, notes or internal ids', async () => {
    const type = await t.gql('{ __type(name: "PublicResult") { fields { name } } }');
    expect(type.data.__type.fields.map((f: any) => f.name).sort()).toEqual([
      'bureau',
      'correctedById',
      'correctionReason',
      'correctsId',
      'draw',
      'entityName',
      'entityUscc',
      'findings',
      'handling',
      'id',
      'inspectedOn',
      'items',
      'publishedAt',
      'resultCategory',
      'task',
    ]);
    const page = await results({});
    expect(JSON.stringify(page)).not.toMatch(/TEST-CODE|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('filters by bureau, item, plan and task, and searches by name or USCC', async () => {
    const result = (await results({ search: entity.uscc })).edges[0].node;
    expect((await results({ bureau: wugang })).totalCount).toBe(1);
    expect((await results({ bureau: changde })).totalCount).toBe(0);
    expect((await results({ item: result.items[0].id })).totalCount).toBe(1);
    const otherItem = (await t.gql('query($b: ID!) { publicItems(bureauId: $b) { id } }', { b: wugang })).data.publicItems.find(
      (i: any) => i.id !== result.items[0].id,
    ).id;
    expect((await results({ item: otherItem })).totalCount).toBe(0);
    expect((await results({ plan: result.task.planId, task: taskId })).totalCount).toBe(1);
    expect((await results({ search: entity.name.slice(2, 6) })).totalCount).toBe(1);
    const fullWidthLower = entity.uscc
      .slice(0, 10)
      .toLowerCase()
      .replace(/[0-9a-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    expect((await results({ search: ` ${fullWidthLower} ` })).totalCount).toBe(1);
    expect((await results({ search: '并不存在的名称' })).totalCount).toBe(0);
    expect(codes(await t.gql(RESULTS, { item: 'bm9wZQ' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(RESULTS, { bureau: toGlobalId('Tenant', '00000000-0000-4000-8000-000000000000') }))).toEqual(['NOT_FOUND']);
  });

  it('keeps injection in the parameters harmless', async () => {
    const [{ before }] = await t.sql(`SELECT count(*)::int AS before FROM inspections`);
    for (const search of ["'; DROP TABLE inspections; --", '%', '_', '\\', "' OR '1'='1", '$1', '舞钢%']) {
      const page = await t.gql(RESULTS, { search });
      expect(page.errors).toBeUndefined();
      expect(page.data.publicResults.totalCount).toBe(0);
      expect((await t.gql(NOTICES, { search })).data.publicTaskNotices.totalCount).toBe(0);
    }
    expect(codes(await t.gql(RESULTS, { bureau: "' OR 1=1 --" }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESULTS, { search: 'x'.repeat(101) }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(ENTITY, { uscc: "'; DROP TABLE market_entities; --" }))).toEqual(['BAD_USER_INPUT']);
    const [{ after }] = await t.sql(`SELECT count(*)::int AS after FROM inspections`);
    expect(after).toBe(before);
  });

  it('shows a correction linked both ways', async () => {
    const correction = await approvedInspection(t, entity.uscc, 'NO_PROBLEM', { correctsGlobalId: resultId, correctionReason: '经复核，问题不成立' });
    // Until the correction is published, the original stands alone.
    expect((await results({ search: entity.uscc })).edges.map((e: any) => e.node.correctedById)).toEqual([null]);
    await publishInspection(t, correction, office);
    const nodes = (await results({ search: entity.uscc })).edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => [n.id, n.correctsId, n.correctedById, n.correctionReason])).toEqual([
      [correction, resultId, null, '经复核，问题不成立'],
      [resultId, null, correction, null],
    ]);
  });

  it('gathers an entity’s published results across bureaus by USCC', async () => {
    const profile = (await t.gql(ENTITY, { uscc: entity.uscc.toLowerCase() })).data.publicEntity;
    expect(profile).toMatchObject({ uscc: entity.uscc, name: entity.name });
    expect(profile.listings.map((l: any) => l.bureau.name)).toContain('舞钢市自然资源和规划局');
    expect(profile.results.totalCount).toBe(2);
    expect(codes(await t.gql(ENTITY, { uscc: '91410000000000000X' }))).toEqual(['NOT_FOUND']);
  });

  it('announces tasks once their pool is frozen, each with its draw and the draw’s verification', async () => {
    let notices = (await t.gql(NOTICES, { bureau: wugang })).data.publicTaskNotices;
    expect(notices.totalCount).toBe(1);
    const notice = notices.edges[0].node;
    expect(notice).toMatchObject({
      id: taskId,
      bureau: { name: '舞钢市自然资源和规划局' },
      title: '舞钢市2023年随机抽查（测试）',
      purpose: '对四个抽查事项开展随机抽查',
      startsOn: '2023-06-05',
      endsOn: '2023-11-24',
      teamSize: 2,
      status: 'DRAWN',
      draw: { id: drawId, status: 'DRAWN', recordUrl: `/api/public/draws/${drawId}`, verification: { status: 'VERIFIED', revealed: true, code: null } },
    });
    expect(notice.items.map((i: any) => i.ratio)).toEqual(['0.10', '0.30', '0.10', '0.10']);
    expect((await t.gql(NOTICES, { item: notice.items[1].id })).data.publicTaskNotices.totalCount).toBe(1);
    expect((await t.gql(NOTICES, { plan: notice.planId })).data.publicTaskNotices.totalCount).toBe(1);
    expect((await t.gql(NOTICES, { bureau: changde })).data.publicTaskNotices.totalCount).toBe(0);
    const listed = (await t.gql('{ publicDraws { draws { id verification { status } } } }')).data.publicDraws.draws;
    expect(listed).toEqual([{ id: drawId, verification: { status: 'VERIFIED' } }]);
    const one = (await t.gql('query($id: ID!) { publicDraw(id: $id) { id bureauId taskTitle status inputHash verification { status } } }', { id: drawId })).data
      .publicDraw;
    expect(one).toMatchObject({
      id: drawId,
      bureauId: wugang,
      taskTitle: '舞钢市2023年随机抽查（测试）',
      status: 'DRAWN',
      inputHash: notice.draw.inputHash,
      verification: { status: 'VERIFIED' },
    });
    expect(codes(await t.gql('query($id: ID!) { publicDraw(id: $id) { id } }', { id: toGlobalId('Draw', '00000000-0000-4000-8000-000000000000') }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(codes(await t.gql('query { publicDraw(id: "not-an-id") { id } }'))).toEqual(['NOT_FOUND']);

    // A draft task is not announced; a committed one is, its record checked but for the seed not yet revealed.
    const items = notice.items.map((i: any) => ({ itemId: i.id, ratio: i.ratio }));
    const input = {
      planId: notice.planId,
      round: 1,
      title: '舞钢市2023年第二批抽查',
      purpose: '补充抽查',
      procedure: '摇号',
      divisionOfLabour: '分工',
      confidentiality: '保密',
      startsOn: '2023-07-03',
      endsOn: '2023-11-24',
      teamSize: 2,
      items,
      reason: '测试',
    };
    // Three batches of once-a-year items in one year: the caps are lifted here (tasks/year-caps.test.ts holds them).
    await liftYearCaps(t);
    const leader = await t.login('wugang.leader');
    const draft = (await t.gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input }, office)).data.createTask.id;
    await approveLate(t, draft, leader);
    expect((await t.gql(NOTICES, {})).data.publicTaskNotices.totalCount).toBe(1);
    const committed = (await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: draft }, office)).data.commitDraw.id;
    notices = (await t.gql(NOTICES, {})).data.publicTaskNotices;
    expect(notices.edges.map((e: any) => [e.node.title, e.node.status, e.node.draw.verification.status])).toEqual([
      ['舞钢市2023年第二批抽查', 'COMMITTED', 'PENDING'],
      ['舞钢市2023年随机抽查（测试）', 'DRAWN', 'VERIFIED'],
    ]);

    // A record that does not match its published hash fails verification, with the reason.
    const third = (await t.gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: { ...input, title: '第三批' } }, office)).data
      .createTask.id;
    await approveLate(t, third, leader);
    const tampered = (await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: third }, office)).data.commitDraw.id;
    const [row] = await t.sql(`SELECT record_gz FROM draws WHERE id = $1`, [fromGlobalUuid(tampered, 'Draw')]);
    const record = JSON.parse(gunzipSync(row.record_gz).toString());
    record.input.strata[0].entities[0].weight = '9';
    await t.sql(`UPDATE draws SET record_gz = $1 WHERE id = $2`, [gzipSync(JSON.stringify(record)), fromGlobalUuid(tampered, 'Draw')]);
    const failed = (await t.gql(NOTICES, { search: '第三批' })).data.publicTaskNotices.edges[0].node.draw.verification;
    expect(failed).toMatchObject({ status: 'FAILED', code: 'INPUT_HASH_MISMATCH' });
    expect(committed).not.toBe(tampered);

    // The announcement is checked like any record (spec §12): a member the input does not define is
    // malformed even though the input would still hash to the published value without it.
    const fourth = (await t.gql('mutation($input: TaskInput!) { createTask(input: $input) { id } }', { input: { ...input, title: '第四批' } }, office)).data
      .createTask.id;
    await approveLate(t, fourth, leader);
    const extra = (await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: fourth }, office)).data.commitDraw.id;
    const [fourthRow] = await t.sql(`SELECT record_gz FROM draws WHERE id = $1`, [fromGlobalUuid(extra, 'Draw')]);
    const announcement = JSON.parse(gunzipSync(fourthRow.record_gz).toString());
    announcement.input.strata[0].entities[0].name = '某公司（内部评级 C）';
    await t.sql(`UPDATE draws SET record_gz = $1 WHERE id = $2`, [gzipSync(JSON.stringify(announcement)), fromGlobalUuid(extra, 'Draw')]);
    const malformed = (await t.gql(NOTICES, { search: '第四批' })).data.publicTaskNotices.edges[0].node.draw.verification;
    expect(malformed).toMatchObject({ status: 'FAILED', code: 'MALFORMED_RECORD' });
  });

  it('answers without sign-in, and stops publishing a suspended bureau', async () => {
    const operator = await t.login('platform.admin');
    await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: SUSPENDED }) { status } }', { id: wugang }, operator);
    try {
      expect((await results({})).totalCount).toBe(0);
      expect((await t.gql(NOTICES, {})).data.publicTaskNotices.totalCount).toBe(0);
      expect(codes(await t.gql(ENTITY, { uscc: entity.uscc }))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql(RESULTS, { bureau: wugang }))).toEqual(['NOT_FOUND']);
      expect(codes(await t.gql('query($id: ID!) { publicDraw(id: $id) { id } }', { id: drawId }))).toEqual(['NOT_FOUND']);
    } finally {
      await t.gql('mutation($id: ID!) { updateTenant(id: $id, input: { status: ACTIVE }) { status } }', { id: wugang }, operator);
    }
    expect((await results({})).totalCount).toBe(2);
  });

  it('pages the task notices by key, newest first, and counts them only when asked', async () => {
    const PAGE = `query($after: String) { publicTaskNotices(first: 1, after: $after) { edges { node { id announcedAt } } pageInfo { hasNextPage endCursor } } }`;
    const whole = (await t.gql(NOTICES, {})).data.publicTaskNotices;
    expect(whole.edges.length).toBeGreaterThan(1);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await t.gql(PAGE, { after })).data.publicTaskNotices;
      seen.push(...page.edges.map((e: any) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((e: any) => e.node.id));
    expect(whole.totalCount).toBe(seen.length);
    const announced = whole.edges.map((e: any) => Date.parse(e.node.announcedAt));
    expect(announced).toEqual([...announced].sort((a, b) => b - a));
  });
});
