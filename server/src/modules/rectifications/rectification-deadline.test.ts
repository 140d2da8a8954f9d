import { startTestApp, type TestApp } from '../../test-support/test-app';
import { runDeadlineSweep } from '../../jobs/deadlines/deadline-sweep';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { rectificationDeadlines } from './rectification-deadline-source';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

/** The deadline sweep reminds the record's team before a rectification is due and tells the leaders once overdue. */
describe('a rectification’s deadline in the sweep', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
  });
  afterAll(() => t.close());

  it('reminds the team three days before, escalates to the leaders when overdue, and stops once the entity reports; no other bureau hears', async () => {
    const [wugang] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
    const [record] = await t.sql(`SELECT id, entity_name, team_ids FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' ORDER BY seq LIMIT 1`, [
      wugang.id,
    ]);
    const [office] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
    const insert = (dueOn: string) =>
      t.sql(
        `INSERT INTO rectifications (tenant_id, inspection_id, basis, opened_on, due_working_days, due_on, opened_by)
         VALUES ($1, $2, '责令整改', '2026-09-28', 5, $3, $4) RETURNING id`,
        [wugang.id, record.id, dueOn, office.id],
      );
    const [r] = await insert('2026-10-10');
    const team = (await t.sql(`SELECT u.username FROM inspectors p JOIN users u ON u.id = p.user_id WHERE p.id = ANY ($1)`, [record.team_ids])).map(
      (x) => x.username,
    );
    expect(team.length).toBeGreaterThan(0);
    const inbox = async (username: string) =>
      (
        await t.sql(
          `SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = $1 AND n.dedupe_key LIKE '%rectification:%' ORDER BY n.created_at`,
          [username],
        )
      ).map((x) => x.kind);

    expect((await runDeadlineSweep(t.app.services, [rectificationDeadlines], at('2026-10-06T09:00:00'))).reminders).toBe(0);
    expect((await runDeadlineSweep(t.app.services, [rectificationDeadlines], at('2026-10-07T09:00:00'))).reminders).toBe(1);
    expect(await inbox(team[0])).toEqual(['DEADLINE_REMINDER']);
    expect(await inbox('wugang.leader')).toEqual([]);
    expect((await runDeadlineSweep(t.app.services, [rectificationDeadlines], at('2026-10-11T09:00:00'))).overdue).toBe(1);
    expect(await inbox(team[0])).toEqual(['DEADLINE_REMINDER', 'DEADLINE_OVERDUE']);
    expect(await inbox('wugang.leader')).toEqual(['DEADLINE_OVERDUE']);
    expect(await inbox('changde.leader')).toEqual([]);

    // Once the entity has reported, nothing more is due.
    await t.sql(`UPDATE rectifications SET status = 'REPORTED', reported_on = '2026-10-12' WHERE id = $1`, [r.id]);
    await t.sql(`UPDATE rectifications SET status = 'DONE' WHERE id = $1`, [r.id]);
    await insert('2026-11-20');
    await t.sql(`UPDATE rectifications SET status = 'REPORTED' WHERE tenant_id = $1 AND due_on = '2026-11-20'`, [wugang.id]);
    const later = await runDeadlineSweep(t.app.services, [rectificationDeadlines], at('2026-11-25T09:00:00'));
    expect([later.reminders, later.overdue]).toEqual([0, 0]);
  });
});
