import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { proposeHandling } from '../../test-support/handling-fixture';

const OPEN = `mutation($draw: ID!, $seq: Int!) { openInspection(drawId: $draw, seq: $seq) { id accessCode } }`;
const SAVE = `mutation($id: ID!, $input: InspectionInput!) { saveInspection(id: $id, input: $input) { id } }`;
const CONFIRM = `mutation($id: ID!) { confirmInspection(id: $id) { id } }`;
const MOVE = `mutation($id: ID!, $action: InspectionAction!, $comment: String) { transitionInspection(id: $id, action: $action, comment: $comment) { status } }`;
const OBJECT = `mutation($code: String!, $body: String!) { submitEntityStatement(accessCode: $code, kind: OBJECTION, body: $body) { id } }`;
const STATEMENTS = `query($id: ID!) { node(id: $id) { ... on Inspection { statements { id } } } }`;
const ANSWER = `mutation($id: ID!, $answer: String!) { answerEntityStatement(id: $id, answer: $answer) { id } }`;
const INBOX = `{ myNotifications(first: 100) { edges { node { kind title link } } } }`;

const CONTENT = {
  inspectedOn: '2023-06-20',
  place: '舞钢市垭口工业园',
  siteConditions: '现场核查用地范围与批准文件一致',
  findings: null,
  resultCategory: 'NO_PROBLEM',
  interviewNotes: '询问法定代表人，陈述与资料一致',
};

/**
 * One whole cycle through GraphQL — draw, record, objection, return, answer, submit, review, approval,
 * publication — and, after each step, exactly who was told: those who must act next or are affected, never
 * the one who acted.
 */
