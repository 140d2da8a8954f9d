import type ExcelJS from 'exceljs';
import { fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { appRoleClient, type AppRoleClient } from '../../test-support/app-role';
import { pdfPageSizes, pdfText } from '../../test-support/pdf-inspect';
import { seedDemoDraw } from '../../seed/demo-draw';
import { seedDemoInspections } from '../../seed/demo-inspections';
import { seedDemoJointTask } from '../../seed/demo-joint-task';
import { todayInChina } from '../inspections/inspection-deadlines';
import { PROBLEM_CODES } from '../dashboards/dashboard-figures';

const FIGURES = `work { publishedPlans planVersions plannedRounds roundsHeld tasks plannedTasks specialTasks jointTasks drawnTasks cancelledTasks }
  inspections { directoryEntities selections drawnEntities records published inspectedEntities coveredEntities coverage problems problemRate }
  lateness { reportedLate publishedLate overdueRecords unreportedSelections }
  handling { decided byOutcome { outcome label count } }
  rectification { opened closed closedInTime closedInTimeRate overdue }
  referrals { referred toDepartment toBureau toExternal pending returned accepted filed notFiled concluded }`;
const REPORT = `query($year: Int!) { annualReport(year: $year) { year asOf scope unitName totals { ${FIGURES} } bureaus { id name regionCode figures { ${FIGURES} } } } }`;
const DASHBOARD = `query($year: Int) { dashboard(year: $year) { totals { entities inspectedEntities drawn records published problems overdue } } }`;

const A4: [number, number] = [595.28, 841.89];
const squash = (text: string) => text.replace(/\s+/g, '');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const excel = () => require('exceljs') as typeof ExcelJS;

/** Every row of the first sheet as its cells' text, joined by `|`. */
async function sheetLines(bytes: Buffer): Promise<string[]> {
  const workbook = new (excel().Workbook)();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const lines: string[] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    lines.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => String(v ?? ''))
        .join('|'),
    ),
  );
  return lines;
}

