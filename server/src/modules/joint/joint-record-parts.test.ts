import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { proposeHandling } from '../../test-support/handling-fixture';

const PART_FIELDS = 'department bureau items team status statusLabel own';
const RECORD_FIELDS = `id status participationId items { name } team { id name } availableActions jointParts { ${PART_FIELDS} }`;
const OPEN = `mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { ${RECORD_FIELDS} } }`;
const OPEN_JOINT = `mutation($p: ID!, $s: Int!) { openJointInspection(participationId: $p, seq: $s) { ${RECORD_FIELDS} } }`;
const READ = `query($id: ID!) { node(id: $id) { ... on Inspection { ${RECORD_FIELDS} accessCode } } }`;
const SAVE = 'mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }';
const MOVE = 'mutation($id: ID!, $action: InspectionAction!) { transitionInspection(id: $id, action: $action) { id status } }';
const ENTITY_VIEW = `query($code: String!) { entityRecord(accessCode: $code) { bureau items jointParts { ${PART_FIELDS} } } }`;

/** Today in China (the server's calendar day), YYYY-MM-DD. */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 联合抽查 inside one bureau: 舞钢's 规划股 leads, 舞钢's 测绘地理信息股 joins. Each department keeps its own
 * part of the record of every drawn entity, whichever opens first; each head reviews only its own part.
 * Then the demo's cross-bureau joint task (舞钢 with 平顶山) keeps both parts too, and 常德 sees nothing.
 */
