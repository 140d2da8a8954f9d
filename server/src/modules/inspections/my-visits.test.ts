import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';

const VISITS = `{ myVisits(first: 100) { totalCount edges { node { drawId seq taskId taskTitle entityName entityAddress dueOn status inspectionId } } } }`;
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
});
