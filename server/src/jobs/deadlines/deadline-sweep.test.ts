import { startTestApp, type TestApp } from '../../test-support/test-app';
import type { DeadlineItem, DeadlineSource } from './deadline-source';
import { runDeadlineSweep, overdueFrom } from './deadline-sweep';

const at = (beijing: string) => new Date(`${beijing}+08:00`);

describe('the deadline sweep', () => {
  let t: TestApp;
  let changde: string;
  let wugang: string;
  let people: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp();
    const rows = await t.sql(`SELECT username, id, tenant_id FROM users WHERE username IN ('changde.admin', 'changde.supervisor', 'wugang.admin')`);
    people = Object.fromEntries(rows.map((r) => [r.username, r.id]));
    changde = rows.find((r) => r.username === 'changde.admin').tenant_id;
    wugang = rows.find((r) => r.username === 'wugang.admin').tenant_id;
  });
  afterAll(() => t.close());

  /** A source holding items per tenant in memory, remembering what it was told was overdue. */
  const source = (name: string, items: Record<string, DeadlineItem[]>) => {
    const marked: string[] = [];
    const s: DeadlineSource & { marked: string[]; items: Record<string, DeadlineItem[]> } = {
      name,
      items,
      marked,
      due: async (m, _now, tenantId) => {
        // Runs in the tenant's scope: the transaction sees this tenant only.
        const [{ scope }] = (await m.query(`SELECT current_setting('app.tenant_id') AS scope`)) as { scope: string }[];
        expect(scope).toBe(tenantId);
        return s.items[tenantId] ?? [];
      },
      markOverdue: async (_m, item) => {
        marked.push(item.key);
      },
    };
    return s;
  };
  const inbox = (userId: string) =>
    t.sql(`SELECT kind, title, body, link FROM notifications WHERE user_id = $1 AND kind LIKE 'DEADLINE_%' ORDER BY created_at, kind`, [userId]);
  const sweep = (sources: DeadlineSource[], now: Date) => runDeadlineSweep(t.app.services, sources, now);

  it('reminds once from the reminder day and flags overdue once after the last day, however often it runs', async () => {
    const report: DeadlineItem = {
      key: 'test:report-1',
      dueOn: '2026-06-10',
      remindOn: '2026-06-08',
      recipients: [people['changde.admin'], people['changde.supervisor']],
      title: '某测绘公司 检查结果录入',
      link: '/tasks/1',
    };
    const s = source('test-reports', { [changde]: [report] });

    expect(await sweep([s], at('2026-06-07T23:59:59'))).toMatchObject({ reminders: 0, overdue: 0 });
    expect(await inbox(people['changde.admin'])).toEqual([]);

    expect(await sweep([s], at('2026-06-08T00:00:00'))).toMatchObject({ reminders: 1, overdue: 0 });
    await sweep([s], at('2026-06-09T10:00:00'));
    await Promise.all([sweep([s], at('2026-06-10T23:59:59')), sweep([s], at('2026-06-10T23:59:59'))]);
    const reminded = [{ kind: 'DEADLINE_REMINDER', title: '即将到期：某测绘公司 检查结果录入', body: '截止时间 2026-06-10', link: '/tasks/1' }];
    expect(await inbox(people['changde.admin'])).toEqual(reminded);
    expect(await inbox(people['changde.supervisor'])).toEqual(reminded);
    expect(s.marked).toEqual([]);

    expect(await sweep([s], at('2026-06-11T00:00:00'))).toMatchObject({ reminders: 0, overdue: 1 });
    const results = await Promise.all([sweep([s], at('2026-06-11T00:05:00')), sweep([s], at('2026-06-11T00:05:00')), sweep([s], at('2026-06-12T09:00:00'))]);
    expect(results.map((r) => r.overdue)).toEqual([0, 0, 0]);
    const both = [...reminded, { kind: 'DEADLINE_OVERDUE', title: '已逾期：某测绘公司 检查结果录入', body: '截止时间 2026-06-10 已过', link: '/tasks/1' }];
    expect(await inbox(people['changde.admin'])).toEqual(both);
    expect(await inbox(people['changde.supervisor'])).toEqual(both);
    expect(s.marked).toEqual(['test:report-1']);
    expect(await t.sql(`SELECT kind, source, recipients FROM deadline_notices WHERE key = 'test:report-1' ORDER BY kind`)).toEqual([
      { kind: 'DEADLINE_OVERDUE', source: 'test-reports', recipients: 2 },
      { kind: 'DEADLINE_REMINDER', source: 'test-reports', recipients: 2 },
    ]);

    // An extended deadline is a new deadline: reminded and flagged again.
    s.items[changde] = [{ ...report, dueOn: '2026-06-20', remindOn: '2026-06-18' }];
    expect(await sweep([s], at('2026-06-18T08:00:00'))).toMatchObject({ reminders: 1 });
    expect(await sweep([s], at('2026-06-21T08:00:00'))).toMatchObject({ overdue: 1 });
    expect(s.marked).toEqual(['test:report-1', 'test:report-1']);
  });

  it('takes deadlines as moments too, and sends only the overdue notice when the reminder time was never seen', async () => {
    const item: DeadlineItem = {
      key: 'test:moment',
      dueAt: at('2026-07-01T17:30:00'),
      remindAt: at('2026-07-01T09:00:00'),
      recipients: [people['changde.admin']],
      title: '整改回复',
    };
    expect(overdueFrom(item)).toEqual(new Date('2026-07-01T09:30:00Z'));
    const s = source('test-moments', { [changde]: [item] });
    expect(await sweep([s], at('2026-07-01T17:30:00'))).toMatchObject({ reminders: 0, overdue: 1 });
    expect(await sweep([s], at('2026-07-01T18:00:00'))).toMatchObject({ reminders: 0, overdue: 0 });
    const notices = await t.sql(`SELECT kind, body FROM notifications WHERE dedupe_key LIKE 'deadline:test:moment:%'`);
    expect(notices).toEqual([{ kind: 'DEADLINE_OVERDUE', body: '截止时间 2026-07-01 17:30 已过' }]);
  });

  it('keeps each tenant’s items and recipients to that tenant', async () => {
    // A source that names another tenant's user as a recipient reaches nobody.
    const s = source('test-cross', {
      [wugang]: [{ key: 'test:wugang', dueOn: '2026-05-01', recipients: [people['wugang.admin'], people['changde.admin']], title: '舞钢的事项' }],
    });
    expect(await sweep([s], at('2026-05-02T00:00:00'))).toMatchObject({ overdue: 1 });
    expect(await t.sql(`SELECT tenant_id, user_id FROM notifications WHERE title = '已逾期：舞钢的事项'`)).toEqual([
      { tenant_id: wugang, user_id: people['wugang.admin'] },
    ]);
    const [{ tenant_id }] = await t.sql(`SELECT tenant_id FROM deadline_notices WHERE key = 'test:wugang'`);
    expect(tenant_id).toBe(wugang);
  });

  it('sends nothing for a source run that fails, lets the other sources go on, and catches up on the next sweep', async () => {
    const item: DeadlineItem = { key: 'test:flaky', dueOn: '2026-08-01', recipients: [people['changde.admin']], title: '会失败一次' };
    let failures = 1;
    const flaky: DeadlineSource = {
      name: 'test-flaky',
      due: async (_m, _now, tenantId) => (tenantId === changde ? [item] : []),
      markOverdue: async () => {
        if (failures-- > 0) throw new Error('marking failed');
      },
    };
    const steady = source('test-steady', { [changde]: [{ key: 'test:steady', dueOn: '2026-08-01', recipients: [people['changde.admin']], title: '稳定的' }] });
    await expect(sweep([flaky, steady], at('2026-08-02T00:00:00'))).rejects.toThrow(/1 source run/);
    expect(await t.sql(`SELECT key FROM deadline_notices WHERE key IN ('test:flaky', 'test:steady')`)).toEqual([{ key: 'test:steady' }]);
    expect(await t.sql(`SELECT 1 FROM notifications WHERE title = '已逾期：会失败一次'`)).toEqual([]);
    expect(await sweep([flaky, steady], at('2026-08-02T00:05:00'))).toMatchObject({ overdue: 1, failures: 0 });
    expect(await t.sql(`SELECT count(*)::int AS n FROM notifications WHERE title = '已逾期：会失败一次'`)).toEqual([{ n: 1 }]);
  });

  it('runs through the queue: the sweep job sent by hand visits the registered sources', async () => {
    await t.app.services.jobs.send('deadline-sweep', {});
    // The test server runs jobs with the registered sources (inspections): every active bureau is visited.
    for (let i = 0; i < 50; i += 1) {
      const [job] = await t.sql(`SELECT state, output FROM pgboss.job WHERE name = 'deadline-sweep' ORDER BY created_on DESC LIMIT 1`);
      if (job?.state === 'completed') {
        const [{ active }] = await t.sql(`SELECT count(*)::int AS active FROM tenants WHERE status = 'ACTIVE'`);
        return expect(job.output).toMatchObject({ tenants: active, failures: 0 });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the sweep job did not complete');
  });
});
