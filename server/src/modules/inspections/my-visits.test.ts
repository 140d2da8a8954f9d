import { fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { seedDemoJointTask } from '../../seed/demo-joint-task';

const VISITS = `{ myVisits(first: 100) { totalCount edges { node { drawId seq taskId taskTitle entityName entityAddress dueOn status inspectionId participationId } } } }`;
const PAGE = `query($after: String) { myVisits(first: 100, after: $after) { edges { node { drawId seq participationId inspectionId } }
  pageInfo { hasNextPage endCursor } } }`;
const AWAITING = `{ inspections(awaitingMe: true, first: 100) { totalCount } }`;

/** 我的检查 and 待我办理: what an inspector has to do right after the draw, before any record is opened. */
describe('myVisits: the inspector’s visits across tasks, from the draw on', () => {
  let t: TestApp;
  let drawId: string;
  let inspector: { username: string; expected: number };

  beforeAll(async () => {
    t = await startTestApp();
    ({ drawId } = await drawWugangTask(t, { title: '外勤测试任务' }));
    // The inspector with the fewest selections of this draw (one page holds them), and how many, as the owner reads them.
    const [row] = await t.sql(
      `SELECT u.username, count(*)::int AS n FROM draw_selections s JOIN inspectors x ON x.tenant_id = s.tenant_id AND x.id = ANY(s.inspector_ids)
        JOIN users u ON u.id = x.user_id WHERE s.draw_id = $1 GROUP BY u.username ORDER BY n, u.username LIMIT 1`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    inspector = { username: row.username, expected: row.n };
  });
  afterAll(() => t.close());

  /** Every page of the viewer's visits. */
  async function everyVisit(token: string): Promise<any[]> {
    const all: any[] = [];
    for (let after: string | null = null, more = true; more;) {
      const page: any = (await t.gql(PAGE, { after }, token)).data.myVisits;
      all.push(...page.edges.map((e: any) => e.node));
      ({ hasNextPage: more, endCursor: after } = page.pageInfo);
    }
    return all;
  }

  it('lists every selection of the inspector’s teams right after the draw, with task, entity, address and deadline', async () => {
    const token = await t.login(inspector.username);
    const result = await t.gql(VISITS, {}, token);
    expect(result.errors).toBeUndefined();
    // Every drawn selection of the inspector's teams in the bureau (this draw's and any the demo holds), none reported yet.
    const [{ n: everyDraw }] = await t.sql(
      `SELECT count(*)::int AS n FROM draw_selections s JOIN draws d ON d.id = s.draw_id AND d.status = 'DRAWN'
        JOIN inspectors x ON x.tenant_id = s.tenant_id AND x.id = ANY(s.inspector_ids) JOIN users u ON u.id = x.user_id
       WHERE u.username = $1 AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.draw_id = s.draw_id AND i.seq = s.seq AND i.status NOT IN ('DRAFT', 'RETURNED'))`,
      [inspector.username],
    );
    expect(inspector.expected).toBeGreaterThan(0);
    expect(result.data.myVisits.totalCount).toBe(everyDraw);
    expect(everyDraw).toBeGreaterThanOrEqual(inspector.expected);
    const visits = result.data.myVisits.edges.map((e: any) => e.node).filter((v: any) => v.drawId === drawId);
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) {
      expect(v).toMatchObject({ taskTitle: '外勤测试任务', status: null, inspectionId: null });
      expect(v.entityName.length).toBeGreaterThan(0);
      expect(v.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // The cause of the empty 待我办理: no record exists before it is opened, so the records' filter finds none of them.
    expect((await t.gql(AWAITING, {}, token)).data.inspections.totalCount).toBe(0);
  });

  it('keeps an opened draft in the list with its record, and drops it once submitted', async () => {
    const token = await t.login(inspector.username);
    const before = (await t.gql(VISITS, {}, token)).data.myVisits;
    const first = before.edges.map((e: any) => e.node).find((v: any) => v.drawId === drawId);
    const opened = await t.gql('mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }', { d: drawId, s: first.seq }, token);
    expect(opened.errors).toBeUndefined();
    const again = (await t.gql(VISITS, {}, token)).data.myVisits.edges.map((e: any) => e.node).find((v: any) => v.drawId === drawId && v.seq === first.seq);
    expect(again).toMatchObject({ status: 'DRAFT', inspectionId: opened.data.openInspection.id });
    await t.sql(`UPDATE inspections SET status = 'SUBMITTED' WHERE id = $1`, [fromGlobalUuid(opened.data.openInspection.id, 'Inspection')]);
    const after = (await t.gql(VISITS, {}, token)).data.myVisits;
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(after.edges.some((e: any) => e.node.drawId === drawId && e.node.seq === first.seq)).toBe(false);
  });

  it('shows nothing of this draw to an inspector of another bureau, nor to the office who is on no team', async () => {
    const other = (
      await t.sql(
        `SELECT u.username FROM users u JOIN inspectors x ON x.user_id = u.id
      WHERE x.tenant_id <> (SELECT tenant_id FROM draws WHERE id = $1) ORDER BY u.username LIMIT 1`,
        [fromGlobalUuid(drawId, 'Draw')],
      )
    )[0].username;
    for (const username of [other, 'wugang.admin']) {
      const result = await t.gql(VISITS, {}, await t.login(username));
      expect(result.errors).toBeUndefined();
      expect(result.data.myVisits.edges.filter((e: any) => e.node.drawId === drawId)).toEqual([]);
    }
  });
  it('lists the entities another bureau’s joint draw gave the participant’s inspector, and their own part’s record once opened', async () => {
    const partnerInspectors = await t.sql(
      `SELECT u.username FROM users u JOIN inspectors x ON x.user_id = u.id JOIN tenants n ON n.id = x.tenant_id WHERE n.region_code = '410400' ORDER BY u.username`,
    );
    const totalOf = async (username: string) => (await t.gql(VISITS, {}, await t.login(username))).data.myVisits.totalCount as number;
    const before = new Map<string, number>();
    for (const { username } of partnerInspectors) before.set(username, await totalOf(username));
    await seedDemoJointTask(t.app.services);
    // 舞钢 leads the demo's joint task, 平顶山's 支队 takes part with its own inspectors.
    const [part] = await t.sql(
      `SELECT p.id, p.tenant_id, p.lead_tenant_id, d.id AS draw_id, t.title FROM joint_participants p
         JOIN draws d ON d.tenant_id = p.lead_tenant_id AND d.task_id = p.task_id AND d.status = 'DRAWN'
         JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id
        WHERE p.status = 'ACCEPTED' AND p.tenant_id <> p.lead_tenant_id LIMIT 1`,
    );
    // Each partner inspector's selections of the lead's draw whose part's record is not yet submitted.
    const drawn = await t.sql(
      `SELECT u.username, count(s.seq)::int AS n FROM inspectors x JOIN users u ON u.id = x.user_id
         LEFT JOIN draw_selections s ON s.tenant_id = $3 AND s.draw_id = $1 AND x.id = ANY(s.inspector_ids)
              AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.tenant_id = $2 AND i.draw_id = s.draw_id AND i.seq = s.seq
                                AND i.participation_id = $4 AND i.status NOT IN ('DRAFT', 'RETURNED'))
        WHERE x.tenant_id = $2 GROUP BY u.username ORDER BY u.username`,
      [part.draw_id, part.tenant_id, part.lead_tenant_id, part.id],
    );
    for (const { username, n } of drawn) expect({ username, total: await totalOf(username) }).toEqual({ username, total: before.get(username)! + n });
    const member = drawn.find((r) => r.n > 0)!;
    const participationId = toGlobalId('JointParticipation', part.id);
    const demoDraw = toGlobalId('Draw', part.draw_id);
    const token = await t.login(member.username);
    const visits = (await t.gql(VISITS, {}, token)).data.myVisits.edges.map((e: any) => e.node).filter((v: any) => v.drawId === demoDraw);
    expect(visits.length).toBeGreaterThan(0);
    for (const v of visits) expect(v).toMatchObject({ taskTitle: part.title, participationId, status: null, inspectionId: null });

    const opened = await t.gql(
      'mutation($p: ID!, $s: Int!) { openJointInspection(participationId: $p, seq: $s) { id } }',
      { p: participationId, s: visits[0].seq },
      token,
    );
    expect(opened.errors).toBeUndefined();
    const again = (await t.gql(VISITS, {}, token)).data.myVisits.edges
      .map((e: any) => e.node)
      .find((v: any) => v.drawId === demoDraw && v.seq === visits[0].seq);
    expect(again).toMatchObject({ status: 'DRAFT', inspectionId: opened.data.openJointInspection.id, participationId });

    // The lead's inspector on the same selection has the lead's own part, without a participation.
    const [lead] = await t.sql(
      `SELECT u.username FROM draw_selections s JOIN inspectors x ON x.id = ANY(s.inspector_ids) AND x.tenant_id = s.tenant_id
         JOIN users u ON u.id = x.user_id WHERE s.tenant_id = $1 AND s.draw_id = $2 AND s.seq = $3 ORDER BY u.username LIMIT 1`,
      [part.lead_tenant_id, part.draw_id, visits[0].seq],
    );
    const leadVisit = (await everyVisit(await t.login(lead.username))).find((v: any) => v.drawId === demoDraw && v.seq === visits[0].seq);
    expect(leadVisit).toMatchObject({ participationId: null, inspectionId: null });

    // A bureau outside the joint task sees none of it.
    const [outsider] = await t.sql(
      `SELECT u.username FROM users u JOIN inspectors x ON x.user_id = u.id WHERE x.tenant_id NOT IN ($1, $2) ORDER BY u.username LIMIT 1`,
      [part.tenant_id, part.lead_tenant_id],
    );
    const theirs = (await t.gql(VISITS, {}, await t.login(outsider.username))).data.myVisits.edges.filter((e: any) => e.node.drawId === demoDraw);
    expect(theirs).toEqual([]);
  });
  it('gives a participating department of the lead’s own bureau its part, not the lead’s record', async () => {
    // This file's draw becomes a joint task whose partner is another department of 舞钢, with the inspector in it.
    const [row] = await t.sql(
      `SELECT d.tenant_id, d.task_id, x.id AS inspector_id, x.department_id FROM draws d JOIN users u ON u.username = $2
         JOIN inspectors x ON x.tenant_id = d.tenant_id AND x.user_id = u.id WHERE d.id = $1`,
      [fromGlobalUuid(drawId, 'Draw'), inspector.username],
    );
    await t.sql(`UPDATE tasks SET joint = true WHERE tenant_id = $1 AND id = $2`, [row.tenant_id, row.task_id]);
    const [part] = await t.sql(
      `INSERT INTO joint_participants (tenant_id, lead_tenant_id, task_id, department_id, status, inspector_ids)
       VALUES ($1, $1, $2, $3, 'ACCEPTED', ARRAY[$4::uuid]) RETURNING id`,
      [row.tenant_id, row.task_id, row.department_id, row.inspector_id],
    );
    const visits = (await everyVisit(await t.login(inspector.username))).filter((v: any) => v.drawId === drawId);
    expect(visits.length).toBeGreaterThan(0);
    expect(new Set(visits.map((v: any) => v.participationId))).toEqual(new Set([toGlobalId('JointParticipation', part.id)]));
  });
});