describe('notifications for every workflow step', () => {
  let t: TestApp;
  let taskId: string;
  let drawId: string;
  let recordId: string;
  let accessCode: string;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  let team: string[];
  let offices: string[];
  let leaders: string[];
  let reviewers: string[];
  let seen = new Set<string>();

  /** The notifications created since the last call, as `username:KIND` pairs, sorted. */
  async function told(): Promise<string[]> {
    const rows = await t.sql(
      `SELECT n.id, u.username, n.kind, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.tenant_id = (SELECT tenant_id FROM users WHERE username = 'wugang.admin') ORDER BY u.username, n.kind`,
    );
    const fresh = rows.filter((r) => !seen.has(r.id));
    seen = new Set(rows.map((r) => r.id));
    return fresh.map((r) => `${r.username}:${r.kind}`).sort();
  }
  const pairs = (users: string[], kind: string) => users.map((u) => `${u}:${kind}`);
  const as = async (username: string) => (tokens[username] ??= await t.login(username));
  const step = async (username: string, action: string, comment?: string) => {
    const moved = await t.gql(MOVE, { id: recordId, action, comment }, await as(username));
    if (moved.errors) throw new Error(JSON.stringify(moved.errors));
  };

  beforeAll(async () => {
    t = await startTestApp();
    const tenant = `(SELECT tenant_id FROM users WHERE username = 'wugang.admin')`;
    const usersWith = async (role: string) =>
      (await t.sql(`SELECT username FROM users WHERE tenant_id = ${tenant} AND $1 = ANY(roles) AND status = 'ACTIVE' ORDER BY username`, [role])).map(
        (r) => r.username as string,
      );
    offices = await usersWith('OFFICE');
    leaders = await usersWith('LEADER');
    expect(offices.length && leaders.length).toBeTruthy();
    for (const r of await t.sql(`SELECT username, id FROM users WHERE tenant_id = ${tenant}`)) ids[r.username] = r.id;
    await told();
  });
  afterAll(() => t.close());

  it('tells each drawn inspector of their assignment, with a link to the task, and not the office that drew', async () => {
    ({ taskId, drawId } = await drawWugangTask(t));
    const drawnUsers = await t.sql(
      `SELECT DISTINCT u.username FROM draw_selections s JOIN inspectors i ON i.id = ANY(s.inspector_ids) JOIN users u ON u.id = i.user_id
        WHERE s.draw_id = $1 AND u.username <> 'wugang.admin' ORDER BY u.username`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    expect(drawnUsers.length).toBeGreaterThan(0);
    const fresh = (await told()).filter((p) => p.endsWith(':TASK_ASSIGNED'));
    expect(fresh).toEqual(
      pairs(
        drawnUsers.map((r) => r.username),
        'TASK_ASSIGNED',
      ).sort(),
    );
    const first = await as(drawnUsers[0].username);
    const inbox = (await t.gql(INBOX, {}, first)).data.myNotifications.edges.map((e: any) => e.node);
    expect(inbox).toContainEqual(expect.objectContaining({ kind: 'TASK_ASSIGNED', link: `/tasks/${taskId}` }));
    expect((await t.gql(INBOX, {}, await as('wugang.admin'))).data.myNotifications.edges.map((e: any) => e.node.kind)).not.toContain('TASK_ASSIGNED');
  });

  it('tells the reviewing head of a submission, the team and the office of an objection, the team of a return', async () => {
    const [selection] = await t.sql(`SELECT seq, inspector_ids, item_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [
      fromGlobalUuid(drawId, 'Draw'),
    ]);
    team = (
      await t.sql(`SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username`, [selection.inspector_ids])
    ).map((r) => r.username);
    // The item's department gets a head from outside the team (nobody reviews their own team's record).
    const [item] = await t.sql(`SELECT department_id FROM inspection_items WHERE id = $1`, [selection.item_ids[0]]);
    const [head] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = (SELECT tenant_id FROM inspectors WHERE id = $1)
        AND NOT (i.id = ANY($2)) ORDER BY u.username DESC LIMIT 1`,
      [selection.inspector_ids[0], selection.inspector_ids],
    );
    await t.sql(`UPDATE users SET roles = '{DEPARTMENT_HEAD}', department_id = $1 WHERE username = $2`, [item.department_id, head.username]);
    ids.head = head.username;
    // Every head who may review it is told: those of the departments of its items (any head, for an item without one).
    reviewers = (
      await t.sql(
        `SELECT u.username FROM users u WHERE u.tenant_id = (SELECT tenant_id FROM inspectors WHERE id = $1) AND 'DEPARTMENT_HEAD' = ANY(u.roles)
            AND u.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM inspectors x WHERE x.user_id = u.id AND x.id = ANY($2))
            AND EXISTS (SELECT 1 FROM inspection_items it WHERE it.id = ANY($3) AND (it.department_id IS NULL OR it.department_id = u.department_id))
          ORDER BY u.username`,
        [selection.inspector_ids[0], selection.inspector_ids, selection.item_ids],
      )
    ).map((r) => r.username as string);
    expect(reviewers).toContain(head.username);

    const opened = (await t.gql(OPEN, { draw: drawId, seq: selection.seq }, await as(team[0]))).data.openInspection;
    recordId = opened.id;
    accessCode = opened.accessCode;
    await t.gql(SAVE, { id: recordId, input: CONTENT }, await as(team[0]));
    await proposeHandling(t, recordId, await as(team[0]));
    for (const member of team) await t.gql(CONFIRM, { id: recordId }, await as(member));
    await told();

    await step(team[0], 'SUBMIT');
    expect(await told()).toEqual(pairs(reviewers, 'RECORD_SUBMITTED'));
    const headInbox = (await t.gql(INBOX, {}, await as(head.username))).data.myNotifications.edges.map((e: any) => e.node);
    expect(headInbox[0]).toMatchObject({ kind: 'RECORD_SUBMITTED', link: `/inspections/${recordId}` });

    const objected = await t.gql(OBJECT, { code: accessCode, body: '对检查结果有异议：复垦方案已按期报备。' });
    expect(objected.errors).toBeUndefined();
    expect(await told()).toEqual(pairs([...new Set([...team, ...offices])], 'OBJECTION_FILED').sort());

    await step(head.username, 'RETURN', '请核实企业提出的异议');
    expect(await told()).toEqual(pairs(team, 'RECORD_RETURNED').sort());
  });

  it('tells the office of the team’s answer to an objection, not the member who answered', async () => {
    const [objection] = (await t.gql(STATEMENTS, { id: recordId }, await as(team[0]))).data.node.statements;
    const answered = await t.gql(ANSWER, { id: objection.id, answer: '经核实，复垦方案已按期报备，检查结果无误。' }, await as(team[1]));
    expect(answered.errors).toBeUndefined();
    expect(await told()).toEqual(
      pairs(
        offices.filter((u) => u !== team[1]),
        'OBJECTION_ANSWERED',
      ).sort(),
    );
  });

  it('tells the leaders of a reviewed record, the office and the team of its approval, the team of its publication', async () => {
    for (const member of team) await t.gql(CONFIRM, { id: recordId }, await as(member));
    await step(team[1], 'SUBMIT');
    expect(await told()).toEqual(pairs(reviewers, 'RECORD_SUBMITTED'));
    await step(ids.head, 'PASS_REVIEW');
    expect(await told()).toEqual(
      pairs(
        leaders.filter((u) => !team.includes(u)),
        'RECORD_REVIEWED',
      ).sort(),
    );
    const approver = leaders.find((u) => !team.includes(u))!;
    await step(approver, 'APPROVE');
    const approvedTold = new Set([...offices, ...team].filter((u) => u !== approver));
    expect(await told()).toEqual(pairs([...approvedTold], 'RECORD_APPROVED').sort());
    await step('wugang.admin', 'PUBLISH');
    expect(await told()).toEqual(pairs(team, 'RECORD_PUBLISHED').sort());
    // Nobody was told of a step of their own.
    const own = await t.sql(
      `SELECT s.action, u.username FROM inspection_steps s JOIN users u ON u.id = s.user_id
        JOIN notifications n ON n.user_id = s.user_id AND n.link = $2 AND n.created_at >= s.at AND n.created_at < s.at + interval '1 second'
         AND n.kind = CASE s.action WHEN 'SUBMIT' THEN 'RECORD_SUBMITTED' WHEN 'RETURN' THEN 'RECORD_RETURNED' WHEN 'PASS_REVIEW' THEN 'RECORD_REVIEWED'
                                    WHEN 'APPROVE' THEN 'RECORD_APPROVED' WHEN 'PUBLISH' THEN 'RECORD_PUBLISHED' END
       WHERE s.inspection_id = $1`,
      [fromGlobalUuid(recordId, 'Inspection'), `/inspections/${recordId}`],
    );
    expect(own).toEqual([]);
    const memberInbox = (await t.gql(INBOX, {}, await as(team[0]))).data.myNotifications.edges.map((e: any) => e.node.kind);
    expect(memberInbox).toEqual(expect.arrayContaining(['TASK_ASSIGNED', 'OBJECTION_FILED', 'RECORD_RETURNED', 'RECORD_APPROVED', 'RECORD_PUBLISHED']));
  });
});
