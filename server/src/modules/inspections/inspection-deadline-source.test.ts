import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { runDeadlineSweep } from '../../jobs/deadlines/deadline-sweep';
import { inspectionDeadlines } from './inspection-deadline-source';
import { unreportedSelections } from './unreported-selections';
import { seedDemoJointTask } from '../../seed/demo-joint-task';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('inspection deadlines in the sweep', () => {
  let t: TestApp;
  let team: { id: string; username: string }[];
  let recordId: string;
  let drawId: string;
  let people: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    ({ drawId } = await drawWugangTask(t));
    people = Object.fromEntries((await t.sql(`SELECT username, id FROM users WHERE username LIKE 'wugang.%'`)).map((r) => [r.username, r.id]));
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [fromGlobalUuid(drawId, 'Draw')]);
    team = await t.sql(`SELECT u.id, u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1)`, [selection.inspector_ids]);
    const member = await t.login(team[0]!.username);
    const opened = await t.gql('mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }', { d: drawId, s: selection.seq }, member);
    recordId = opened.data.openInspection.id;
    const saved = await t.gql(
      'mutation($id: ID!) { saveInspection(id: $id, input: { inspectedOn: "2023-06-20", place: null, siteConditions: null, findings: null, resultCategory: null, interviewNotes: null }) { reportDueOn } }',
      { id: recordId },
      member,
    );
    expect(saved.data.saveInspection.reportDueOn).toBe('2023-06-26');
  });
  afterAll(() => t.close());

  const inbox = async (userId: string) =>
    (await t.sql(`SELECT kind, title FROM notifications WHERE user_id = $1 AND kind LIKE 'DEADLINE_%' ORDER BY created_at`, [userId])).map((r) => [
      r.kind,
      r.title,
    ]);

  it('reminds the team the day before the report is due and tells it once when it is overdue', async () => {
    const services = t.app.services;
    expect((await runDeadlineSweep(services, [inspectionDeadlines], at('2023-06-24T09:00:00'))).reminders).toBe(0);
    expect((await runDeadlineSweep(services, [inspectionDeadlines], at('2023-06-25T09:00:00'))).reminders).toBe(1);
    await runDeadlineSweep(services, [inspectionDeadlines], at('2023-06-25T15:00:00'));
    expect((await runDeadlineSweep(services, [inspectionDeadlines], at('2023-06-27T08:00:00'))).overdue).toBe(1);
    await runDeadlineSweep(services, [inspectionDeadlines], at('2023-06-28T08:00:00'));
    for (const member of team) {
      expect(await inbox(member.id)).toEqual([
        ['DEADLINE_REMINDER', expect.stringMatching(/^即将到期：.+ 检查报告$/)],
        ['DEADLINE_OVERDUE', expect.stringMatching(/^已逾期：.+ 检查报告$/)],
      ]);
    }
    // Nobody outside the team hears of it but the leader, and the leader only once it is overdue.
    const others = await t.sql(`SELECT user_id, kind FROM notifications WHERE kind LIKE 'DEADLINE_%' AND NOT (user_id = ANY($1))`, [team.map((m) => m.id)]);
    expect(others).toEqual([{ user_id: people['wugang.leader'], kind: 'DEADLINE_OVERDUE' }]);
  });

  it('gives review, approval and publication their own deadlines: the head, the leader and the office are reminded, the leader told of any overdue', async () => {
    const id = fromGlobalUuid(recordId, 'Inspection');
    const services = t.app.services;
    const titles = async (userId: string, what: string) =>
      (await t.sql(`SELECT kind FROM notifications WHERE user_id = $1 AND title LIKE $2 ORDER BY created_at, kind`, [userId, `%${what}`])).map((r) => r.kind);
    const [{ item_ids }] = await t.sql(`SELECT item_ids FROM inspections WHERE id = $1`, [id]);
    const heads = (
      await t.sql(
        `SELECT u.id FROM users u WHERE 'DEPARTMENT_HEAD' = ANY(u.roles) AND u.department_id IN (SELECT department_id FROM inspection_items WHERE id = ANY($1))`,
        [item_ids],
      )
    ).map((r) => r.id);
    expect(heads.length).toBeGreaterThan(0);
    // Waiting for review, due 2031-03-05 (a Wednesday).
    await t.sql(
      `UPDATE inspections SET status = 'SUBMITTED', review_due_on = '2031-03-05', approval_due_on = '2031-03-10', publication_due_on = '2031-03-19' WHERE id = $1`,
      [id],
    );
    await runDeadlineSweep(services, [inspectionDeadlines], at('2031-03-04T09:00:00'));
    await runDeadlineSweep(services, [inspectionDeadlines], at('2031-03-06T09:00:00'));
    for (const head of heads) expect(await titles(head, '检查报告审核')).toEqual(['DEADLINE_REMINDER', 'DEADLINE_OVERDUE']);
    expect(await titles(people['wugang.leader']!, '检查报告审核')).toEqual(['DEADLINE_OVERDUE']);
    // Reviewed: the leader must approve.
    await t.sql(`UPDATE inspections SET status = 'REVIEWED' WHERE id = $1`, [id]);
    await runDeadlineSweep(services, [inspectionDeadlines], at('2031-03-09T09:00:00'));
    expect(await titles(people['wugang.leader']!, '检查结果审批')).toEqual(['DEADLINE_REMINDER']);
    // Approved: the office publishes; the leader hears when it is late.
    await t.sql(`UPDATE inspections SET status = 'APPROVED' WHERE id = $1`, [id]);
    await runDeadlineSweep(services, [inspectionDeadlines], at('2031-03-18T09:00:00'));
    await runDeadlineSweep(services, [inspectionDeadlines], at('2031-03-20T09:00:00'));
    expect(await titles(people['wugang.admin']!, '检查结果公示')).toEqual(['DEADLINE_REMINDER', 'DEADLINE_OVERDUE']);
    expect(await titles(people['wugang.leader']!, '检查结果公示')).toEqual(['DEADLINE_OVERDUE']);
    for (const member of team) expect(await titles(member.id, '检查结果公示')).toEqual([]);
  });

  it('tells the department heads and the leader when a window closes with drawn entities never reported (seen: 167 drawn, no record, nothing said)', async () => {
    const draw = fromGlobalUuid(drawId, 'Draw');
    const [{ n, title }] = await t.sql(
      `SELECT count(*)::int AS n, (SELECT t.title FROM tasks t JOIN draws d ON d.task_id = t.id WHERE d.id = $1) AS title
         FROM draw_selections s WHERE s.draw_id = $1
          AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.draw_id = s.draw_id AND i.seq = s.seq AND i.status NOT IN ('DRAFT', 'RETURNED'))`,
      [draw],
    );
    expect(n).toBeGreaterThan(1);
    // The window (2023-06-05 – 11-24) closed long ago: told once, however often the sweep runs.
    await runDeadlineSweep(t.app.services, [unreportedSelections], at('2031-04-01T09:00:00'));
    await runDeadlineSweep(t.app.services, [unreportedSelections], at('2031-04-02T09:00:00'));
    const told = await t.sql(`SELECT u.username, x.kind, x.body FROM notifications x JOIN users u ON u.id = x.user_id WHERE x.title = $1 ORDER BY u.username`, [
      `已逾期：${title} 摇中对象未提交检查报告`,
    ]);
    expect(told.map((r) => r.username)).toEqual(expect.arrayContaining(['wugang.leader', 'wugang.head01']));
    expect(told.every((r) => r.kind === 'DEADLINE_OVERDUE' && r.body.includes(`尚有 ${n} 个摇中的检查对象未提交检查报告`))).toBe(true);
    expect(told.map((r) => r.username).filter((u) => u.startsWith('wugang.inspector') || !u.startsWith('wugang.'))).toEqual([]);
  });

  it('tells a joint task’s participant of its own share never reported, in its own bureau only', async () => {
    await seedDemoJointTask(t.app.services);
    // The demo's joint window closed on 2026-10-30.
    await runDeadlineSweep(t.app.services, [unreportedSelections], at('2026-10-31T09:00:00'));
    const told = await t.sql(
      `SELECT u.username, n.link FROM notifications n JOIN users u ON u.id = n.user_id
        WHERE n.title LIKE '已逾期：%联合随机抽查 摇中对象未提交检查报告' ORDER BY u.username`,
    );
    const usernames = told.map((r) => r.username);
    expect(usernames).toContain('pingdingshan.head');
    expect(usernames).toContain('wugang.leader');
    expect(usernames.filter((u) => !u.startsWith('pingdingshan.') && !u.startsWith('wugang.'))).toEqual([]);
    expect(told.find((r) => r.username === 'pingdingshan.head').link).toMatch(/^\/joint-invitations\//);
  });
});
