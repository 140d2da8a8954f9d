import { Client } from 'pg';
import { DEFAULT_RULES, fromGlobalUuid } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { APP_ROLE } from '../../db/data-source';

const PROPOSE = 'mutation($r: JSON!, $reason: String!) { proposeRuleSet(rules: $r, reason: $reason) { id status baseVersion proposedBy } }';
const REVIEW =
  'mutation($id: ID!, $d: RuleReview!, $c: String) { reviewRuleProposal(id: $id, decision: $d, comment: $c) { id status approvedVersion reviewedBy reviewComment } }';
const CREATE_TASK = 'mutation($input: TaskInput!) { createTask(input: $input) { id ruleVersion items { ratio } } }';

/** What 常德's office set alone on the original code: 1–50%, 12 rounds, 12 draws per entity, no exclusions. */
const LOOSE = {
  ...DEFAULT_RULES,
  ratio: { min: '0.01', max: '0.50' },
  roundsPerYear: { min: 1, max: 12 },
  maxDrawsPerEntityPerYear: 12,
  excludeDrawnThisYear: false,
};

describe('rule governance: the office proposes, a leader approves, a province bounds', () => {
  let t: TestApp;
  let office: string;
  let leader: string;
  let planId: string;
  let landItem: string;
  let permitItem: string;
  // The demo's 2026 rounds have begun or closed by now: a task for one gives its reason (and would wait for a leader before its draw).
  const task = (ratio: string, title: string, itemId = landItem) => ({
    planId,
    round: 1,
    title,
    purpose: '检查土地使用情况',
    procedure: '摇号、核查、报告',
    divisionOfLabour: '执法监督科牵头',
    confidentiality: '结果公布前保密',
    startsOn: '2026-05-06',
    endsOn: '2026-05-29',
    teamSize: 2,
    items: [{ itemId, ratio }],
    reason: '测试：补办第一轮',
  });
  const current = async (token = office) => (await t.gql('{ ruleSet { version rules approvedBy approvedAt proposedBy } }', {}, token)).data.ruleSet;

  beforeAll(async () => {
    t = await startTestApp();
    office = await t.login('changde.admin');
    leader = await t.login('changde.leader');
    const items = (await t.gql('{ items { edges { node { id name } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    landItem = items.find((i: any) => i.name === '土地使用情况监督检查')!.id;
    permitItem = items.find((i: any) => i.name === '建设工程规划许可批后监督检查')!.id;
    planId = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
  });
  afterAll(() => t.close());

  it('no longer lets the office put rules in force alone: a proposal changes nothing and a 20% task is still refused', async () => {
    expect(codes(await t.gql('mutation($r: JSON!) { updateRuleSet(rules: $r, reason: "放宽") { version } }', { r: LOOSE }, office))).toEqual([
      'GRAPHQL_VALIDATION_FAILED',
    ]);
    const proposed = await t.gql(PROPOSE, { r: LOOSE, reason: '放宽比例与频次' }, office);
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data.proposeRuleSet).toMatchObject({ status: 'PENDING', baseVersion: 1, proposedBy: expect.any(String) });
    expect(await current()).toMatchObject({
      version: 1,
      rules: { ratio: { min: '0.02', max: '0.10' }, maxDrawsPerEntityPerYear: 2, excludeDrawnThisYear: true },
    });
    const refused = await t.gql(CREATE_TASK, { input: task('0.20', '20%的任务') }, office);
    expect(codes(refused)).toEqual(['RULE_VIOLATION']);
    expect(refused.errors![0]!.extensions!.rule).toBe('ratio');
    // Only one proposal waits at a time; the office is no leader, and the proposer never reviews.
    expect(codes(await t.gql(PROPOSE, { r: DEFAULT_RULES, reason: '再提一项' }, office))).toEqual(['RULE_VIOLATION']);
    const id = proposed.data.proposeRuleSet.id;
    expect(codes(await t.gql(REVIEW, { id, d: 'APPROVE' }, office))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVIEW, { id, d: 'RETURN' }, leader))).toEqual(['BAD_USER_INPUT']);
    const returned = await t.gql(REVIEW, { id, d: 'RETURN', c: '比例上限过高，不符合实施细则' }, leader);
    expect(returned.data.reviewRuleProposal).toMatchObject({ status: 'RETURNED', reviewComment: '比例上限过高，不符合实施细则', approvedVersion: null });
    expect(codes(await t.gql(REVIEW, { id, d: 'APPROVE' }, leader))).toEqual(['RULE_VIOLATION']);
    expect((await current()).version).toBe(1);
  });

  it('refuses a leader approving their own proposal', async () => {
    const [user] = await t.sql(`SELECT id FROM users WHERE username = 'changde.leader'`);
    await t.sql(`UPDATE users SET roles = '{LEADER,OFFICE}' WHERE id = $1`, [user.id]);
    try {
      const both = await t.login('changde.leader');
      const own = (await t.gql(PROPOSE, { r: { ...DEFAULT_RULES, team: { minSize: 3 } }, reason: '本人提议' }, both)).data.proposeRuleSet;
      expect(codes(await t.gql(REVIEW, { id: own.id, d: 'APPROVE' }, both))).toEqual(['FORBIDDEN']);
      // Nor may they return it: it waits for another leader (here put aside directly).
      expect(codes(await t.gql(REVIEW, { id: own.id, d: 'RETURN', c: '撤回' }, both))).toEqual(['FORBIDDEN']);
      await t.sql(`UPDATE rule_proposals SET status = 'RETURNED' WHERE id = $1`, [fromGlobalUuid(own.id, 'RuleProposal')]);
    } finally {
      await t.sql(`UPDATE users SET roles = '{LEADER}' WHERE id = $1`, [user.id]);
    }
  });

  it('puts an approved version in force from approval; plans and tasks keep the version they were checked with', async () => {
    // Another item than the land one: the land item is checked once a year, and its 20% task follows below.
    const before = await t.gql(CREATE_TASK, { input: task('0.05', '审定前的任务', permitItem) }, office);
    expect(before.errors).toBeUndefined();
    expect(before.data.createTask.ruleVersion).toBe(1);
    const wider = { ...DEFAULT_RULES, ratio: { min: '0.02', max: '0.20' } };
    const id = (await t.gql(PROPOSE, { r: wider, reason: '领导小组会议决定提高比例上限' }, office)).data.proposeRuleSet.id;
    const approved = await t.gql(REVIEW, { id, d: 'APPROVE', c: '同意' }, leader);
    expect(approved.data.reviewRuleProposal).toMatchObject({ status: 'APPROVED', approvedVersion: 2, reviewedBy: expect.any(String) });
    const now = await current();
    expect(now).toMatchObject({ version: 2, rules: { ratio: { max: '0.20' } }, approvedBy: expect.any(String), proposedBy: expect.any(String) });
    expect(now.approvedBy).not.toBe(now.proposedBy);
    const after = await t.gql(CREATE_TASK, { input: task('0.20', '审定后的任务') }, office);
    expect(after.errors).toBeUndefined();
    expect(after.data.createTask.ruleVersion).toBe(2);
    // Nothing earlier is re-read under the new version.
    expect(
      (await t.gql('query($id: ID!) { node(id: $id) { ... on Task { ruleVersion } } }', { id: before.data.createTask.id }, office)).data.node.ruleVersion,
    ).toBe(1);
    expect((await t.gql('query($id: ID!) { node(id: $id) { ... on AnnualPlan { ruleVersion status } } }', { id: planId }, office)).data.node).toMatchObject({
      ruleVersion: 1,
      status: 'PUBLISHED',
    });
    const history = (await t.gql('{ ruleSetHistory { version approvedBy } ruleProposals { status approvedVersion } }', {}, office)).data;
    expect(history.ruleSetHistory.map((v: any) => v.version)).toEqual([2, 1]);
    expect(history.ruleProposals.map((p: any) => p.status)).toEqual(['APPROVED', 'RETURNED', 'RETURNED']);
    const actions = (await t.sql(`SELECT action FROM audit_events WHERE action LIKE 'rules.%' ORDER BY seq`)).map((r) => r.action);
    expect(actions).toEqual(['rules.propose', 'rules.return', 'rules.propose', 'rules.propose', 'rules.approve']);
    // The leader hears of each proposal, the proposer of each decision.
    const kinds = (
      await t.sql(
        `SELECT n.kind FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind LIKE 'RULES_%' AND u.username = 'changde.admin' ORDER BY n.created_at`,
      )
    ).map((r) => r.kind);
    expect(kinds).toEqual(['RULES_RETURNED', 'RULES_APPROVED']);
    expect(
      (
        await t.sql(
          `SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'RULES_PROPOSED' AND u.username = 'changde.leader'`,
        )
      )[0].n,
    ).toBeGreaterThanOrEqual(2);
  });

  it('keeps proposals inside their bureau', async () => {
    const pending = (await t.gql(PROPOSE, { r: { ...DEFAULT_RULES, ratio: { min: '0.02', max: '0.20' }, team: { minSize: 3 } }, reason: '每组三人' }, office))
      .data.proposeRuleSet;
    const wugangOffice = await t.login('wugang.admin');
    const wugangLeader = await t.login('wugang.leader');
    expect((await t.gql('{ ruleProposals { id } }', {}, wugangOffice)).data.ruleProposals).toEqual([]);
    expect(codes(await t.gql(REVIEW, { id: pending.id, d: 'APPROVE' }, wugangLeader))).toEqual(['NOT_FOUND']);
    const [wugang] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'wugang.admin'`);
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugang.tenant_id]);
      expect((await app.query('SELECT count(*)::int AS n FROM rule_proposals')).rows[0].n).toBe(0);
      expect((await app.query(`SELECT count(*)::int AS n FROM rule_sets WHERE version > 1`)).rows[0].n).toBe(0);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
    await t.gql(REVIEW, { id: pending.id, d: 'RETURN', c: '暂不调整' }, leader);
  });

  describe('a province’s bounds', () => {
    const bounds = (over: Record<string, unknown> = {}) => ({
      ratio: { floor: '0.02', ceiling: '0.30' },
      roundsPerYear: { min: 1, max: 2 },
      maxDrawsPerEntityPerYear: 2,
      ...over,
    });
    const SET = 'mutation($b: JSON!, $r: String!) { setRuleBounds(bounds: $b, reason: $r) { bounds reason } }';

    it('refuses bounds some bureau’s current rules break, naming the bureau; sets them otherwise', async () => {
      const hunan = await t.login('hunan.viewer');
      const tooHigh = await t.gql(SET, { b: bounds({ ratio: { floor: '0.03', ceiling: '0.30' } }), r: '全省抽查比例不低于3%' }, hunan);
      expect(codes(tooHigh)).toEqual(['RULE_VIOLATION']);
      expect(tooHigh.errors![0]!.extensions).toMatchObject({
        rule: 'bounds.ratio.floor',
        bureaus: [{ name: '常德市自然资源和规划局', rules: ['bounds.ratio.floor'] }],
      });
      expect((await t.gql('{ ruleBounds { bounds } }', {}, hunan)).data.ruleBounds).toBeNull();
      const set = await t.gql(SET, { b: bounds(), r: '全省细则范围' }, hunan);
      expect(set.errors).toBeUndefined();
      expect(set.data.setRuleBounds.bounds).toEqual(bounds());
      expect((await t.sql(`SELECT action FROM audit_events WHERE action = 'rules.bounds'`)).length).toBe(1);
      // The bureaus read the bounds above them; a bureau sets none.
      expect((await t.gql('{ ruleBoundsAbove { province bounds } }', {}, office)).data.ruleBoundsAbove).toEqual([
        { province: '湖南省自然资源厅', bounds: bounds() },
      ]);
      expect((await t.gql('{ ruleBoundsAbove { province } }', {}, await t.login('wugang.admin'))).data.ruleBoundsAbove).toEqual([]);
      expect(codes(await t.gql(SET, { b: bounds(), r: 'x' }, office))).toEqual(['FORBIDDEN']);
      // A province has no rule set of its own to change, even as an office.
      await t.sql(`UPDATE users SET roles = '{PROVINCIAL_VIEWER,OFFICE}' WHERE username = 'hunan.viewer'`);
      expect(codes(await t.gql(PROPOSE, { r: DEFAULT_RULES, reason: '省级' }, await t.login('hunan.viewer')))).toEqual(['FORBIDDEN']);
      await t.sql(`UPDATE users SET roles = '{PROVINCIAL_VIEWER}' WHERE username = 'hunan.viewer'`);
    });

    it('refuses a bureau’s proposal outside the bounds, naming the bound, and re-checks at approval', async () => {
      const outside = await t.gql(PROPOSE, { r: LOOSE, reason: '放宽' }, office);
      expect(codes(outside)).toEqual(['RULE_VIOLATION']);
      expect(outside.errors![0]!.extensions!.rule).toBe('bounds.ratio.floor');
      expect((outside.errors![0]!.extensions!.violations as { rule: string }[]).map((v) => v.rule)).toEqual([
        'bounds.ratio.floor',
        'bounds.ratio.ceiling',
        'bounds.roundsPerYear.max',
        'bounds.maxDrawsPerEntityPerYear',
      ]);
      expect(outside.errors![0]!.message).toContain('湖南省自然资源厅');
      // Within today's bounds; the province then narrows them (常德's current 2%–20% still fits), and the approval refuses.
      const id = (await t.gql(PROPOSE, { r: { ...DEFAULT_RULES, ratio: { min: '0.02', max: '0.25' } }, reason: '提高上限' }, office)).data.proposeRuleSet.id;
      const hunan = await t.login('hunan.viewer');
      expect((await t.gql(SET, { b: bounds({ ratio: { floor: '0.02', ceiling: '0.20' } }), r: '收紧上限' }, hunan)).errors).toBeUndefined();
      const late = await t.gql(REVIEW, { id, d: 'APPROVE' }, leader);
      expect(codes(late)).toEqual(['RULE_VIOLATION']);
      expect(late.errors![0]!.extensions!.rule).toBe('bounds.ratio.ceiling');
      expect((await current()).version).toBe(2);
      await t.gql(REVIEW, { id, d: 'RETURN', c: '超出省厅范围' }, leader);
    });

    it('shows a province only the bounded limits of its own bureaus', async () => {
      const henan = await t.login('henan.viewer');
      const limits = (await t.gql('{ bureauRuleLimits { name version limits } }', {}, henan)).data.bureauRuleLimits;
      expect(limits.map((b: any) => b.name).sort()).toEqual(['平顶山市自然资源和规划局', '舞钢市自然资源和规划局'].sort());
      expect(Object.keys(limits[0].limits).sort()).toEqual(['maxDrawsPerEntityPerYear', 'ratio', 'roundsPerYear']);
      expect(limits.find((b: any) => b.name === '舞钢市自然资源和规划局').limits.ratio).toEqual({ min: '0.10', max: '1' });
      expect(codes(await t.gql('{ bureauRuleLimits { name } }', {}, office))).toEqual(['FORBIDDEN']);
      expect((await t.gql('{ ruleBounds { bounds } }', {}, henan)).data.ruleBounds).toBeNull();
      // Nor does the app role read another tenant's bounds directly.
      const [hunanRow] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430000'`);
      const [changde] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
      const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
      await app.connect();
      try {
        await app.query('BEGIN');
        await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [changde.tenant_id]);
        expect((await app.query('SELECT count(*)::int AS n FROM rule_bounds WHERE tenant_id = $1', [hunanRow.id])).rows[0].n).toBe(0);
        expect((await app.query('SELECT count(*)::int AS n FROM bureau_rule_limits()')).rows[0].n).toBe(0);
        await app.query('ROLLBACK');
      } finally {
        await app.end();
      }
    });
  });
});
