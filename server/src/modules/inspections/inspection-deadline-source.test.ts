import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { drawWugangTask } from '../../test-support/draw-fixture';
import { runDeadlineSweep } from '../../jobs/deadlines/deadline-sweep';
import { inspectionDeadlines } from './inspection-deadline-source';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('inspection deadlines in the sweep', () => {
  let t: TestApp;
  let team: { id: string; username: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    const { drawId } = await drawWugangTask(t);
    const [selection] = await t.sql(`SELECT seq, inspector_ids FROM draw_selections WHERE draw_id = $1 ORDER BY seq LIMIT 1`, [fromGlobalUuid(drawId, 'Draw')]);
    team = await t.sql(`SELECT u.id, u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1)`, [selection.inspector_ids]);
    const member = await t.login(team[0]!.username);
    const opened = await t.gql('mutation($d: ID!, $s: Int!) { openInspection(drawId: $d, seq: $s) { id } }', { d: drawId, s: selection.seq }, member);
    const saved = await t.gql('mutation($id: ID!) { saveInspection(id: $id, input: { inspectedOn: "2023-06-20", place: null, siteConditions: null, findings: null, resultCategory: null, interviewNotes: null }) { reportDueOn } }', { id: opened.data.openInspection.id }, member);
    expect(saved.data.saveInspection.reportDueOn).toBe('2023-06-26');
  });
  afterAll(() => t.close());

  const inbox = async (userId: string) =>
    (await t.sql(`SELECT kind, title FROM notifications WHERE user_id = $1 AND kind LIKE 'DEADLINE_%' ORDER BY created_at`, [userId])).map((r) => [r.kind, r.title]);

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
    // Nobody outside the team hears of it.
    const [{ n }] = await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'DEADLINE_%' AND NOT (user_id = ANY($1))`, [team.map((m) => m.id)]);
    expect(n).toBe(0);
  });
});
