import { toGlobalId } from '@spotcheck/shared';
import { codes, startTestApp, type GqlResult, type TestApp } from '../../test-support/test-app';
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
  const ok = (r: GqlResult) => {
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const rule = (r: GqlResult) => r.errors?.map((e) => `${e.extensions?.code}:${e.extensions?.rule ?? ''}`);
  const demoFigures: Record<string, Record<string, number>> = {};
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
    // The demo's 责令整改 decisions opened their own rectifications when the seed approved them.
    for (const today of ['2026-12-07', '2026-10-10']) {
      demoFigures[today] = Object.fromEntries(
        (await app.asTenant(wugang, `SELECT metric, n::int FROM annual_report_rectification(ARRAY[$1]::uuid[], 2026, '${today}', '{}')`, [wugang])).map(
          (r: { metric: string; n: number }) => [r.metric, r.n],
        ),
      );
    }
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  it('sets the deadline on the working-day calendar across 国庆 2026 (Oct 1–7 off, Sat Oct 10 worked)', async () => {
    const r = await open('wugang.leader', {
      inspectionId: toGlobalId('Inspection', published[0]),
      dueWorkingDays: 5,
      basis: '责令整改：标签不规范',
      openedOn: '2026-09-28',
    });
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
      await expect(open('wugang.leader', { ...base, dueWorkingDays, inspectionId: published[1] })).rejects.toMatchObject({
        extensions: { code: 'BAD_USER_INPUT' },
      });
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
    // The one opened above, beside those the demo's 责令整改 decisions opened on their approval.
    expect(await app.asTenant(wugang, `SELECT id FROM rectifications`)).toHaveLength((await rows(wugang)).length);
    expect(await app.asTenant(wugang, `SELECT id FROM rectifications WHERE inspection_id = $1`, [published[0]])).toHaveLength(1);
    expect(await app.asTenant(null, `SELECT id FROM rectifications`)).toEqual([]);
    await expect(
      app.asTenant(
        changde,
        `INSERT INTO rectifications (tenant_id, inspection_id, basis, opened_on, due_working_days, due_on, opened_by)
        VALUES ($1, $2, 'x', '2026-01-05', 1, '2026-01-06', $2)`,
        [wugang, published[1]],
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it('counts the year’s rectifications in the report section, for its own bureau only', async () => {
    const report = `SELECT metric, n::int FROM annual_report_rectification(ARRAY[$1]::uuid[], 2026, '2026-12-07', '{}') ORDER BY metric`;
    // Beside the demo's: the one opened on 2026-09-28, due 2026-10-10, never reported.
    const demo = (today: string, metric: string) => demoFigures[today]?.[metric] ?? 0;
    expect(await app.asTenant(wugang, report, [wugang])).toEqual([
      { metric: 'closed', n: demo('2026-12-07', 'closed') },
      { metric: 'closedInTime', n: demo('2026-12-07', 'closedInTime') },
      { metric: 'opened', n: demo('2026-12-07', 'opened') + 1 },
      { metric: 'overdue', n: demo('2026-12-07', 'overdue') + 1 },
    ]);
    expect(await app.asTenant(wugang, report.replace("'2026-12-07'", "'2026-10-10'"), [wugang])).toContainEqual({
      metric: 'overdue',
      n: demo('2026-10-10', 'overdue'),
    });
    expect(await app.asTenant(changde, report, [wugang])).toEqual([]);
  });
  const OPEN = `mutation($i: ID!, $d: Int!, $b: String!) { openRectification(inspectionId: $i, dueWorkingDays: $d, basis: $b) { id status dueOn overdue } }`;
  const OF_RECORD = `query($i: ID!) { inspectionRectifications(inspectionId: $i) { id status reportText recheckPassed proposedOutcome closedOn } }`;
  const ENTITY = `query($c: String!) { entityRectification(accessCode: $c) { status basis dueOn reportText reportedOn closedOn } }`;
  const REPORT = `mutation($c: String!, $b: String!) { reportEntityRectification(accessCode: $c, body: $b) { status reportText reportedOn } }`;
  const RECHECK = `mutation($id: ID!, $p: Boolean!, $r: String!) { recordRectificationRecheck(id: $id, passed: $p, result: $r) { status recheckPassed } }`;
  const PROPOSE = `mutation($id: ID!, $o: RectificationStatus!, $n: String!) { proposeRectificationClosing(id: $id, outcome: $o, note: $n) { status proposedOutcome } }`;
  const DECIDE = `mutation($id: ID!, $a: Boolean!) { decideRectificationClosing(id: $id, approve: $a) { status closedOn } }`;

  it('runs open → entity report by access code → team re-check → head proposes → leader approves', async () => {
    const record = published[1];
    const [{ access_code: code, team_ids: team }] = await t.sql(`SELECT access_code, team_ids FROM inspections WHERE id = $1`, [record]);
    const [{ access_code: otherCode }] = await t.sql(
      `SELECT access_code FROM inspections WHERE tenant_id = $1 AND id <> $2 AND id <> $3 ORDER BY seq LIMIT 1`,
      [wugang, record, published[0]],
    );
    const [{ username: member }] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.id = ANY($1) ORDER BY u.username LIMIT 1`,
      [team],
    );
    const [{ username: outsider }] = await t.sql(
      `SELECT u.username FROM inspectors i JOIN users u ON u.id = i.user_id WHERE i.tenant_id = $1 AND NOT (i.id = ANY($2)) ORDER BY u.username LIMIT 1`,
      [wugang, team],
    );
    const [{ username: head }] = await t.sql(`SELECT username FROM users WHERE tenant_id = $1 AND 'DEPARTMENT_HEAD' = ANY (roles) ORDER BY username LIMIT 1`, [
      wugang,
    ]);
    const tok = Object.fromEntries(
      await Promise.all(['wugang.admin', 'wugang.leader', 'changde.admin', member, outsider, head].map(async (u) => [u, await t.login(u)] as const)),
    );

    const opened = ok(await t.gql(OPEN, { i: toGlobalId('Inspection', record), d: 10, b: '限期整改：补正标签' }, tok['wugang.admin'])).openRectification;
    expect(opened).toMatchObject({ status: 'OPEN', overdue: false });
    expect(codes(await t.gql(OPEN, { i: toGlobalId('Inspection', record), d: 10, b: 'x' }, tok['changde.admin']))).toEqual(['NOT_FOUND']);

    // The entity sees and reports it with its own code; another entity's code reaches nothing of it.
    expect(ok(await t.gql(ENTITY, { c: code })).entityRectification).toMatchObject({ status: 'OPEN', basis: '限期整改：补正标签', dueOn: opened.dueOn });
    expect(ok(await t.gql(ENTITY, { c: otherCode })).entityRectification).toBeNull();
    expect(codes(await t.gql(REPORT, { c: otherCode, b: '已整改' }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(REPORT, { c: code, b: '   ' }))).toEqual(['BAD_USER_INPUT']);
    expect(ok(await t.gql(REPORT, { c: code, b: '已重新印制标签并下架旧货' })).reportEntityRectification).toMatchObject({ status: 'REPORTED' });

    // Re-check by the record's team only; closing by the head, approval by a leader.
    expect(codes(await t.gql(PROPOSE, { id: opened.id, o: 'DONE', n: '完成' }, tok[head]))).toEqual(['RULE_VIOLATION']);
    expect(codes(await t.gql(RECHECK, { id: opened.id, p: true, r: '现场复查合格' }, tok[outsider]))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECHECK, { id: opened.id, p: true, r: '现场复查合格' }, tok['changde.admin']))).toEqual(['NOT_FOUND']);
    expect(ok(await t.gql(RECHECK, { id: opened.id, p: true, r: '现场复查合格' }, tok[member])).recordRectificationRecheck).toMatchObject({
      status: 'RECHECKED',
      recheckPassed: true,
    });
    expect(rule(await t.gql(REPORT, { c: code, b: '补充' }))).toEqual(['RULE_VIOLATION:RECTIFICATION_REPORT']);
    expect(codes(await t.gql(PROPOSE, { id: opened.id, o: 'DONE', n: '完成' }, tok['wugang.admin']))).toEqual(['FORBIDDEN']);
    expect(ok(await t.gql(PROPOSE, { id: opened.id, o: 'DONE', n: '整改到位' }, tok[head])).proposeRectificationClosing).toMatchObject({
      status: 'CLOSE_PROPOSED',
      proposedOutcome: 'DONE',
    });
    expect(codes(await t.gql(DECIDE, { id: opened.id, a: true }, tok[head]))).toEqual(['FORBIDDEN']);
    const closed = ok(await t.gql(DECIDE, { id: opened.id, a: true }, tok['wugang.leader'])).decideRectificationClosing;
    expect(closed.status).toBe('DONE');
    expect(ok(await t.gql(OF_RECORD, { i: toGlobalId('Inspection', record) }, tok['wugang.admin'])).inspectionRectifications).toEqual([
      expect.objectContaining({ id: opened.id, status: 'DONE', reportText: '已重新印制标签并下架旧货', recheckPassed: true, closedOn: closed.closedOn }),
    ]);
    expect(ok(await t.gql(OF_RECORD, { i: toGlobalId('Inspection', record) }, tok['changde.admin'])).inspectionRectifications).toEqual([]);
    for (const m of [RECHECK, PROPOSE, DECIDE]) {
      const vars = { id: opened.id, p: true, r: 'x', o: 'DONE', n: 'x', a: true };
      expect(codes(await t.gql(m, vars, tok['changde.admin']))[0]).toMatch(/NOT_FOUND|FORBIDDEN/);
    }
  });

  it('a leader does not approve a closing the same user proposed', async () => {
    const [{ id: userId }] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.leader'`);
    const [r] = await t.sql(`SELECT id FROM rectifications WHERE tenant_id = $1 AND status = 'OPEN' LIMIT 1`, [wugang]);
    await t.sql(`UPDATE rectifications SET status = 'CLOSE_PROPOSED', proposed_outcome = 'NOT_DONE', proposed_by = $2 WHERE id = $1`, [r.id, userId]);
    const tok = await t.login('wugang.leader');
    expect(codes(await t.gql(DECIDE, { id: toGlobalId('Rectification', r.id), a: true }, tok))).toEqual(['FORBIDDEN']);
    // Nor one whose re-check was the leader's own.
    await t.sql(`UPDATE rectifications SET proposed_by = gen_random_uuid(), rechecked_by = $2 WHERE id = $1`, [r.id, userId]);
    expect(codes(await t.gql(DECIDE, { id: toGlobalId('Rectification', r.id), a: true }, tok))).toEqual(['FORBIDDEN']);
    expect((await t.sql(`SELECT status FROM rectifications WHERE id = $1`, [r.id]))[0].status).toBe('CLOSE_PROPOSED');
    await t.sql(`UPDATE rectifications SET status = 'OPEN', proposed_outcome = NULL, proposed_by = NULL, rechecked_by = NULL WHERE id = $1`, [r.id]);
  });

  it('counts overdue rectifications for the dashboards, per bureau', async () => {
    const count = `{ overdueRectificationCount }`;
    // The rectification opened on 2026-09-28 was due 2026-10-10 and has no report.
    expect(ok(await t.gql(count, {}, await t.login('wugang.leader'))).overdueRectificationCount).toBe(1);
    expect(ok(await t.gql(count, {}, await t.login('changde.leader'))).overdueRectificationCount).toBe(0);
  });
});