describe('joint records keep every department’s part', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let tenants: Record<'wugang' | 'pingdingshan' | 'changde', string>;
  let office: string;
  let leader: string;
  let leadHead: string;
  let partHead: string;
  let partId: string;
  let drawId: string;
  let drawUuid: string;
  let taskId: string;
  let leadItemName: string;
  let partItemName: string;
  const tokenOf = new Map<string, string>();

  /** A signed-in member of the record's team (by inspector id). */
  async function member(inspectorId: string): Promise<string> {
    const [{ username }] = await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = $1`, [inspectorId]);
    if (!tokenOf.has(username)) tokenOf.set(username, await t.login(username));
    return tokenOf.get(username)!;
  }

  const globalInspector = (id: string) => toGlobalId('Inspector', id);

  /** The team records (inspected on `inspectedOn`, inside the task's window and after its draw), confirms and submits the record. */
  async function submitByTeam(recordId: string, teamIds: string[], inspectedOn = today()): Promise<void> {
    const tokens = await Promise.all(teamIds.map(member));
    const input = {
      inspectedOn,
      place: '舞钢市',
      siteConditions: '联合实地核查，资料齐全',
      findings: null,
      resultCategory: 'NO_PROBLEM',
      interviewNotes: null,
    };
    const saved = await t.gql(SAVE, { id: recordId, input }, tokens[0]);
    expect(saved.errors).toBeUndefined();
    await proposeHandling(t, recordId, tokens[0]!);
    for (const token of tokens)
      expect((await t.gql('mutation($id: ID!) { confirmInspection(id: $id) { id } }', { id: recordId }, token)).errors).toBeUndefined();
    const submitted = await t.gql(MOVE, { id: recordId, action: 'SUBMIT' }, tokens[0]);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.transitionInspection.status).toBe('SUBMITTED');
  }

  /** Reviewed by its own head (refused to the other), approved by the leader, published by the office. */
  async function reviewApprovePublish(recordId: string, ownHead: string, otherHead: string): Promise<void> {
    const refused = await t.gql(MOVE, { id: recordId, action: 'PASS_REVIEW' }, otherHead);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    const other = (await t.gql(READ, { id: recordId }, otherHead)).data.node;
    expect(other.availableActions).not.toContain('PASS_REVIEW');
    const own = (await t.gql(READ, { id: recordId }, ownHead)).data.node;
    expect(own.availableActions).toContain('PASS_REVIEW');
    for (const [action, who] of [
      ['PASS_REVIEW', ownHead],
      ['APPROVE', leader],
      ['PUBLISH', office],
    ] as const) {
      const moved = await t.gql(MOVE, { id: recordId, action }, who);
      expect({ action, errors: moved.errors }).toEqual({ action, errors: undefined });
    }
  }

  /** The selection's inspectors of one department of 舞钢. */
  async function teamOf(seq: number, department: string): Promise<string[]> {
    const rows = await t.sql(
      `SELECT i.id FROM draw_selections s JOIN inspectors i ON i.id = ANY(s.inspector_ids) JOIN departments d ON d.id = i.department_id
        WHERE s.tenant_id = $1 AND s.draw_id = $2 AND s.seq = $3 AND d.name = $4 ORDER BY i.id`,
      [tenants.wugang, drawUuid, seq, department],
    );
    return rows.map((r) => r.id);
  }

  beforeAll(async () => {
    t = await startTestApp();
    app = await appRoleClient(t.adminUrl);
    const rows = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    const by = (code: string) => rows.find((r) => r.region_code === code)!.id;
    tenants = { wugang: by('410481'), pingdingshan: by('410400'), changde: by('430700') };
    [office, leader, leadHead, partHead] = await Promise.all(['wugang.admin', 'wugang.leader', 'wugang.head01', 'wugang.head02'].map((u) => t.login(u)));
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('builds a joint task of two departments of 舞钢 through the API and draws it', async () => {
    const dept = async (name: string) => (await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = $2`, [tenants.wugang, name]))[0].id as string;
    const [leadDept, partDept] = [await dept('规划股'), await dept('测绘地理信息股')];
    const item = async (department: string) =>
      (
        await t.sql(`SELECT id, name FROM inspection_items WHERE tenant_id = $1 AND department_id = $2 ORDER BY position LIMIT 1`, [tenants.wugang, department])
      )[0];
    const [leadItem, partItem] = [await item(leadDept), await item(partDept)];
    leadItemName = leadItem.name;
    partItemName = partItem.name;
    const created = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          title: '舞钢市规划股、测绘地理信息股联合抽查',
          purpose: '同一单位两个部门联合检查，进一次门、查多项事',
          procedure: '封存名单 → 见证 → 摇号 → 联合检查 → 各部门各自审核、公示',
          divisionOfLabour: '规划股牵头，测绘地理信息股参加',
          confidentiality: '结果公示前不得泄露',
          startsOn: today(),
          endsOn: `${today().slice(0, 4)}-12-31`,
          teamSize: 2,
          joint: true,
          // Outside 舞钢's annual plan: a 专项检查 with its reason, approved by the leader before the draw.
          kind: 'SPECIAL',
          reason: '两部门联合专项检查，减少对企业的重复打扰',
          leadDepartmentId: toGlobalId('Department', leadDept),
          items: [{ itemId: toGlobalId('InspectionItem', leadItem.id), ratio: '0.10' }],
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    taskId = created.data.createTask.id;
    const approved = await t.gql('mutation($id: ID!) { approveTask(id: $id, comment: "同意开展联合专项检查") { id } }', { id: taskId }, leader);
    expect(approved.errors).toBeUndefined();
    const invited = await t.gql(
      'mutation($task: ID!, $dept: ID!) { inviteJointParticipant(taskId: $task, departmentId: $dept) { id } }',
      { task: taskId, dept: toGlobalId('Department', partDept) },
      office,
    );
    expect(invited.errors).toBeUndefined();
    partId = invited.data.inviteJointParticipant.id;
    expect(
      (await t.gql('mutation($id: ID!) { respondJointInvitation(id: $id, accept: true, note: "同意") { status } }', { id: partId }, partHead)).errors,
    ).toBeUndefined();
    const partInspectors = await t.sql(
      `SELECT id FROM inspectors WHERE tenant_id = $1 AND department_id = $2 AND status = 'ACTIVE' AND certificate_valid_to >= $3`,
      [tenants.wugang, partDept, `${today().slice(0, 4)}-12-31`],
    );
    expect(partInspectors.length).toBeGreaterThan(0);
    const saved = await t.gql(
      'mutation($id: ID!, $input: JointPartInput!) { saveJointPart(id: $id, input: $input) { id } }',
      {
        id: partId,
        input: { itemIds: [toGlobalId('InspectionItem', partItem.id)], inspectorIds: partInspectors.map((r) => globalInspector(r.id)) },
      },
      partHead,
    );
    expect(saved.errors).toBeUndefined();
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: taskId }, office);
    expect(committed.errors).toBeUndefined();
    drawId = committed.data.commitDraw.id;
    drawUuid = fromGlobalUuid(drawId, 'Draw')!;
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: WITNESS, value: "见证 同局联合") { id } }', { id: drawId }, leader);
    await t.gql('mutation($id: ID!) { addDrawEntropy(drawId: $id, kind: PUBLIC_NUMBER, value: "618") { id } }', { id: drawId }, office);
    const drawn = await t.gql('mutation($id: ID!) { performDraw(drawId: $id) { status } }', { id: drawId }, office);
    expect(drawn.errors).toBeUndefined();
    const [{ teams }] = await t.sql(`SELECT count(*)::int AS teams FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2`, [tenants.wugang, drawUuid]);
    expect(teams).toBeGreaterThanOrEqual(2);
  });

  for (const [label, seq, leadFirst] of [
    ['the lead department opens first', 0, true],
    ['the participating department opens first', 1, false],
  ] as const) {
    it(`${label}: each department has its own part, recorded, reviewed by its own head, approved and published`, async () => {
      const partTeam = await teamOf(seq, '测绘地理信息股');
      const [{ inspector_ids: all }] = await t.sql(`SELECT inspector_ids FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2 AND seq = $3`, [
        tenants.wugang,
        drawUuid,
        seq,
      ]);
      const leadTeam = (all as string[]).filter((id) => !partTeam.includes(id));
      expect(partTeam.length).toBeGreaterThan(0);
      expect(leadTeam.length).toBeGreaterThan(0);
      const openLead = async () => t.gql(OPEN, { d: drawId, s: seq }, await member(leadTeam[0]!));
      const openPart = async () => t.gql(OPEN_JOINT, { p: partId, s: seq }, await member(partTeam[0]!));
      const first = leadFirst ? await openLead() : await openPart();
      const second = leadFirst ? await openPart() : await openLead();
      expect(first.errors).toBeUndefined();
      expect(second.errors).toBeUndefined();
      const lead = leadFirst ? first.data.openInspection : second.data.openInspection;
      const part = leadFirst ? second.data.openJointInspection : first.data.openJointInspection;
      expect(part.id).not.toBe(lead.id);
      expect(lead).toMatchObject({ participationId: null, items: [{ name: leadItemName }] });
      expect(lead.team.map((i: any) => i.id).sort()).toEqual(leadTeam.map(globalInspector).sort());
      expect(part).toMatchObject({ participationId: partId, items: [{ name: partItemName }] });
      expect(part.team.map((i: any) => i.id).sort()).toEqual(partTeam.map(globalInspector).sort());
      // Opening again finds the same part, from either side.
      expect((await openLead()).data.openInspection.id).toBe(lead.id);
      expect((await openPart()).data.openJointInspection.id).toBe(part.id);
      // A member of one part neither writes nor opens the other's.
      expect(codes(await t.gql(SAVE, { id: lead.id, input: { place: '舞钢市' } }, await member(partTeam[0]!)))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(SAVE, { id: part.id, input: { place: '舞钢市' } }, await member(leadTeam[0]!)))).toEqual(['FORBIDDEN']);
      // The record shows both parts of the visit.
      const parts = (await t.gql(READ, { id: lead.id }, office)).data.node.jointParts;
      expect(parts).toEqual([
        expect.objectContaining({ department: '规划股', items: [leadItemName], status: 'DRAFT', own: true }),
        expect.objectContaining({ department: '测绘地理信息股', items: [partItemName], status: 'DRAFT', own: false }),
      ]);

      await submitByTeam(lead.id, leadTeam);
      await submitByTeam(part.id, partTeam);
      await reviewApprovePublish(lead.id, leadHead, partHead);
      await reviewApprovePublish(part.id, partHead, leadHead);

      const published = await t.gql('query($task: ID!) { publicResults(taskId: $task, first: 100) { edges { node { id items { name } } } } }', {
        task: taskId,
      });
      expect(published.errors).toBeUndefined();
      const shown = new Map(published.data.publicResults.edges.map((e: any) => [e.node.id, e.node.items.map((i: any) => i.name)]));
      expect(shown.get(lead.id)).toEqual([leadItemName]);
      expect(shown.get(part.id)).toEqual([partItemName]);

      // The entity's one view: whichever part's code it holds, it sees every part of the visit.
      const code = (await t.gql(READ, { id: part.id }, office)).data.node.accessCode;
      const seen = await t.gql(ENTITY_VIEW, { code });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.entityRecord.jointParts).toEqual([
        expect.objectContaining({ department: '规划股', items: [leadItemName], status: 'PUBLISHED' }),
        expect.objectContaining({ department: '测绘地理信息股', items: [partItemName], status: 'PUBLISHED' }),
      ]);
    });
  }

  it('lists both departments’ parts among the task’s records', async () => {
    const listed = await t.gql(
      'query($task: ID!) { inspections(taskId: $task, first: 50) { edges { node { participationId items { name } } } } }',
      { task: taskId },
      office,
    );
    expect(listed.errors).toBeUndefined();
    const parts = listed.data.inspections.edges.map((e: any) => [e.node.participationId, e.node.items.map((i: any) => i.name).join()]);
    expect(parts.filter(([p]: [string | null]) => p === null)).toEqual([
      [null, leadItemName],
      [null, leadItemName],
    ]);
    expect(parts.filter(([p]: [string | null]) => p === partId)).toEqual([
      [partId, partItemName],
      [partId, partItemName],
    ]);
  });

  it('keeps both parts in the cross-bureau joint task (舞钢 leads, 平顶山 joins), each reviewed in its own bureau', async () => {
    await seedDemoJointTask(t.app.services);
    const [demo] = await t.sql(
      `SELECT d.id AS draw_id, p.id AS part_id FROM joint_participants p JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id
      WHERE p.lead_tenant_id = $1 AND p.tenant_id = $2 AND d.status = 'DRAWN'`,
      [tenants.wugang, tenants.pingdingshan],
    );
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE tenant_id = $1 AND draw_id = $2 ORDER BY seq LIMIT 1`, [
      tenants.wugang,
      demo.draw_id,
    ]);
    const [own] = await t.sql(`SELECT id FROM inspectors WHERE tenant_id = $1 AND id = ANY($2)`, [tenants.pingdingshan, selection.inspector_ids]);
    const partner = await member(own.id);
    const participation = toGlobalId('JointParticipation', demo.part_id);
    const opened = await t.gql(OPEN_JOINT, { p: participation, s: selection.seq }, partner);
    expect(opened.errors).toBeUndefined();
    const lead = await t.gql(OPEN, { d: toGlobalId('Draw', demo.draw_id), s: selection.seq }, office);
    expect(lead.errors).toBeUndefined();
    expect(lead.data.openInspection.jointParts.map((p: any) => [p.bureau, p.department, p.own])).toEqual([
      ['舞钢市自然资源和规划局', '土地利用股', true],
      ['平顶山市自然资源和规划局', '执法监察支队', false],
    ]);
    expect(opened.data.openJointInspection.jointParts.map((p: any) => [p.department, p.status, p.statusLabel])).toEqual([
      ['土地利用股', null, '尚未建立记录'],
      ['执法监察支队', 'DRAFT', '草稿'],
    ]);
    const reread = await t.gql(READ, { id: opened.data.openJointInspection.id }, partner);
    expect(reread.data.node.jointParts.map((p: any) => [p.department, p.status, p.own])).toEqual([
      ['土地利用股', 'DRAFT', false],
      ['执法监察支队', 'DRAFT', true],
    ]);
    // The demo's joint task was drawn on 2026-09-01 for the window 2026-09-07 to 2026-10-30.
    const inspectedOn = '2026-09-15';
    await submitByTeam(opened.data.openJointInspection.id, [own.id], inspectedOn);
    const pingdingshanHead = await t.login('pingdingshan.head');
    expect((await t.gql(MOVE, { id: opened.data.openJointInspection.id, action: 'PASS_REVIEW' }, pingdingshanHead)).errors).toBeUndefined();
    // 舞钢's heads never reach 平顶山's part.
    expect(codes(await t.gql(MOVE, { id: opened.data.openJointInspection.id, action: 'PASS_REVIEW' }, leadHead))).toEqual(['NOT_FOUND']);
    // 舞钢's part is reviewed by its lead department's head (土地利用股), not by the head of another item's department.
    const leadRecord = lead.data.openInspection;
    const leadMembers = (await t.sql(`SELECT id FROM inspectors WHERE tenant_id = $1 AND id = ANY($2)`, [tenants.wugang, selection.inspector_ids])).map(
      (r) => r.id,
    );
    expect(leadRecord.team.map((i: any) => i.id).sort()).toEqual(leadMembers.map(globalInspector).sort());
    await submitByTeam(leadRecord.id, leadMembers, inspectedOn);
    const [landHead, miningHead] = await Promise.all(['wugang.head03', 'wugang.head04'].map((u) => t.login(u)));
    expect(codes(await t.gql(MOVE, { id: leadRecord.id, action: 'PASS_REVIEW' }, miningHead))).toEqual(['FORBIDDEN']);
    expect((await t.gql(MOVE, { id: leadRecord.id, action: 'PASS_REVIEW' }, landHead)).data.transitionInspection.status).toBe('REVIEWED');
  });

  it('shows a third bureau nothing of either part', async () => {
    const stranger = await t.login('changde.admin');
    const records = await t.sql(`SELECT id FROM inspections WHERE tenant_id IN ($1, $2) AND draw_id IN (SELECT id FROM draws WHERE tenant_id = $1)`, [
      tenants.wugang,
      tenants.pingdingshan,
    ]);
    expect(records.length).toBeGreaterThanOrEqual(5);
    for (const { id } of records) expect(codes(await t.gql(READ, { id: toGlobalId('Inspection', id) }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(OPEN_JOINT, { p: partId, s: 0 }, stranger))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(OPEN, { d: drawId, s: 0 }, stranger))).toEqual(['NOT_FOUND']);
    expect(await app.asTenant(tenants.changde, 'SELECT * FROM joint_visit_parts')).toEqual([]);
    // 平顶山 is party to the demo's joint task only, never to 舞钢's own two-department task.
    const [{ task_id: sameBureauTask }] = await t.sql(`SELECT task_id FROM joint_participants WHERE id = $1`, [fromGlobalUuid(partId, 'JointParticipation')]);
    const seenByPartner = await app.asTenant(tenants.pingdingshan, 'SELECT DISTINCT task_id, lead_tenant_id FROM joint_visit_parts');
    expect(seenByPartner.length).toBe(1);
    expect(seenByPartner[0].task_id).not.toBe(sameBureauTask);
    const listed = await t.gql('{ inspections(first: 100) { edges { node { id } } } }', {}, stranger);
    const ids = new Set(records.map((r) => toGlobalId('Inspection', r.id)));
    expect(listed.data.inspections.edges.filter((e: any) => ids.has(e.node.id))).toEqual([]);
  });
});
