import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { todayInChina } from './inspection-deadlines';

const ALL = `{ inspections(first: 100) { totalCount edges { node { id status availableActions } } } }`;
const FILTERED = `query($awaiting: Boolean, $due: Int, $overdue: Boolean, $mine: Boolean) {
  inspections(awaitingMe: $awaiting, dueWithinDays: $due, overdue: $overdue, mine: $mine, first: 100) { totalCount edges { node { id status reportDueOn publicationDueOn availableActions } } } }`;
const TASKS = `query($mine: Boolean, $inProgress: Boolean) { tasks(mine: $mine, inProgress: $inProgress, first: 100) { totalCount edges { node { id title status endsOn } } } }`;
const STATEMENTS = `query($mine: Boolean, $open: Boolean) { entityStatements(mine: $mine, open: $open) { totalCount edges { node { id kind inspection { id } } } } }`;
const SUBMIT = `mutation($code: String!, $body: String!) { submitEntityStatement(accessCode: $code, kind: OBJECTION, body: $body) { id } }`;

const ids = (result: any) => result.data.inspections.edges.map((e: any) => e.node.id).sort();

/** A day `n` calendar days from today in China. */
function dayFromToday(n: number): string {
  const d = new Date(`${todayInChina()}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

describe('the workbench’s lists: records awaiting me, deadlines coming, my tasks and my open statements', () => {
  let t: TestApp;
  const tokens = new Map<string, string>();
  const as = async (username: string) => tokens.get(username) ?? tokens.set(username, await t.login(username)).get(username)!;
  let wugangUsers: string[];

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    wugangUsers = (
      await t.sql(`SELECT username FROM users WHERE tenant_id = (SELECT id FROM tenants WHERE region_code = '410481') AND status = 'ACTIVE' ORDER BY username`)
    ).map((r) => r.username);
  });
  afterAll(() => t.close());

  it('lists as awaiting me exactly the records whose availableActions are not empty, for every member of the bureau', async () => {
    // One record waits for publication, so that the office has something to do too.
    const [submitted] = await t.sql(`SELECT id FROM inspections WHERE status = 'SUBMITTED' ORDER BY seq LIMIT 1`);
    await t.sql(`UPDATE inspections SET status = 'APPROVED', approved_at = now(), publication_due_on = $2 WHERE id = $1`, [submitted.id, dayFromToday(1)]);
    const seen = new Map<string, string[]>();
    for (const username of wugangUsers) {
      const token = await as(username);
      const all = (await t.gql(ALL, {}, token)).data.inspections;
      expect(all.totalCount).toBeLessThanOrEqual(100);
      const expected = all.edges
        .filter((e: any) => e.node.availableActions.length > 0)
        .map((e: any) => e.node.id)
        .sort();
      const awaiting = await t.gql(FILTERED, { awaiting: true }, token);
      expect(awaiting.errors).toBeUndefined();
      expect({ username, ids: ids(awaiting) }).toEqual({ username, ids: expected });
      seen.set(username, expected);
    }
    // The office publishes, the team members of the returned records resubmit, a head reviews its own department's records only.
    expect(seen.get('wugang.admin')).toHaveLength(1);
    const returned = await t.sql(
      `SELECT u.username FROM inspections i JOIN inspectors x ON x.id = ANY(i.team_ids) JOIN users u ON u.id = x.user_id WHERE i.status = 'RETURNED'`,
    );
    for (const { username } of returned) expect(seen.get(username)!.length).toBeGreaterThan(0);
    // Each record waiting for review waits for the head of its items' department, not for every head.
    const heads = wugangUsers.filter((u) => u.startsWith('wugang.head'));
    const inReview = (await t.gql(FILTERED, {}, await as('wugang.admin'))).data.inspections.edges.filter((e: any) => e.node.status === 'SUBMITTED');
    expect(inReview).toHaveLength(3);
    for (const { node } of inReview) {
      const reviewers = heads.filter((h) => seen.get(h)!.includes(node.id));
      expect(reviewers.length).toBeGreaterThan(0);
      expect(reviewers.length).toBeLessThan(heads.length);
    }
    // An inspector outside every team of an open record sees nothing waiting, though the workflow's role would allow SUBMIT.
    const idle = wugangUsers.filter((u) => u.startsWith('wugang.inspector') && seen.get(u)!.length === 0);
    expect(idle.length).toBeGreaterThan(0);
    for (const username of idle) {
      const all = (await t.gql(ALL, {}, await as(username))).data.inspections.edges;
      expect(all.filter((e: any) => ['DRAFT', 'RETURNED'].includes(e.node.status)).every((e: any) => e.node.availableActions.length === 0)).toBe(true);
    }
  });

  it('lists deadlines coming within N working days, apart from those already overdue or done', async () => {
    const [soon, later] = await t.sql(`SELECT id FROM inspections WHERE status = 'RETURNED' ORDER BY seq`);
    await t.sql(`UPDATE inspections SET report_due_on = $2 WHERE id = $1`, [soon.id, dayFromToday(1)]);
    await t.sql(`UPDATE inspections SET report_due_on = $2 WHERE id = $1`, [later.id, dayFromToday(40)]);
    const office = await as('wugang.admin');
    const due = await t.gql(FILTERED, { due: 3 }, office);
    expect(due.errors).toBeUndefined();
    const approved = (await t.sql(`SELECT id FROM inspections WHERE status = 'APPROVED'`)).map((r) => r.id);
    // The records the demo submitted today wait for review, due 3 working days after the submission.
    const inReview = (await t.sql(`SELECT id FROM inspections WHERE status = 'SUBMITTED' AND review_due_on IS NOT NULL`)).map((r) => r.id);
    expect(inReview).toHaveLength(3);
    expect(
      ids(due)
        .map((id: string) => fromGlobalUuid(id, 'Inspection'))
        .sort(),
    ).toEqual([soon.id, ...approved, ...inReview].sort());
    expect((await t.gql(FILTERED, { due: 60 }, office)).data.inspections.totalCount).toBe(6);
    // Overdue is a list of its own: the returned records due in the past are not "coming".
    await t.sql(`UPDATE inspections SET report_due_on = '2023-07-01' WHERE id = $1`, [later.id]);
    expect(ids(await t.gql(FILTERED, { overdue: true }, office)).map((id: string) => fromGlobalUuid(id, 'Inspection'))).toEqual([later.id]);
    expect((await t.gql(FILTERED, { due: 60 }, office)).data.inspections.totalCount).toBe(5);
    // With mine, only the team's own.
    const [member] = await t.sql(
      `SELECT u.username, x.id AS inspector_id FROM inspections i JOIN inspectors x ON x.id = ANY(i.team_ids) JOIN users u ON u.id = x.user_id WHERE i.id = $1 ORDER BY u.username LIMIT 1`,
      [soon.id],
    );
    // The member may also sit on the approved record whose publication is due tomorrow, or on one in review: those are theirs too.
    const alsoTheirs = (await t.sql(`SELECT id FROM inspections WHERE status IN ('APPROVED', 'SUBMITTED') AND $1 = ANY(team_ids)`, [member.inspector_id])).map(
      (r) => r.id,
    );
    const mine = await t.gql(FILTERED, { due: 3, mine: true }, await as(member.username));
    expect(
      ids(mine)
        .map((id: string) => fromGlobalUuid(id, 'Inspection'))
        .sort(),
    ).toEqual([soon.id, ...alsoTheirs].sort());
    const [outsider] = await t.sql(
      `SELECT u.username FROM inspectors x JOIN users u ON u.id = x.user_id, inspections i WHERE i.id = $1 AND x.tenant_id = i.tenant_id AND NOT x.id = ANY(i.team_ids) ORDER BY u.username LIMIT 1`,
      [soon.id],
    );
    const others = await t.gql(FILTERED, { due: 3, mine: true }, await as(outsider.username));
    expect(ids(others).map((id: string) => fromGlobalUuid(id, 'Inspection'))).not.toContain(soon.id);
    expect(codes(await t.gql(FILTERED, { due: 0 }, office))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(FILTERED, { due: 61 }, office))).toEqual(['BAD_USER_INPUT']);
  });

  it('lists the tasks I was drawn for, and the tasks in progress', async () => {
    const [record] = await t.sql(
      `SELECT i.task_id, u.username FROM inspections i JOIN inspectors x ON x.id = ANY(i.team_ids) JOIN users u ON u.id = x.user_id ORDER BY i.seq LIMIT 1`,
    );
    const mine = (await t.gql(TASKS, { mine: true }, await as(record.username))).data.tasks;
    expect(mine.edges.map((e: any) => fromGlobalUuid(e.node.id, 'Task'))).toContain(record.task_id);
    const drawnFor = await t.sql(
      `SELECT DISTINCT d.task_id FROM draws d JOIN draw_selections s ON s.draw_id = d.id JOIN inspectors x ON x.id = ANY(s.inspector_ids) JOIN users u ON u.id = x.user_id WHERE u.username = $1`,
      [record.username],
    );
    expect(mine.totalCount).toBe(drawnFor.length);
    expect((await t.gql(TASKS, { mine: true }, await as('wugang.admin'))).data.tasks.totalCount).toBe(0);

    const inProgress = (await t.gql(TASKS, { inProgress: true }, await as('wugang.admin'))).data.tasks.edges.map((e: any) => e.node);
    const today = todayInChina();
    for (const task of inProgress) expect(['DRAFT', 'COMMITTED'].includes(task.status) || (task.status === 'DRAWN' && task.endsOn >= today)).toBe(true);
    // 舞钢's 2023 task ended long ago.
    const [old] = await t.sql(`SELECT id FROM tasks WHERE starts_on = '2023-06-05'`);
    expect(inProgress.map((task: any) => fromGlobalUuid(task.id, 'Task'))).not.toContain(old.id);
    const [{ count }] = await t.sql(
      `SELECT count(*)::int AS count FROM tasks WHERE tenant_id = (SELECT id FROM tenants WHERE region_code = '410481') AND (status IN ('DRAFT', 'COMMITTED') OR (status = 'DRAWN' AND ends_on >= $1))`,
      [today],
    );
    expect(inProgress).toHaveLength(count);
  });

  it('shows a team member the open statements on the team’s records, and nobody else’s', async () => {
    const [record] = await t.sql(`SELECT id, access_code, team_ids FROM inspections WHERE status = 'PUBLISHED' ORDER BY seq LIMIT 1`);
    const sent = await t.gql(SUBMIT, { code: record.access_code, body: '对检查结果有异议，请复核。' });
    expect(sent.errors).toBeUndefined();
    const team = await t.sql(`SELECT u.username FROM inspectors x JOIN users u ON u.id = x.user_id WHERE x.id = ANY($1)`, [record.team_ids]);
    const [outsider] = await t.sql(
      `SELECT u.username FROM inspectors x JOIN users u ON u.id = x.user_id WHERE x.tenant_id = (SELECT tenant_id FROM inspections WHERE id = $1) AND NOT (x.id = ANY($2)) ORDER BY u.username LIMIT 1`,
      [record.id, record.team_ids],
    );
    for (const { username } of team) {
      const mine = (await t.gql(STATEMENTS, { mine: true, open: true }, await as(username))).data.entityStatements;
      expect(mine.edges.map((e: any) => e.node.id)).toEqual([sent.data.submitEntityStatement.id]);
    }
    expect((await t.gql(STATEMENTS, { mine: true, open: true }, await as(outsider.username))).data.entityStatements.totalCount).toBe(0);
    // Without `mine`, the bureau-wide list stays with those who oversee it.
    expect(codes(await t.gql(STATEMENTS, { open: true }, await as(team[0].username)))).toEqual(['FORBIDDEN']);
    expect((await t.gql(STATEMENTS, { open: true }, await as('wugang.admin'))).data.entityStatements.totalCount).toBe(1);
  });

  it('keeps another bureau’s records, tasks and statements out of every workbench list', async () => {
    for (const username of ['changde.admin', 'changde.leader', 'changde.head01', 'changde.inspector01']) {
      const token = await as(username);
      for (const variables of [{ awaiting: true }, { due: 60 }, { overdue: true }, { mine: true }]) {
        const result = await t.gql(FILTERED, variables, token);
        expect(result.errors).toBeUndefined();
        expect({ username, variables, count: result.data.inspections.totalCount }).toEqual({ username, variables, count: 0 });
      }
      expect((await t.gql(TASKS, { mine: true }, token)).data.tasks.totalCount).toBe(0);
      expect((await t.gql(STATEMENTS, { mine: true, open: true }, token)).data.entityStatements.totalCount).toBe(0);
    }
    const wugangTasks = (await t.gql(TASKS, { inProgress: true }, await as('wugang.admin'))).data.tasks.edges.map((e: any) => e.node.id);
    const changdeTasks = (await t.gql(TASKS, { inProgress: true }, await as('changde.admin'))).data.tasks.edges.map((e: any) => e.node.id);
    expect(changdeTasks.filter((id: string) => wugangTasks.includes(id))).toEqual([]);
  });
});
