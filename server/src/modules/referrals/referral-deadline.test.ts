import { inTenant } from '../../db/tenancy';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { ReferralTargetKind } from './referral.entity';
import { acceptDueOn } from './referral.service';
import { runDeadlineSweep } from '../../jobs/deadlines/deadline-sweep';
import { referralDeadlines } from './referral-deadline-source';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

/** The acceptance deadline counts working days on the calendar: across 国庆 2026 and a bureau's own days off. */
describe('a referral’s acceptance deadline', () => {
  let t: TestApp;
  let wugang: string;

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
  });
  afterAll(() => t.close());

  const due = (kind: ReferralTargetKind, sentOn: string) => inTenant(t.app.services.db, wugang, (m) => acceptDueOn(m, wugang, kind, sentOn));

  it('skips the National Day week and counts its make-up Saturday', async () => {
    // Sent Wednesday 30 September: 8, 9, 10 (Saturday, worked), 12 and 13 October are the five working days.
    expect((await due(ReferralTargetKind.BUREAU, '2026-09-30')).date).toBe('2026-10-13');
    // An ordinary week: Monday + 5 working days is the next Monday.
    expect((await due(ReferralTargetKind.DEPARTMENT, '2026-11-09')).date).toBe('2026-11-16');
  });

  it('applies the referring bureau’s own day off within the bureau, not across bureaus', async () => {
    await t.sql(`INSERT INTO calendar_adjustments (tenant_id, date, working, note) VALUES ($1, '2026-10-12', false, '本地调休')`, [wugang]);
    expect((await due(ReferralTargetKind.DEPARTMENT, '2026-09-30')).date).toBe('2026-10-14');
    expect((await due(ReferralTargetKind.EXTERNAL, '2026-09-30')).date).toBe('2026-10-14');
    expect((await due(ReferralTargetKind.BUREAU, '2026-09-30')).date).toBe('2026-10-13');
  });

  it('reminds the receiving department’s head the day before, and tells its leaders once overdue; no other bureau hears of it', async () => {
    const [pds] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410400'`);
    const [dept] = await t.sql(`SELECT id FROM departments WHERE tenant_id = $1 AND name = '执法监察支队'`, [pds.id]);
    const [office] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
    await t.sql(
      `INSERT INTO referrals (tenant_id, inspection_id, status, target_kind, target_tenant_id, target_department_id, target_bureau_name,
              target_department_name, reason, entity_name, entity_uscc, findings, proposed_by, proposed_at, sent_on, accept_due_on)
       VALUES ($1, gen_random_uuid(), 'SENT', 'BUREAU', $2, $3, '平顶山市自然资源和规划局', '执法监察支队', '移送立案查处',
               '某某矿业有限公司', '91410481MA00000000', '未批先占', $4, now(), '2026-09-30', '2026-10-13')`,
      [wugang, pds.id, dept.id, office.id],
    );
    const inbox = async (username: string) =>
      (
        await t.sql(
          `SELECT n.kind, n.title FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.username = $1 AND n.kind LIKE 'DEADLINE_%' ORDER BY n.created_at`,
          [username],
        )
      ).map((r) => `${r.kind} ${r.title}`);
    expect((await runDeadlineSweep(t.app.services, [referralDeadlines], at('2026-10-11T09:00:00'))).reminders).toBe(0);
    expect((await runDeadlineSweep(t.app.services, [referralDeadlines], at('2026-10-12T09:00:00'))).reminders).toBe(1);
    expect((await runDeadlineSweep(t.app.services, [referralDeadlines], at('2026-10-14T09:00:00'))).overdue).toBe(1);
    const notice = (kind: string) => expect.stringMatching(new RegExp(`^${kind} .*某某矿业有限公司 移送案件接收$`));
    expect(await inbox('pingdingshan.head')).toEqual([notice('DEADLINE_REMINDER'), notice('DEADLINE_OVERDUE')]);
    expect(await inbox('pingdingshan.leader')).toEqual([notice('DEADLINE_OVERDUE')]);
    for (const stranger of ['wugang.admin', 'wugang.leader', 'changde.leader']) expect(await inbox(stranger)).toEqual([]);
  });
});
