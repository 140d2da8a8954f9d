import { fromGlobalUuid, toGlobalId, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { approveLate } from '../../test-support/draw-fixture';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { dateCeremony } from '../../test-support/draw-fixture';
import { plainRecordOf } from '../../test-support/draw-ceremony';
import { proposeHandling } from '../../test-support/handling-fixture';

const CREATE_TASK = `mutation($input: TaskInput!) { createTask(input: $input) { id joint leadDepartment { name } } }`;
const INVITE = `mutation($task: ID!, $dept: ID!) { inviteJointParticipant(taskId: $task, departmentId: $dept, message: "请派员参加") { id status } }`;
const RESPOND = `mutation($id: ID!, $accept: Boolean!, $note: String) { respondJointInvitation(id: $id, accept: $accept, note: $note) { id status } }`;
const SAVE_PART = `mutation($id: ID!, $input: JointPartInput!) { saveJointPart(id: $id, input: $input) { id items { name } inspectors { certificateNo } } }`;
const INVITATIONS = `{ jointInvitations { totalCount edges { node { id status task { id title leadBureauName leadDepartmentName leadItems { id name } } department { name bureauName } } } } }`;
const VIEWS = ['joint_participants', 'joint_task_parties', 'joint_part_items', 'joint_part_inspectors', 'joint_part_recusals', 'joint_drawn_entities'];

/** 联合抽查: 舞钢 leads, 平顶山 joins, 常德 is first a stranger and later a participant who declines. */
describe('joint tasks across bureaus', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let lead: string;
  let partner: string;
  let partnerOffice: string;
  let stranger: string;
  let ids: Record<'wugang' | 'pingdingshan' | 'changde', string>;
  let taskId: string;
  let partId: string;
  let partnerDept: string;
  let jointDrawId: string;

  beforeAll(async () => {
    t = await startTestApp();
    app = await appRoleClient(t.adminUrl);
    const tenants = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    const by = (code: string) => tenants.find((r) => r.region_code === code)!.id;
    ids = { wugang: by('410481'), pingdingshan: by('410400'), changde: by('430700') };
    [lead, partner, partnerOffice, stranger] = await Promise.all(
      ['wugang.admin', 'pingdingshan.head', 'pingdingshan.admin', 'changde.admin'].map((u) => t.login(u)),
    );
    [{ id: partnerDept }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '执法监察支队'`, [ids.pingdingshan]);
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('the lead plans a joint task under its own department and invites another bureau’s department', async () => {
    const items = (await t.gql('{ items { edges { node { id name } } } }', {}, lead)).data.items.edges.map((e: any) => e.node);
    const landUse = items.filter((i: any) => ['土地使用情况监督检查', '矿山地质环境保护与土地复垦情况的监管'].includes(i.name));
    const [{ id: leadDept }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '土地利用股'`, [ids.wugang]);
    const input = {
      title: '舞钢市、平顶山市2026年联合抽查',
      purpose: '市县联动，进一次门、查多项事',
      procedure: '封存名单 → 见证 → 摇号 → 联合检查',
      divisionOfLabour: '舞钢市土地利用股牵头，平顶山市执法监察支队参加',
      confidentiality: '结果公示前不得泄露',
      startsOn: '2026-09-07',
      endsOn: '2026-10-30',
      teamSize: 2,
      joint: true,
      // 舞钢 has no plan for 2026: a 专项检查, approved by its leader.
      kind: 'SPECIAL',
      reason: '市县联动联合检查',
      items: landUse.map((i: any) => ({ itemId: i.id, ratio: '0.10' })),
    };
    const missing = await t.gql(CREATE_TASK, { input }, lead);
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([{ field: 'leadDepartmentId', message: '联合抽查任务须指定本单位的牵头部门' }]);
    const created = await t.gql(CREATE_TASK, { input: { ...input, leadDepartmentId: toGlobalId('Department', leadDept) } }, lead);
    expect(created.errors).toBeUndefined();
    expect(created.data.createTask).toMatchObject({ joint: true, leadDepartment: { name: '土地利用股' } });
    taskId = created.data.createTask.id;
    await approveLate(t, taskId, await t.login('wugang.leader'));

    const partners = await t.gql('{ jointPartnerDepartments(search: "平顶山", first: 10) { totalCount edges { node { id name bureauName } } } }', {}, lead);
    expect(partners.data.jointPartnerDepartments.edges.map((e: any) => e.node.name)).toEqual(expect.arrayContaining(['执法监察支队', '矿产资源管理科']));
    const invited = await t.gql(INVITE, { task: taskId, dept: toGlobalId('Department', partnerDept) }, lead);
    expect(invited.data.inviteJointParticipant.status).toBe('INVITED');
    partId = invited.data.inviteJointParticipant.id;
    expect(codes(await t.gql(INVITE, { task: taskId, dept: toGlobalId('Department', partnerDept) }, lead))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(INVITE, { task: taskId, dept: toGlobalId('Department', '00000000-0000-4000-8000-000000000000') }, lead))).toEqual([
      'BAD_USER_INPUT',
    ]);
    // The pool is not frozen while an invitation is unanswered.
    const early = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, lead);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'joint.pending' });
  });

  it('shows nothing of it to a bureau that is not party to it, at either wall', async () => {
    expect((await t.gql(INVITATIONS, {}, stranger)).data.jointInvitations.totalCount).toBe(0);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: partId }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: taskId }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RESPOND, { id: partId, accept: true }, stranger))).toEqual(['NOT_FOUND']);
    for (const view of VIEWS) expect({ view, rows: await app.asTenant(ids.changde, `SELECT * FROM ${view}`) }).toEqual({ view, rows: [] });
    // Nor can a stranger write itself into the task.
    await expect(
      app.asTenant(
        ids.changde,
        `INSERT INTO joint_participants (tenant_id, lead_tenant_id, task_id, department_id) VALUES ($1, $2, gen_random_uuid(), gen_random_uuid())`,
        [ids.pingdingshan, ids.wugang],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('the invited department accepts and brings its own items and inspectors, and only its own', async () => {
    const seen = await t.gql(INVITATIONS, {}, partnerOffice);
    expect(seen.data.jointInvitations.edges[0].node).toMatchObject({
      status: 'INVITED',
      task: { title: '舞钢市、平顶山市2026年联合抽查', leadBureauName: '舞钢市自然资源和规划局', leadDepartmentName: '土地利用股' },
      department: { name: '执法监察支队', bureauName: '平顶山市自然资源和规划局' },
    });
    // The participant sees the joint task, not the lead's task itself.
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: taskId }, partner))).toEqual(['NOT_FOUND']);
    const inspector = await t.login('pingdingshan.inspector01');
    expect(codes(await t.gql(RESPOND, { id: partId, accept: true }, inspector))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RESPOND, { id: partId, accept: false }, partner))).toEqual(['BAD_USER_INPUT']);
    expect((await t.gql(RESPOND, { id: partId, accept: true, note: '同意' }, partner)).data.respondJointInvitation.status).toBe('ACCEPTED');

    const ownItems = (await t.gql('{ items { edges { node { id } } } }', {}, partner)).data.items.edges.map((e: any) => e.node.id);
    const ownInspectors = (await t.gql('{ inspectors(first: 50) { edges { node { id } } } }', {}, partner)).data.inspectors.edges.map((e: any) => e.node.id);
    const leadItem = (await t.gql('{ items { edges { node { id } } } }', {}, lead)).data.items.edges[0].node.id;
    const foreign = await t.gql(SAVE_PART, { id: partId, input: { itemIds: [leadItem], inspectorIds: ownInspectors } }, partner);
    expect(foreign.errors?.[0]?.extensions?.fields).toEqual(
      [{ field: 'itemIds.0.key', message: '本单位没有该抽查事项' }].map((f) => ({ ...f, field: expect.stringMatching(/^itemIds/) })),
    );
    const saved = await t.gql(SAVE_PART, { id: partId, input: { itemIds: ownItems, inspectorIds: ownInspectors } }, partner);
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveJointPart.inspectors).toHaveLength(4);

    const viewFromLead = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Task { participants { status department { name } items { name } inspectors { certificateNo } } } } }',
      { id: taskId },
      lead,
    );
    expect(viewFromLead.data.node.participants).toEqual([
      expect.objectContaining({
        status: 'ACCEPTED',
        department: { name: '执法监察支队' },
        items: expect.arrayContaining([{ name: '矿产资源开发利用情况监督检查' }]),
      }),
    ]);
  });

  it('a second invited bureau that declines sees only its own invitation, never the other part', async () => {
    const [{ id: changdeDept }] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '执法监督科'`, [ids.changde]);
    const second = await t.gql(INVITE, { task: taskId, dept: toGlobalId('Department', changdeDept) }, lead);
    const secondId = second.data.inviteJointParticipant.id;
    const theirs = await t.gql(INVITATIONS, {}, stranger);
    expect(theirs.data.jointInvitations.edges.map((e: any) => e.node.id)).toEqual([secondId]);
    expect(codes(await t.gql('query($id: ID!) { node(id: $id) { id } }', { id: partId }, stranger))).toEqual(['NOT_FOUND']);
    expect((await app.asTenant(ids.changde, 'SELECT tenant_id FROM joint_participants')).map((r) => r.tenant_id)).toEqual([ids.changde]);
    expect((await app.asTenant(ids.pingdingshan, 'SELECT tenant_id FROM joint_task_parties')).map((r) => r.tenant_id)).toEqual([ids.pingdingshan]);
    expect(await app.asTenant(ids.changde, 'SELECT * FROM joint_part_inspectors WHERE tenant_id = $1', [ids.pingdingshan])).toEqual([]);
    expect(await app.asTenant(ids.pingdingshan, 'SELECT * FROM joint_part_recusals')).toEqual([]);
    expect((await t.gql(RESPOND, { id: secondId, accept: false, note: '本年度任务已满' }, stranger)).data.respondJointInvitation.status).toBe('DECLINED');
  });

  it('draws teams holding an inspector of each party, honours the participant’s recusals, and shows each part its own', async () => {
    // A recusal declared in 平顶山, against an entity 舞钢's pool holds: matched by USCC.
    const [entity] = await t.sql(
      `SELECT p.id, p.uscc FROM market_entities p JOIN market_entities w ON w.uscc = p.uscc AND w.tenant_id = $2
        WHERE p.tenant_id = $1 AND w.status IN ('EXISTING', 'OPERATING') ORDER BY p.uscc LIMIT 1`,
      [ids.pingdingshan, ids.wugang],
    );
    const [recused] = await t.sql(`SELECT id, certificate_no FROM inspectors WHERE tenant_id = $1 ORDER BY certificate_no LIMIT 1`, [ids.pingdingshan]);
    await t.sql(`INSERT INTO recusals (tenant_id, inspector_id, entity_id, reason, valid_from) VALUES ($1, $2, $3, '近亲属任职', '2026-01-01')`, [
      ids.pingdingshan,
      recused.id,
      entity.id,
    ]);

    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id summary record } }', { id: taskId }, lead);
    expect(committed.errors).toBeUndefined();
    const { id: drawId, summary } = committed.data.commitDraw;
    jointDrawId = drawId;
    const partnerGroup = `dept:${partnerDept}`;
    expect(summary.joint.groups).toEqual([{ group: partnerGroup, bureau: '平顶山市自然资源和规划局', department: '执法监察支队', inspectors: 4 }]);
    expect((await plainRecordOf(t, drawId, lead, committed.data.commitDraw.record)).input.exclusions).toEqual(
      expect.arrayContaining([{ entityKey: entity.uscc, inspectorKey: recused.certificate_no, reason: 'RECUSAL' }]),
    );
    // Once frozen, the parts no longer change.
    const ownItems = (await t.gql('{ items { edges { node { id } } } }', {}, partner)).data.items.edges.map((e: any) => e.node.id);
    const ownInspectors = (await t.gql('{ inspectors(first: 50) { edges { node { id } } } }', {}, partner)).data.inspectors.edges.map((e: any) => e.node.id);
    const late = await t.gql(SAVE_PART, { id: partId, input: { itemIds: ownItems.slice(0, 1), inspectorIds: ownInspectors } }, partner);
    expect(late.errors?.[0]?.extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'TASK_STATE' });

    const [leader] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.leader'`);
    expect(leader).toBeDefined();
    const witness = await t.login('wugang.leader');
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 0907") { id } }', { id: drawId }, witness);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "275") { id } }', { id: drawId }, lead);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status record } }', { id: drawId }, lead);
    expect(drawn.errors).toBeUndefined();
    expect(verifyDraw(drawn.data.performDraw.record)).toMatchObject({ ok: true });
    const record: DrawRecord = await plainRecordOf(t, drawId, lead, drawn.data.performDraw.record);
    // Held before the window opened, so that its records can be dated inside it.
    await dateCeremony(t, fromGlobalUuid(drawId, 'Draw')!, '2026-09-01');
    // The participant's drawn inspectors are told in their own bureau, with a link to their part.
    const partnerDrawn = await t.sql(
      `SELECT DISTINCT u.username FROM draw_selections s JOIN inspectors x ON x.id = ANY(s.inspector_ids) JOIN users u ON u.id = x.user_id
        WHERE s.draw_id = $1 AND x.tenant_id = $2 ORDER BY 1`,
      [fromGlobalUuid(drawId, 'Draw'), ids.pingdingshan],
    );
    expect(partnerDrawn.length).toBeGreaterThan(0);
    const partnerTold = await t.sql(
      `SELECT u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'TASK_ASSIGNED' AND n.tenant_id = $1 AND n.link = $2 ORDER BY 1`,
      [ids.pingdingshan, `/joint-invitations/${partId}`],
    );
    expect(partnerTold).toEqual(partnerDrawn);
    const groupOf = new Map(record.input.inspectors.map((i) => [i.key, i.group]));
    const leadGroup = summary.joint.leadGroup;
    expect(record.failure).toBeNull();
    expect(record.result!.teams.length).toBeGreaterThan(10);
    for (const team of record.result!.teams) {
      const groups = team.inspectorKeys.map((k) => groupOf.get(k));
      expect(groups).toEqual(expect.arrayContaining([leadGroup, partnerGroup]));
      if (team.entityKey === entity.uscc) expect(team.inspectorKeys).not.toContain(recused.certificate_no);
    }

    // The participant's own part: the drawn entities, matched to its own directory by USCC, with its own inspectors.
    const parts = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on JointParticipation { drawnEntities(first: 100) { totalCount edges { node { uscc entity { id uscc } inspectors { certificateNo } } } } } } }',
      { id: partId },
      partner,
    );
    expect(parts.errors).toBeUndefined();
    const drawnForPartner = parts.data.node.drawnEntities;
    expect(drawnForPartner.totalCount).toBe(record.result!.teams.length);
    const ownUsccs = new Set((await t.sql(`SELECT uscc FROM market_entities WHERE tenant_id = $1`, [ids.pingdingshan])).map((r) => r.uscc));
    const ownCertificates = new Set(
      (await t.sql(`SELECT certificate_no FROM inspectors WHERE tenant_id = $1`, [ids.pingdingshan])).map((r) => r.certificate_no),
    );
    for (const { node } of drawnForPartner.edges) {
      expect(node.entity?.uscc ?? null).toBe(ownUsccs.has(node.uscc) ? node.uscc : null);
      expect(node.inspectors.length).toBeGreaterThanOrEqual(1);
      for (const i of node.inspectors) expect(ownCertificates.has(i.certificateNo)).toBe(true);
    }
    // The stored teams name the participant's inspectors by their own ids.
    const [{ unresolved }] = await t.sql(`SELECT count(*)::int AS unresolved FROM draw_selections s WHERE s.tenant_id = $1 AND NULL = ANY(s.inspector_ids)`, [
      ids.wugang,
    ]);
    expect(unresolved).toBe(0);
    // And still nothing for the bureau that declined.
    const declinedView = await app.asTenant(ids.changde, 'SELECT * FROM joint_drawn_entities');
    expect(declinedView).toEqual([]);
  });

  it('the lead’s record is confirmed by the lead’s own members: the participant’s inspectors confirm its own record', async () => {
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [
      fromGlobalUuid(jointDrawId, 'Draw'),
    ]);
    const own = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) AND i.tenant_id = $2 ORDER BY u.username`,
      [selection.inspector_ids, ids.wugang],
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThan(selection.inspector_ids.length);
    const members = await Promise.all(own.map((r) => t.login(r.username)));
    const fields = 'id allConfirmed availableActions status team { id }';
    const opened = await t.gql(
      `mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { ${fields} } }`,
      { d: jointDrawId, s: selection.seq },
      members[0],
    );
    expect(opened.errors).toBeUndefined();
    const id = opened.data.openInspection.id;
    expect(opened.data.openInspection.team).toHaveLength(own.length);
    const input = {
      inspectedOn: '2026-09-15',
      place: '舞钢市',
      siteConditions: '现场核查',
      findings: null,
      resultCategory: 'NO_PROBLEM',
      interviewNotes: null,
    };
    expect(
      (await t.gql('mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }', { id, input }, members[0])).errors,
    ).toBeUndefined();
    await proposeHandling(t, id, members[0]!);
    const read = async () => (await t.gql(`query($id: ID!) { node(id: $id) { ... on Inspection { ${fields} } } }`, { id }, lead)).data.node;
    expect((await read()).allConfirmed).toBe(false);
    for (const member of members) expect((await t.gql('mutation($id: ID!) { confirmInspection(id: $id) { id } }', { id }, member)).errors).toBeUndefined();
    expect((await read()).allConfirmed).toBe(true);
    const submitted = await t.gql(`mutation($id: ID!) { transitionInspection(id: $id, action: SUBMIT) { ${fields} } }`, { id }, members[0]);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.transitionInspection.status).toBe('SUBMITTED');
  });
});
