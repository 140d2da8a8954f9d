import { Client } from 'pg';
import { DEFAULT_RULES, RISK_OFF, toGlobalId } from '@spotcheck/shared';
import { startTestApp, codes, type TestApp } from '../../test-support/test-app';
import { approveLate, drawWugangTask, liftYearCaps } from '../../test-support/draw-fixture';
import { approveRules, plainRecordOf } from '../../test-support/draw-ceremony';
import { approvedInspection, publishInspection } from '../../test-support/inspection-fixture';
import { APP_ROLE } from '../../db/data-source';

const ENTITY = `query($id: ID!) { node(id: $id) { ... on MarketEntity { uscc creditStatus creditRecords { problem note supersededAt resultCategory { code label } inspection { id status } } } } }`;

describe('credit loop: published results feed the credit record, the rules list entities, the next draw weighs them', () => {
  let t: TestApp;
  let office: string;
  let watched: { id: string; uscc: string };
  let blacklisted: { id: string; uscc: string };
  let obstructedId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await liftYearCaps(t);
    office = await t.login('wugang.admin');
    await drawWugangTask(t);
    // Two active 舞钢 entities the 2023 draw did not draw, with the plainest weight (class B, no complaints, no violation).
    const rows = await t.sql(
      `SELECT e.id, e.uscc FROM market_entities e JOIN tenants n ON n.id = e.tenant_id AND n.region_code = '410481'
        WHERE e.status IN ('EXISTING', 'OPERATING') AND NOT EXISTS (SELECT 1 FROM draw_selections s WHERE s.entity_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.entity_id = e.id)
        ORDER BY e.uscc LIMIT 2`,
    );
    await t.sql(`UPDATE market_entities SET credit_class = 'B', complaints = 0, violation_record = NULL WHERE id = ANY($1)`, [rows.map((r) => r.id)]);
    // Only the credit loop weighs here: risk (which would weigh a risk class and the blacklist as high risk) is off.
    const rules = (await t.gql('{ ruleSet { rules } }', {}, office)).data.ruleSet.rules;
    await approveRules(t, office, { ...rules, risk: RISK_OFF }, '本测试只看信用闭环');
    [watched, blacklisted] = rows.map((r) => ({ id: toGlobalId('MarketEntity', r.id), uscc: r.uscc }));
  });
  afterAll(() => t.close());

  it('writes each published result into the credit record, in the publishing transaction', async () => {
    const first = await approvedInspection(t, watched.uscc, 'CORRECTED', { findings: '复垦方案未按期报备，已责令改正' });
    expect((await t.gql(ENTITY, { id: watched.id }, office)).data.node.creditRecords).toEqual([]);
    expect(await publishInspection(t, first, office)).toBeUndefined();
    const entity = (await t.gql(ENTITY, { id: watched.id }, office)).data.node;
    expect(entity.creditRecords).toEqual([
      {
        problem: true,
        note: '发现问题经责令已改正',
        supersededAt: null,
        resultCategory: { code: 'CORRECTED', label: '发现问题经责令已改正' },
        inspection: { id: first, status: 'PUBLISHED' },
      },
    ]);
    expect(entity.creditStatus).toBe('NORMAL'); // one problem; the watch list takes two within three years
    const noProblem = await approvedInspection(t, watched.uscc, 'NO_PROBLEM');
    await publishInspection(t, noProblem, office);
    expect((await t.gql(ENTITY, { id: watched.id }, office)).data.node).toMatchObject({ creditStatus: 'NORMAL' });
  });

  it('puts the entity on the watch list from the second problem result', async () => {
    await publishInspection(t, await approvedInspection(t, watched.uscc, 'UNREACHABLE'), office);
    const entity = (await t.gql(ENTITY, { id: watched.id }, office)).data.node;
    expect(entity.creditStatus).toBe('WATCH');
    expect(entity.creditRecords.map((r: any) => r.resultCategory.code)).toEqual(['UNREACHABLE', 'NO_PROBLEM', 'CORRECTED']);
  });

  it('blacklists on a category the rules name', async () => {
    obstructedId = await approvedInspection(t, blacklisted.uscc, 'OBSTRUCTED', { findings: '拒绝提供资料，阻挠检查' });
    await publishInspection(t, obstructedId, office);
    expect((await t.gql(ENTITY, { id: blacklisted.id }, office)).data.node.creditStatus).toBe('BLACKLIST');
  });

  it('weighs the listed entities up in the next draw’s frozen input (watch ×2, blacklist ×3)', async () => {
    const input = await frozenInputOfNewDraw();
    const weightsOf = (uscc: string) => new Set(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === uscc).map((e: any) => e.weight)));
    expect(weightsOf(watched.uscc)).toEqual(new Set(['2']));
    expect(weightsOf(blacklisted.uscc)).toEqual(new Set(['3']));
  });

  it('follows a change of the rules: a heavier watch list weight, and the loop switched off', async () => {
    const propose = 'mutation($rules: JSON!) { proposeRuleSet(rules: $rules, reason: "信用闭环权重调整") { id } }';
    const current = (await t.gql('{ ruleSet { rules } }', {}, office)).data.ruleSet.rules;
    const heavier = { ...current, creditLoop: { ...current.creditLoop, watchList: { ...current.creditLoop.watchList, weight: 2.5 } } };
    await approveRules(t, office, heavier, '信用闭环权重调整');
    let input = await frozenInputOfNewDraw();
    expect(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === watched.uscc).map((e: any) => e.weight))[0]).toBe('2.5');
    expect(
      codes(
        await t.gql(
          propose,
          { rules: { ...heavier, creditLoop: { ...heavier.creditLoop, watchList: { ...heavier.creditLoop.watchList, weight: 0.5 } } } },
          office,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    await approveRules(t, office, { ...heavier, creditLoop: { ...heavier.creditLoop, enabled: false } });
    expect((await t.gql(ENTITY, { id: watched.id }, office)).data.node.creditStatus).toBe('NORMAL');
    input = await frozenInputOfNewDraw();
    expect(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === blacklisted.uscc).map((e: any) => e.weight))[0]).toBe('1');
    await approveRules(t, office, current);
    expect((await t.gql(ENTITY, { id: watched.id }, office)).data.node.creditStatus).toBe('WATCH');
  });

  it('reads a rule version stored before the credit loop as the loop switched off', async () => {
    const { creditLoop: _omitted, ...old } = DEFAULT_RULES;
    await t.sql(
      `INSERT INTO rule_sets (tenant_id, version, rules, reason) SELECT tenant_id, max(version) + 1, $1, '旧版本' FROM rule_sets
        WHERE tenant_id = (SELECT id FROM tenants WHERE region_code = '410481') GROUP BY tenant_id`,
      [JSON.stringify({ ...old, ratio: { min: '0.10', max: '0.30' }, roundsPerYear: { min: 1, max: 1 }, workloadCapPerInspectorPerRound: 200 })],
    );
    const input = await frozenInputOfNewDraw();
    expect(input.strata.flatMap((s: any) => s.entities.filter((e: any) => e.key === blacklisted.uscc).map((e: any) => e.weight))[0]).toBe('1');
    await t.sql(`DELETE FROM rule_sets WHERE reason = '旧版本'`);
  });

  it('lets a published correction supersede the original’s credit record', async () => {
    const correction = await approvedInspection(t, blacklisted.uscc, 'NO_PROBLEM', {
      correctsGlobalId: obstructedId,
      correctionReason: '经复核，对象已配合检查',
    });
    await publishInspection(t, correction, office);
    const entity = (await t.gql(ENTITY, { id: blacklisted.id }, office)).data.node;
    expect(entity.creditStatus).toBe('NORMAL');
    expect(entity.creditRecords).toHaveLength(2);
    const [latest, original] = entity.creditRecords;
    expect(latest).toMatchObject({ problem: false, note: '更正：经复核，对象已配合检查', supersededAt: null, inspection: { id: correction } });
    expect(original).toMatchObject({ resultCategory: { code: 'OBSTRUCTED' }, inspection: { id: obstructedId } });
    expect(original.supersededAt).not.toBeNull();
  });

  it('keeps credit records inside the bureau, at both walls', async () => {
    const stranger = await t.login('changde.admin');
    expect(codes(await t.gql(ENTITY, { id: watched.id }, stranger))).toEqual(['NOT_FOUND']);
    expect((await t.gql('query($s: String) { entities(search: $s) { totalCount } }', { s: watched.uscc }, stranger)).data.entities.totalCount).toBe(0);
    expect(codes(await t.gql(ENTITY, { id: watched.id }))).toEqual(['UNAUTHENTICATED']);
    const app = new Client({ connectionString: t.adminUrl, options: `-c role=${APP_ROLE}` });
    await app.connect();
    try {
      const [{ id: changde }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '430700'`);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [changde]);
      expect((await app.query('SELECT * FROM credit_records')).rows).toEqual([]);
      await app.query('ROLLBACK');
      // Append-only for the app role, but for the link of a correction.
      const [{ id: wugang }] = await t.sql(`SELECT id FROM tenants WHERE region_code = '410481'`);
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugang]);
      await expect(app.query(`UPDATE credit_records SET problem = false`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
      await app.query('BEGIN');
      await app.query(`SELECT set_config('app.tenant_id', $1, true)`, [wugang]);
      await expect(app.query(`DELETE FROM credit_records`)).rejects.toThrow(/permission denied/);
      await app.query('ROLLBACK');
    } finally {
      await app.end();
    }
  });

  let drawCount = 0;
  /** Freezes a new 舞钢 2023 task's pool (commit only) and returns the record's input. */
  async function frozenInputOfNewDraw(): Promise<any> {
    const items = (await t.gql('{ items { edges { node { id minRatio } } } }', {}, office)).data.items.edges.map((e: any) => e.node);
    const plan = (await t.gql('{ plans { edges { node { id } } } }', {}, office)).data.plans.edges[0].node.id;
    drawCount += 1;
    const task = await t.gql(
      'mutation($input: TaskInput!) { createTask(input: $input) { id } }',
      {
        input: {
          planId: plan,
          round: 1,
          title: `信用闭环测试 ${drawCount}`,
          purpose: '测试',
          procedure: '摇号',
          divisionOfLabour: '分工',
          confidentiality: '保密',
          startsOn: '2023-06-05',
          endsOn: '2023-11-24',
          teamSize: 2,
          items: items.map((i: any) => ({ itemId: i.id, ratio: i.minRatio })),
          reason: '测试',
        },
      },
      office,
    );
    if (task.errors) throw new Error(JSON.stringify(task.errors));
    await approveLate(t, task.data.createTask.id, await t.login('wugang.leader'));
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id } }', { id: task.data.createTask.id }, office);
    if (committed.errors) throw new Error(JSON.stringify(committed.errors));
    // The public record is pseudonymous (spotcheck-draw/2): the office reads the weights by name through the key map.
    const record = (await (await fetch(`${t.url}/api/public/draws/${committed.data.commitDraw.id}`)).json()) as any;
    return (await plainRecordOf(t, committed.data.commitDraw.id, office, record)).input;
  }
});