describe('the year’s report (年度双随机工作总结)', () => {
  let t: TestApp;
  let app: AppRoleClient;
  const tenant: Record<string, string> = {};
  const report = async (username: string, year: number) => t.gql(REPORT, { year }, await t.login(username));
  const download = async (username: string | null, file: string) => {
    const headers: Record<string, string> = username ? { authorization: `Bearer ${await t.login(username)}` } : {};
    const response = await fetch(`${t.url}/api/reports/annual/${file}`, { headers });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      disposition: response.headers.get('content-disposition'),
      bytes: Buffer.from(await response.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    t = await startTestApp();
    await seedDemoDraw(t.app.services);
    await seedDemoInspections(t.app.services);
    for (const row of await t.sql<{ id: string; region_code: string }>(`SELECT id, region_code FROM tenants`)) tenant[row.region_code] = row.id;
    app = await appRoleClient(t.adminUrl);
    await insertWugang2024();
    await insertReferrals2024();
  }, 120_000);
  afterAll(async () => {
    await app?.end();
    await t?.close();
  });

  /** Copies rows of a table with some columns changed (jsonb keys are column names); returns the copies' ids when the table has one. */
  async function copy(table: string, where: string, params: unknown[], changes: Record<string, unknown>, newId = true): Promise<string[]> {
    const fresh = newId ? `|| jsonb_build_object('id', gen_random_uuid())` : '';
    const rows = await t.sql<{ id?: string }>(
      `INSERT INTO ${table} SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(x) ${fresh} || $${params.length + 1}::jsonb)).* FROM ${table} x WHERE ${where}
       RETURNING ${newId ? 'id' : 'NULL AS id'}`,
      [...params, JSON.stringify(changes)],
    );
    return rows.map((r) => r.id!);
  }

  /**
   * A small year by hand, for 舞钢 in 2024 (the demo has nothing then): a plan published, adjusted and
   * published again with 3 rounds; a drawn round-1 task with 5 selections, a second drawn joint task of
   * round 1, a special task in draft and a cancelled one; 4 records of the first task: published without a
   * problem (published 2 working days late), published with a problem (reported 3 days late), submitted and
   * past its review date, a draft past its report date; the fifth selection never reported.
   */
  /** A handling as stored on a record (a submitted record's is only the team's proposal, not counted). */
  const decided = (outcome: string, deadlineWorkdays: number | null = null) => ({
    outcome,
    basis: '依据',
    deadlineWorkdays,
    targetDepartmentId: null,
    targetExternalName: outcome === 'CASE' ? '执法局' : null,
    creditList: null,
    creditValidUntil: null,
  });

  /**
   * Referrals by hand, sent in 2024 unless said: 舞钢's six of the year (to its own 执法监督科 pending and
   * accepted; to 平顶山's 执法监察支队 filed and filed then closed; to an external body not filed and
   * returned), three of 舞钢's that are not of the year's report (proposed only, declined, sent in 2025),
   * and one of 平顶山's to 舞钢 (filed), which counts at 平顶山 and never at 舞钢.
   */
  async function insertReferrals2024() {
    const w = tenant['410481'];
    const p = tenant['410400'];
    const [own] = await t.sql(`SELECT id, name FROM departments WHERE tenant_id = $1 AND NOT is_office ORDER BY name LIMIT 1`, [w]);
    const [pds] = await t.sql(`SELECT id, name FROM departments WHERE tenant_id = $1 AND name = '执法监察支队'`, [p]);
    const [office] = await t.sql(`SELECT id FROM users WHERE username = 'wugang.admin'`);
    const referral = (
      tenantId: string,
      status: string,
      kind: string,
      sentOn: string | null,
      target: { tenant: string | null; dept: { id: string; name: string } | null },
    ) =>
      t.sql(
        `INSERT INTO referrals (tenant_id, inspection_id, status, target_kind, target_tenant_id, target_department_id, target_bureau_name,
                target_department_name, reason, entity_name, entity_uscc, findings, proposed_by, proposed_at, sent_on)
         VALUES ($1, gen_random_uuid(), $2, $3, $4, $5, $6, $7, '移送立案查处', '移送报表测试矿业有限公司', '91410481MA0REPORT0', '未批先占', $8, now(), $9)`,
        [tenantId, status, kind, target.tenant, target.dept?.id ?? null, target.tenant ? '某局' : '某县公安局', target.dept?.name ?? null, office.id, sentOn],
      );
    const toOwn = { tenant: w, dept: own };
    const toPds = { tenant: p, dept: pds };
    const external = { tenant: null, dept: null };
    await referral(w, 'SENT', 'DEPARTMENT', '2024-05-10', toOwn);
    await referral(w, 'ACCEPTED', 'DEPARTMENT', '2024-05-10', toOwn);
    await referral(w, 'FILED', 'BUREAU', '2024-06-03', toPds);
    await referral(w, 'CLOSED', 'BUREAU', '2024-01-02', toPds);
    await referral(w, 'NOT_FILED', 'EXTERNAL', '2024-12-31', external);
    await referral(w, 'RETURNED', 'EXTERNAL', '2024-07-01', external);
    await referral(w, 'PROPOSED', 'BUREAU', null, toPds);
    await referral(w, 'REJECTED', 'EXTERNAL', null, external);
    await referral(w, 'SENT', 'BUREAU', '2025-01-02', toPds);
    const [wugangDept] = await t.sql(`SELECT id, name FROM departments WHERE tenant_id = $1 AND NOT is_office ORDER BY name LIMIT 1`, [w]);
    await referral(p, 'FILED', 'BUREAU', '2024-05-20', { tenant: w, dept: wugangDept });
  }

  async function insertWugang2024() {
    const w = tenant['410481'];
    const [plan] = await t.sql(`SELECT id FROM annual_plans WHERE tenant_id = $1 ORDER BY year, version LIMIT 1`, [w]);
    await copy('annual_plans', 'tenant_id = $1 AND id = $2', [w, plan.id], { year: 2024, version: 1, status: 'SUPERSEDED' });
    const [planId] = await copy('annual_plans', 'tenant_id = $1 AND id = $2', [w, plan.id], { year: 2024, version: 2, status: 'PUBLISHED', rounds: 3 });
    const [draw] = await t.sql(`SELECT id, task_id FROM draws WHERE tenant_id = $1 AND status = 'DRAWN' ORDER BY drawn_at LIMIT 1`, [w]);
    const task = (changes: Record<string, unknown>) =>
      copy('tasks', 'tenant_id = $1 AND id = $2', [w, draw.task_id], { plan_id: planId, starts_on: '2024-03-01', ends_on: '2024-04-30', ...changes });
    const [taskA] = await task({ kind: 'PLANNED', round: 1, status: 'DRAWN', joint: false });
    await task({ kind: 'PLANNED', round: 1, status: 'DRAWN', joint: true, starts_on: '2024-05-06', ends_on: '2024-06-28' });
    await task({
      kind: 'SPECIAL',
      round: null,
      plan_id: null,
      status: 'DRAFT',
      joint: false,
      reason: '群众举报',
      starts_on: '2024-09-02',
      ends_on: '2024-10-31',
    });
    await task({ kind: 'PLANNED', round: 2, status: 'CANCELLED', joint: false, starts_on: '2024-07-01', ends_on: '2024-08-30' });
    const [drawA] = await copy('draws', 'tenant_id = $1 AND id = $2', [w, draw.id], { task_id: taskA });
    const entities = await t.sql<{ id: string }>(
      `SELECT id FROM market_entities WHERE tenant_id = $1 AND status IN ('EXISTING', 'OPERATING') ORDER BY id LIMIT 5`,
      [w],
    );
    for (const [i, e] of entities.entries()) {
      await copy(
        'draw_selections',
        'tenant_id = $1 AND draw_id = $2 AND seq = 1',
        [w, draw.id],
        { draw_id: drawA, seq: i + 1, year: 2024, entity_id: e.id },
        false,
      );
    }
    const [record] = await t.sql(`SELECT id FROM inspections WHERE tenant_id = $1 AND status = 'PUBLISHED' LIMIT 1`, [w]);
    const base = { draw_id: drawA, task_id: taskA, participation_id: null, corrects_id: null, corrected_by_id: null, report_due_on: '2024-05-14' };
    const records: Record<string, unknown>[] = [
      {
        seq: 1,
        status: 'PUBLISHED',
        result_category: 'NO_PROBLEM',
        inspected_on: '2024-03-12',
        reported_late_days: 0,
        published_late_days: 2,
        handling: decided('NO_PROBLEM'),
      },
      {
        seq: 2,
        status: 'PUBLISHED',
        result_category: 'OTHER_VIOLATION',
        inspected_on: '2024-04-08',
        reported_late_days: 3,
        published_late_days: 0,
        handling: decided('RECTIFY', 10),
      },
      {
        seq: 3,
        status: 'SUBMITTED',
        inspected_on: '2024-04-20',
        reported_late_days: 0,
        review_due_on: '2024-05-20',
        publication_due_on: null,
        handling: decided('CASE'),
      },
      { seq: 4, status: 'DRAFT', inspected_on: '2024-04-25', reported_late_days: null, published_late_days: null },
    ];
    for (const r of records) {
      await copy('inspections', 'tenant_id = $1 AND id = $2', [w, record.id], { ...base, ...r, entity_id: entities[(r.seq as number) - 1]!.id });
    }
  }

  it('counts 舞钢’s small 2024 by hand: plans, tasks, entities, coverage, problems, late and overdue work', async () => {
    expect(PROBLEM_CODES).toContain('OTHER_VIOLATION');
    const { data, errors } = await report('wugang.leader', 2024);
    expect(errors).toBeUndefined();
    const r = data.annualReport;
    const [{ n: directory }] = await t.sql(`SELECT count(*)::int AS n FROM market_entities WHERE tenant_id = $1 AND status IN ('EXISTING', 'OPERATING')`, [
      tenant['410481'],
    ]);
    expect(r).toMatchObject({ year: 2024, scope: 'BUREAU', unitName: '舞钢市自然资源和规划局', bureaus: [], asOf: todayInChina() });
    expect(r.totals.work).toEqual({
      publishedPlans: 1,
      planVersions: 2,
      plannedRounds: 3,
      roundsHeld: 1,
      tasks: 3,
      plannedTasks: 2,
      specialTasks: 1,
      jointTasks: 1,
      drawnTasks: 2,
      cancelledTasks: 1,
    });
    expect(r.totals.inspections).toEqual({
      directoryEntities: directory,
      selections: 5,
      drawnEntities: 5,
      records: 4,
      published: 2,
      inspectedEntities: 2,
      coveredEntities: 2,
      coverage: 2 / directory,
      problems: 1,
      problemRate: 0.5,
    });
    // Seq 3 sits past its review date and seq 4 past its report date; seq 5 was never reported.
    expect(r.totals.lateness).toEqual({ reportedLate: 1, publishedLate: 1, overdueRecords: 2, unreportedSelections: 1 });
    // The two published records' decisions; the submitted record's proposal is not a decision yet.
    expect(r.totals.handling).toEqual({
      decided: 2,
      byOutcome: [
        { outcome: 'NO_PROBLEM', label: '未发现问题', count: 1 },
        { outcome: 'RECTIFY', label: '责令整改', count: 1 },
      ],
    });
    expect(r.totals.rectification).toEqual({ opened: 0, closed: 0, closedInTime: 0, closedInTimeRate: null, overdue: 0 });
    // The six referrals sent in 2024, by receiver and by how far each got (accepted, 立案 include what went further).
    expect(r.totals.referrals).toEqual({
      referred: 6,
      toDepartment: 2,
      toBureau: 2,
      toExternal: 2,
      pending: 1,
      returned: 1,
      accepted: 4,
      filed: 2,
      notFiled: 1,
      concluded: 1,
    });
  });

  it('agrees with the dashboard on the demo’s 2023 (22 records, 16 published, 4 problems)', async () => {
    const token = await t.login('wugang.admin');
    const r = (await t.gql(REPORT, { year: 2023 }, token)).data.annualReport.totals;
    const d = (await t.gql(DASHBOARD, { year: 2023 }, token)).data.dashboard.totals;
    expect(r.inspections).toMatchObject({
      records: 22,
      published: 16,
      problems: 4,
      problemRate: 0.25,
      selections: d.drawn,
      inspectedEntities: d.inspectedEntities,
    });
    expect(r.inspections.directoryEntities).toBe(d.entities);
    // Every published record has its decision: the one violation ordered to be rectified, the rest without problem to handle.
    expect(r.handling).toEqual({
      decided: 16,
      byOutcome: [
        { outcome: 'NO_PROBLEM', label: '未发现问题', count: 15 },
        { outcome: 'RECTIFY', label: '责令整改', count: 1 },
      ],
    });
    expect(r.lateness.overdueRecords + r.lateness.unreportedSelections).toBe(d.overdue);
    expect(r.work.drawnTasks).toBeGreaterThanOrEqual(1);
  });

  it('counts a joint task participant’s share never reported, as the dashboard does, for the bureau and its province', async () => {
    await seedDemoJointTask(t.app.services);
    const late = (f: { lateness: Record<string, number> }) => f.lateness.overdueRecords + f.lateness.unreportedSelections;
    let sum = 0;
    for (const username of ['pingdingshan.leader', 'wugang.leader']) {
      const token = await t.login(username);
      const r = (await t.gql(REPORT, { year: 2026 }, token)).data.annualReport.totals;
      const d = (await t.gql(DASHBOARD, { year: 2026 }, token)).data.dashboard.totals;
      expect(d.overdue).toBeGreaterThan(0);
      expect(late(r)).toBe(d.overdue);
      sum += late(r);
    }
    // 平顶山 drew nothing itself in 2026: all it owes is its share of 舞钢's joint task.
    expect((await report('pingdingshan.leader', 2026)).data.annualReport.totals.inspections.selections).toBe(0);
    expect(late((await report('henan.viewer', 2026)).data.annualReport.totals)).toBe(sum);
  });

  it('gives bureau staff their own bureau only, and nobody else a bureau’s report', async () => {
    const changde = (await report('changde.leader', 2024)).data.annualReport;
    expect(changde.unitName).toBe('常德市自然资源和规划局');
    expect(changde.totals.inspections).toMatchObject({ selections: 0, records: 0, published: 0 });
    expect(changde.totals.work.tasks).toBe(0);
    expect((await report('changde.supervisor', 2024)).data.annualReport.unitName).toBe('常德市自然资源和规划局');
    expect((await report('wugang.admin', 2024)).data.annualReport.totals.inspections.records).toBe(4);
    for (const username of ['changde.inspector01', 'changde.head01', 'wugang.inspector01', 'platform.admin']) {
      const result = await report(username, 2024);
      expect(codes(result)).toEqual(['FORBIDDEN']);
      expect(result.errors![0]!.message).toMatch(/年度工作总结仅供/);
    }
    expect(codes(await t.gql(REPORT, { year: 2024 }))).toEqual(['UNAUTHENTICATED']);
    // The section functions run with the caller's rights: 平顶山 asking for 舞钢's ids gets nothing.
    const peek = `SELECT * FROM annual_report_sections(ARRAY[$1]::uuid[], 2024, $2, $3)`;
    expect(await app.asTenant(tenant['410400'], peek, [tenant['410481'], todayInChina(), PROBLEM_CODES])).toEqual([]);
    expect((await app.asTenant(tenant['410481'], peek, [tenant['410481'], todayInChina(), PROBLEM_CODES])).length).toBeGreaterThan(0);
  });

  it('counts referrals at the referring bureau only, and gives a province their sum without a case in it', async () => {
    // 平顶山's own referral to 舞钢; the three 舞钢 sent to 平顶山 are 舞钢's, not 平顶山's.
    expect((await report('pingdingshan.leader', 2024)).data.annualReport.totals.referrals).toEqual({
      referred: 1,
      toDepartment: 0,
      toBureau: 1,
      toExternal: 0,
      pending: 0,
      returned: 0,
      accepted: 1,
      filed: 1,
      notFiled: 0,
      concluded: 0,
    });
    expect((await report('changde.leader', 2024)).data.annualReport.totals.referrals.referred).toBe(0);
    expect((await report('wugang.leader', 2025)).data.annualReport.totals.referrals).toMatchObject({ referred: 1, pending: 1, toBureau: 1 });

    const henan = (await report('henan.viewer', 2024)).data.annualReport;
    expect(henan.totals.referrals).toMatchObject({ referred: 7, toBureau: 3, accepted: 5, filed: 3, concluded: 1 });
    expect(JSON.stringify(henan)).not.toMatch(/移送报表测试|91410481MA0REPORT0|执法监察支队|某县公安局/);
    expect((await report('hunan.viewer', 2024)).data.annualReport.totals.referrals.referred).toBe(0);

    // Caller's rights: 平顶山 asking the function for 舞钢's referrals gets nothing; the province's rows are counts.
    const peek = `SELECT * FROM annual_report_referrals(ARRAY[$1]::uuid[], 2024, $2, $3)`;
    expect(await app.asTenant(tenant['410400'], peek, [tenant['410481'], todayInChina(), PROBLEM_CODES])).toEqual([]);
    const rows = await app.asTenant(tenant['410000'], `SELECT * FROM provincial_annual_report(2024, $1, $2) WHERE section = 'referrals'`, [
      todayInChina(),
      PROBLEM_CODES,
    ]);
    expect(rows.find((row) => row.tenant_id === tenant['410481'] && row.metric === 'referred')?.n).toBe('6');
  });

  it('gives a province a row per bureau of its subtree and their sum; another province sees none of them', async () => {
    const henan = (await report('henan.viewer', 2024)).data.annualReport;
    expect(henan).toMatchObject({ scope: 'PROVINCE', unitName: '河南省自然资源厅' });
    expect(henan.bureaus.map((b: { name: string }) => b.name)).toEqual(['平顶山市自然资源和规划局', '舞钢市自然资源和规划局']);
    const wugang = henan.bureaus.find((b: { regionCode: string }) => b.regionCode === '410481');
    expect(fromGlobalUuid(wugang.id, 'Tenant')).toBe(tenant['410481']);
    expect(wugang.figures).toEqual((await report('wugang.leader', 2024)).data.annualReport.totals);
    const pds = henan.bureaus.find((b: { regionCode: string }) => b.regionCode === '410400');
    for (const section of ['work', 'inspections', 'lateness', 'referrals'] as const) {
      for (const [key, value] of Object.entries(henan.totals[section])) {
        if (typeof value === 'number' && !/Rate|coverage/.test(key)) expect(value).toBe(wugang.figures[section][key] + pds.figures[section][key]);
      }
    }
    expect(henan.totals.inspections.coverage).toBeCloseTo(
      (wugang.figures.inspections.coveredEntities + pds.figures.inspections.coveredEntities) /
        (wugang.figures.inspections.directoryEntities + pds.figures.inspections.directoryEntities),
    );
    expect(JSON.stringify(henan)).not.toContain('常德');

    const hunan = (await report('hunan.viewer', 2024)).data.annualReport;
    expect(hunan.bureaus.map((b: { name: string }) => b.name)).toEqual(['常德市自然资源和规划局']);
    expect(JSON.stringify(hunan)).not.toMatch(/舞钢|平顶山/);
    expect(hunan.totals.inspections.records).toBe(0);

    // The owner-rights path answers a provincial department only, and only with its own subtree.
    const call = `SELECT * FROM provincial_annual_report(2024, $1, $2)`;
    for (const bureau of ['410481', '410400', '430700']) expect(await app.asTenant(tenant[bureau], call, [todayInChina(), PROBLEM_CODES])).toEqual([]);
    expect(await app.asTenant(null, call, [todayInChina(), PROBLEM_CODES])).toEqual([]);
    const hunanRows = await app.asTenant(tenant['430000'], call, [todayInChina(), PROBLEM_CODES]);
    expect(new Set(hunanRows.map((row) => row.tenant_id))).toEqual(new Set([tenant['430700']]));
    const henanRows = await app.asTenant(tenant['410000'], call, [todayInChina(), PROBLEM_CODES]);
    expect(new Set(henanRows.map((row) => row.tenant_id))).toEqual(new Set([tenant['410400'], tenant['410481']]));
    // Counts only: a section, a bureau, a metric name and a number.
    expect(Object.keys(henanRows[0]).sort()).toEqual(['metric', 'n', 'section', 'tenant_id']);
    expect(codes(await report('henan.viewer', 1999))).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a year outside 2000 to this year with a clear Chinese message', async () => {
    const current = Number(todayInChina().slice(0, 4));
    for (const year of [1999, current + 1, 2100]) {
      const result = await report('changde.leader', year);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0]!.message).toBe(`年度应为 2000 年至 ${current} 年之间的年份`);
    }
    const file = await download('changde.leader', `${current + 1}.pdf`);
    expect(file.status).toBe(400);
    expect(file.bytes.toString('utf8')).toContain('年度应为 2000 年至');
  });

  it('downloads the report as xlsx and as an A4 PDF in Chinese, with the same figures', async () => {
    const xlsx = await download('wugang.leader', '2024.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toMatch(/spreadsheetml/);
    expect(decodeURIComponent(xlsx.disposition!)).toContain('舞钢市自然资源和规划局2024年度双随机抽查工作总结.xlsx');
    const lines = await sheetLines(xlsx.bytes);
    expect(lines[0]).toMatch(/^舞钢市自然资源和规划局2024年度“双随机、一公开”抽查工作总结/);
    for (const line of [
      '检查记录|4',
      '已公示的检查结果|2',
      '发现问题|1',
      '问题发现率|50.0%',
      '逾期提交的检查报告|1',
      '期限届满仍未报告的抽取|1',
      '抽查任务|3',
      '移送|6',
      '其中：移送其他单位|2',
      '已立案|2',
    ]) {
      expect(lines).toContain(line);
    }

    const pdf = await download('wugang.leader', '2024.pdf');
    expect(pdf.status).toBe(200);
    expect(pdf.type).toBe('application/pdf');
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPageSizes(pdf.bytes).every(([w, h]) => Math.abs(w - A4[0]) < 0.1 && Math.abs(h - A4[1]) < 0.1)).toBe(true);
    const text = squash((await pdfText(pdf.bytes)).pages.join(''));
    for (const expected of [
      '舞钢市自然资源和规划局2024年度',
      '一、计划与任务',
      '检查记录4',
      '问题发现率50.0%',
      '逾期提交的检查报告1',
      '六、移送',
      '移送6',
      '已结案1',
      '第1页共',
    ]) {
      expect(text).toContain(squash(expected));
    }

    // The province's files: a row per bureau, nothing of another province.
    const henan = await sheetLines((await download('henan.viewer', '2024.xlsx')).bytes);
    expect(henan.find((l) => l.startsWith('舞钢市自然资源和规划局|'))).toMatch(/^舞钢市自然资源和规划局\|5\|2\|[\d.]+%\|50\.0%\|1\|1\|6\|2$/);
    expect(henan.some((l) => l.startsWith('平顶山市自然资源和规划局|'))).toBe(true);
    expect(henan.join('\n')).not.toContain('常德');
    const hunanPdf = squash((await pdfText((await download('hunan.viewer', '2024.pdf')).bytes)).pages.join(''));
    expect(hunanPdf).toContain('常德市自然资源和规划局');
    expect(hunanPdf).not.toMatch(/舞钢|平顶山/);

    expect((await download(null, '2024.pdf')).status).toBe(401);
    expect((await download('changde.inspector01', '2024.xlsx')).status).toBe(403);
    expect((await download('changde.leader', '2024.docx')).status).toBe(404);
  });
});
