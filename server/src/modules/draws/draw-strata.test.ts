import { DEFAULT_RULES, RISK_OFF, countToDraw, fromGlobalUuid, parseDecimal, verifyDraw, type DrawRecord } from '@spotcheck/shared';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createChangdeTask, holdCeremony, plainRecordOf, saveRules } from '../../test-support/draw-ceremony';
import { liftYearCaps } from '../../test-support/draw-fixture';
import { itemOfStratum } from './stratum-key';

const RISK_KEY = /^item:([0-9a-f-]{36})\|risk:(HIGH|MEDIUM|LOW|NONE)$/;

describe('strata by risk level', () => {
  let t: TestApp;
  let office: string;
  let supervisor: string;
  let tenantId: string;

  beforeAll(async () => {
    t = await startTestApp();
    await liftYearCaps(t);
    office = await t.login('changde.admin');
    supervisor = await t.login('changde.supervisor');
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    // Some entities without a risk level, and no high-risk 测绘资质单位 at all.
    await t.sql(`UPDATE market_entities SET risk_level = NULL WHERE id IN (SELECT id FROM market_entities WHERE tenant_id = $1 ORDER BY uscc LIMIT 300)`, [
      tenantId,
    ]);
    await t.sql(`UPDATE market_entities SET risk_level = 'MEDIUM' WHERE tenant_id = $1 AND target_type = '测绘资质单位' AND risk_level = 'HIGH'`, [tenantId]);
  });
  afterAll(() => t.close());

  it('reads a rule version saved before the option existed as off: one stratum per item', async () => {
    const [{ version }] = await t.sql(`SELECT max(version) AS version FROM rule_sets WHERE tenant_id = $1`, [tenantId]);
    const { strata: _absent, ...older } = DEFAULT_RULES;
    await t.sql(`INSERT INTO rule_sets (tenant_id, version, rules, reason) VALUES ($1, $2, $3, '旧版细则')`, [tenantId, version + 1, JSON.stringify(older)]);
    const current = await t.gql('{ ruleSet { version rules } }', {}, office);
    expect(current.data.ruleSet).toMatchObject({ version: version + 1, rules: { strata: { byRiskLevel: false } } });

    const taskId = await createChangdeTask(t, office, '按事项分层');
    const committed = await t.gql('mutation($id: ID!) { commitDraw(taskId: $id) { id record summary } }', { id: taskId }, office);
    expect(committed.errors).toBeUndefined();
    const plain = await plainRecordOf(t, committed.data.commitDraw.id, office, committed.data.commitDraw.record);
    const keys = plain.input.strata.map((s: { key: string }) => s.key);
    expect(keys).toHaveLength(4);
    for (const key of keys) expect(key).toMatch(/^item:[0-9a-f-]{36}$/);
    expect(committed.data.commitDraw.summary.strata.every((s: { riskLevel?: string }) => s.riskLevel === undefined)).toBe(true);
  });

  it('splits each item by risk level, rounds each stratum up, and stores the selections under their items', async () => {
    // Risk only splits here; what it raises is rules/risk-draw.test.ts's.
    await saveRules(t, office, { strata: { byRiskLevel: true }, risk: RISK_OFF, workloadCapPerInspectorPerRound: 200 });
    const taskId = await createChangdeTask(t, office, '按事项和风险等级分层');
    const { drawId, record, plain } = await holdCeremony(t, taskId, office, supervisor);
    expect(verifyDraw(record)).toEqual({ ok: true, revealed: true });

    // Every stratum is one item and one risk class, and holds exactly the entities of that class.
    const risks = new Map<string, string | null>(
      (await t.sql(`SELECT uscc, risk_level FROM market_entities WHERE tenant_id = $1`, [tenantId])).map((r) => [r.uscc, r.risk_level]),
    );
    const strata = plain.input.strata;
    const byItem = new Map<string, DrawRecord['input']['strata']>();
    for (const stratum of strata) {
      const [, itemId, risk] = RISK_KEY.exec(stratum.key)!;
      expect(stratum.entities.length).toBeGreaterThan(0);
      for (const e of stratum.entities) expect(risks.get(e.key) ?? 'NONE').toBe(risk);
      byItem.set(itemId!, [...(byItem.get(itemId!) ?? []), stratum]);
    }
    expect(byItem.size).toBe(4);
    expect(strata.some((s) => s.key.endsWith('|risk:NONE'))).toBe(true);
    const [survey] = await t.sql(`SELECT id FROM inspection_items WHERE tenant_id = $1 AND name = '测绘资质单位监督检查'`, [tenantId]);
    expect(
      byItem
        .get(survey.id)!
        .map((s) => s.key.split('|')[1])
        .sort(),
    ).toEqual(['risk:LOW', 'risk:MEDIUM', 'risk:NONE']);

    // Each stratum draws ⌈N × the item's ratio⌉ of its own N: together at least the item's share, often more.
    let roundedMore = 0;
    for (const [itemId, itemStrata] of byItem) {
      const ratio = parseDecimal(itemStrata[0]!.ratio)!.units;
      let drawn = 0;
      let total = 0;
      for (const s of itemStrata) {
        expect(s.ratio).toBe(itemStrata[0]!.ratio);
        const k = plain.result!.selections.find((sel) => sel.stratumKey === s.key)!.entityKeys.length;
        expect(k).toBe(Math.ceil((s.entities.length * ratio) / 10_000));
        expect(k).toBe(countToDraw(s.entities.length, ratio, 0));
        drawn += k;
        total += s.entities.length;
      }
      expect(drawn).toBeGreaterThanOrEqual(countToDraw(total, ratio, 0));
      if (drawn > countToDraw(total, ratio, 0)) roundedMore += 1;
      expect(itemId).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(roundedMore).toBeGreaterThan(0);

    // The summary reports per stratum.
    const summary = (await t.gql('query($id: ID!) { node(id: $id) { ... on Draw { summary } } }', { id: drawId }, office)).data.node.summary;
    expect(summary.strata.map((s: { key: string }) => s.key)).toEqual(expect.arrayContaining(strata.map((s) => s.key)));
    for (const s of summary.strata) {
      expect(s.key).toBe(`item:${itemOfStratum(s.key)}|risk:${s.riskLevel}`);
      expect(s.eligible).toBe(strata.find((x) => x.key === s.key)!.entities.length);
    }

    // Stored selections name items, not strata: one row per team, each with the items that selected it.
    const expected = new Map<string, Set<string>>();
    for (const sel of plain.result!.selections) {
      for (const key of sel.entityKeys) expected.set(key, (expected.get(key) ?? new Set()).add(itemOfStratum(sel.stratumKey)));
    }
    const rows = await t.sql(
      `SELECT e.uscc, s.item_ids FROM draw_selections s JOIN market_entities e ON e.tenant_id = s.tenant_id AND e.id = s.entity_id WHERE s.draw_id = $1`,
      [fromGlobalUuid(drawId, 'Draw')],
    );
    expect(rows).toHaveLength(record.result!.teams.length);
    for (const row of rows) expect([...row.item_ids].sort()).toEqual([...expected.get(row.uscc)!].sort());
    // An entity drawn for two items is one row, inspected once (whether the seed drew one is chance).
    expect(rows.some((row) => row.item_ids.length > 1)).toBe([...expected.values()].some((items) => items.size > 1));
    const results = await t.gql(
      'query($id: ID!) { node(id: $id) { ... on Draw { results(first: 3) { edges { node { entity { uscc } items { name } } } } } } }',
      { id: drawId },
      office,
    );
    for (const { node } of results.data.node.results.edges) expect(node.items.length).toBe(expected.get(node.entity.uscc)!.size);
  });
});
