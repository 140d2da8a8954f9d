import { DEFAULT_RULES, riskClassOf, stratumRatio, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { commitChangdeSurveyTask, liftYearCaps } from '../../test-support/draw-fixture';
import { approveRules, plainRecordOf } from '../../test-support/draw-ceremony';

const RISK_KEY = /\|risk:(HIGH|MEDIUM|LOW|NONE)$/;

describe('risk raises the ratio and the frequency (000 第十一条, 003 二(四))', () => {
  let t: TestApp;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    // The survey item is drawn once per test here; the yearly caps are tested in tasks/year-caps.test.ts.
    await liftYearCaps(t);
  });
  afterAll(() => t.close());

  it('draws the high-risk stratum of an item at a higher ratio, with the special objects (complaints, violations, class D) in it', async () => {
    const { draw, office } = await commitChangdeSurveyTask(t, 'id record summary');
    const record: DrawRecord = await plainRecordOf(t, draw.id, office, draw.record);
    const strata = record.input.strata.map((s) => ({ ...s, risk: RISK_KEY.exec(s.key)?.[1] }));
    const high = strata.find((s) => s.risk === 'HIGH');
    expect(high).toBeDefined();
    expect(Number(high!.ratio)).toBe(0.2);
    for (const s of strata.filter((x) => x.risk !== 'HIGH')) expect(Number(s.ratio)).toBe(0.1);
    expect(Number(draw.summary.strata.find((s: any) => s.riskLevel === 'HIGH').ratio)).toBe(0.2);

    const rows = await t.sql(
      `SELECT uscc, risk_level, complaints, violation_record IS NOT NULL AS has_violation, credit_class FROM market_entities WHERE tenant_id = $1`,
      [tenantId],
    );
    const facts = new Map(rows.map((r) => [r.uscc, r]));
    let raised = 0;
    for (const s of strata) {
      for (const e of s.entities) {
        const f = facts.get(e.key)!;
        expect(
          riskClassOf(DEFAULT_RULES.risk, { riskLevel: f.risk_level, complaints: f.complaints, hasViolation: f.has_violation, creditClass: f.credit_class }),
        ).toBe(s.risk);
        if (s.risk === 'HIGH' && f.risk_level !== 'HIGH') raised += 1;
      }
    }
    expect(raised).toBeGreaterThan(0);
  });

  it('weighs a high-risk entity above 1 when the pool is not split by risk', async () => {
    await approveRules(t, await t.login('changde.admin'), { ...DEFAULT_RULES, strata: { byRiskLevel: false } }, '不分层');
    const { draw, office } = await commitChangdeSurveyTask(t, 'id record');
    const plain = await plainRecordOf(t, draw.id, office, draw.record);
    const [plainHigh] = await t.sql(
      `SELECT uscc FROM market_entities WHERE tenant_id = $1 AND risk_level = 'HIGH' AND complaints = 0 AND violation_record IS NULL AND credit_class = 'B'
          AND target_type = '测绘资质单位' AND status IN ('EXISTING', 'OPERATING') LIMIT 1`,
      [tenantId],
    );
    const [plainLow] = await t.sql(
      `SELECT uscc FROM market_entities WHERE tenant_id = $1 AND risk_level = 'LOW' AND complaints = 0 AND violation_record IS NULL AND credit_class = 'B'
          AND target_type = '测绘资质单位' AND status IN ('EXISTING', 'OPERATING') LIMIT 1`,
      [tenantId],
    );
    const weightOf = (uscc: string) => plain.input.strata.flatMap((s) => s.entities).find((e) => e.key === uscc)?.weight;
    expect(weightOf(plainHigh.uscc)).toBe(String(DEFAULT_RULES.risk.HIGH.weight));
    expect(Number(weightOf(plainHigh.uscc))).toBeGreaterThan(1);
    expect(weightOf(plainLow.uscc)).toBe('1');
  });

  it('shows in the plan each item’s ratio and rounds per risk class, under the plan’s rule version', async () => {
    const office = await t.login('changde.admin');
    const plan = (
      await t.gql(
        '{ plans { edges { node { ruleVersion items { ratio rounds item { name } } riskTreatment { item { name } risk ratio rounds } } } } }',
        {},
        office,
      )
    ).data.plans.edges[0].node;
    const rules = (await t.gql('{ ruleSetHistory { version rules } }', {}, office)).data.ruleSetHistory.find((v: any) => v.version === plan.ruleVersion).rules;
    expect(plan.riskTreatment).toHaveLength(plan.items.length * 3);
    for (const item of plan.items) {
      const rows = plan.riskTreatment.filter((r: any) => r.item.name === item.item.name);
      expect(rows.find((r: any) => r.risk === 'HIGH')).toMatchObject({ ratio: stratumRatio(item.ratio, 'HIGH', rules.risk), rounds: item.rounds + 1 });
      expect(rows.find((r: any) => r.risk === 'LOW')).toMatchObject({ rounds: item.rounds });
      expect(Number(rows.find((r: any) => r.risk === 'HIGH').ratio)).toBeGreaterThan(Number(item.ratio));
    }
  });
});

describe('舞钢’s rules set no ceiling its 实施方案 never set (“不低于”, 四(二))', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('accepts a task drawing 40% of an item whose list says “不低于 10%”', async () => {
    const office = await t.login('wugang.admin');
    const items = (await t.gql('{ items { edges { node { id name minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    const land = items.find((i: any) => i.name === '土地使用情况监督检查');
    const created = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { items { ratio } } }',
      {
        input: {
          planId: plan,
          round: 1,
          title: '提高比例的土地检查',
          purpose: '不断提高抽查比例',
          procedure: '摇号、核查、报告',
          divisionOfLabour: '执法监察大队',
          confidentiality: '结果公布前保密',
          startsOn: '2023-06-05',
          endsOn: '2023-11-24',
          teamSize: 2,
          items: [{ itemId: land.id, ratio: '0.40' }],
          reason: '测试：补办2023年度抽查',
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createTask.items).toEqual([{ ratio: '0.40' }]);
  });
});
