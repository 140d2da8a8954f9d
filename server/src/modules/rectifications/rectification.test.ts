import { toGlobalId } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { RequestContext, tenantTx, type Viewer } from '../../graphql/context';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { openRectification, type OpenRectificationInput } from './rectification.service';

/** 整改: 舞钢's leader orders rectifications on its published records; 常德 is a stranger. */
describe('rectifications', () => {
  let t: TestApp;
  let app: AppRoleClient;
  let wugang: string;
  let changde: string;
  let published: string[];
  let draft: string;

  const viewerOf = async (username: string): Promise<Viewer> => {
    const [u] = await t.sql(`SELECT id, tenant_id, roles, department_id FROM users WHERE username = $1`, [username]);
    return { userId: u.id, tenantId: u.tenant_id, username, roles: u.roles, departmentId: u.department_id, sessionId: 'test' };
  };
  const open = async (username: string, input: OpenRectificationInput) => {
    const ctx = new RequestContext(t.app.services, 'test', await viewerOf(username), null, null);
    return tenantTx(ctx, (m) => openRectification(m, ctx, input));
  };
  const rows = (tenantId: string) => t.sql(`SELECT * FROM rectifications WHERE tenant_id = $1 ORDER BY created_at`, [tenantId]);

  beforeAll(async () => {
    t = await startTestApp({ RUN_JOBS: 'false' });
    app = await appRoleClient(t.adminUrl);
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    const tenants = await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`);
    wugang = tenants.find((r) => r.region_code === '410481')!.id;
    changde = tenants.find((r) => r.region_code === '430700')!.id;
    published = (await t.sql(`SELECT id FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' ORDER BY seq`, [wugang])).map((r) => r.id);
    [{ id: draft }] = await t.sql(`SELECT id FROM inspections WHERE tenant_id = $1 AND status NOT IN ('APPROVED', 'PUBLISHED') ORDER BY seq LIMIT 1`, [wugang]);
    expect(published.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('sets the deadline on the working-day calendar across 国庆 2026 (Oct 1–7 off, Sat Oct 10 worked)', async () => {
    const r = await open('wugang.leader', { inspectionId: toGlobalId('Inspection', published[0]), dueWorkingDays: 5, basis: '责令整改：标签不规范', openedOn: '2026-09-28' });
    // Sep 29, Sep 30, Oct 8, Oct 9, Oct 10 (the make-up working Saturday).
    expect(r).toMatchObject({ status: 'OPEN', openedOn: '2026-09-28', dueWorkingDays: 5, dueOn: '2026-10-10', inspectionId: published[0] });
    const audit = await t.sql(`SELECT action FROM audit_events WHERE tenant_id = $1 AND object_id = $2`, [wugang, toGlobalId('Rectification', r.id)]);
    expect(audit.map((a) => a.action)).toEqual(['rectification.open']);
  });

  it('refuses a second running rectification, an unapproved record, a bad period and a non-leader, writing nothing', async () => {
    const before = (await rows(wugang)).length;
    const base = { dueWorkingDays: 10, basis: '整改' };
    await expect(open('wugang.leader', { ...base, inspectionId: published[0] })).rejects.toMatchObject({ extensions: { code: 'CONFLICT' } });
    await expect(open('wugang.leader', { ...base, inspectionId: draft })).rejects.toMatchObject({
      extensions: { code: 'RULE_VIOLATION', rule: 'RECTIFICATION_RECORD' },
    });
    for (const dueWorkingDays of [0, 181, 2.5]) {
      await expect(open('wugang.leader', { ...base, dueWorkingDays, inspectionId: published[1] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    }
    await expect(open('wugang.leader', { ...base, basis: '  ', inspectionId: published[1] })).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    await expect(open('wugang.inspector01', { ...base, inspectionId: published[1] })).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await rows(wugang)).length).toBe(before);
  });

  it('another bureau cannot open one on, or see, 舞钢’s rectifications', async () => {
    await expect(open('changde.leader', { inspectionId: published[1], dueWorkingDays: 5, basis: '整改' })).rejects.toMatchObject({
      extensions: { code: 'NOT_FOUND' },
    });
    expect(await app.asTenant(changde, `SELECT id FROM rectifications`)).toEqual([]);
    expect(await app.asTenant(wugang, `SELECT id FROM rectifications`)).toHaveLength(1);
    expect(await app.asTenant(null, `SELECT id FROM rectifications`)).toEqual([]);
    await expect(
      app.asTenant(changde, `INSERT INTO rectifications (tenant_id, inspection_id, basis, opened_on, due_working_days, due_on, opened_by)
        VALUES ($1, $2, 'x', '2026-01-05', 1, '2026-01-06', $2)`, [wugang, published[1]]),
    ).rejects.toThrow(/row-level security/);
  });

  it('counts the year’s rectifications in the report section, for its own bureau only', async () => {
    const report = `SELECT metric, n::int FROM annual_report_rectification(ARRAY[$1]::uuid[], 2026, '2026-12-07', '{}') ORDER BY metric`;
    expect(await app.asTenant(wugang, report, [wugang])).toEqual([
      { metric: 'closed', n: 0 },
      { metric: 'closedInTime', n: 0 },
      { metric: 'opened', n: 1 },
      { metric: 'overdue', n: 1 },
    ]);
    expect(await app.asTenant(wugang, report.replace("'2026-12-07'", "'2026-10-10'"), [wugang])).toContainEqual({ metric: 'overdue', n: 0 });
    expect(await app.asTenant(changde, report, [wugang])).toEqual([]);
  });
});
