import type { EntityManager } from 'typeorm';
import { isExtraRiskRound, itemEligibility, poolRiskClass, poolStatuses, withRuleDefaults, type PoolTaskScope, type RuleSet } from '@spotcheck/shared';
import { APP_ROLE, createAdminDataSource } from '../../db/data-source';
import { startTestApp, type TestApp } from '../../test-support/test-app';
import { createChangdeTask, holdCeremony } from '../../test-support/draw-ceremony';
import { liftYearCaps } from '../../test-support/draw-fixture';
import { listedEntities } from '../credit/credit-status';
import { RuleSetVersion } from '../rules/rule-set.entity';
import { fromGlobalUuid } from '@spotcheck/shared';
import { Task } from '../tasks/task.entity';
import { buildDrawInput } from './pool';
import { taskItems, yearHistory } from './pool-facts';
import { itemOfStratum, stratumKey } from './stratum-key';

/**
 * The pool applies `@spotcheck/shared`'s eligibility and nothing else: each stratum the server freezes
 * holds exactly the entities `itemEligibility` finds eligible, at its weight, and each rule's count of
 * exclusions is the number of entities it gives as the reason, worked out here from a plain SELECT of the
 * directory — under several rule sets and task filters.
 */
describe('the pool follows the shared eligibility rules', () => {
  let t: TestApp;
  let taskId: string;
  let tenantId: string;
  beforeAll(async () => {
    t = await startTestApp();
    await liftYearCaps(t);
    const office = await t.login('changde.admin');
    [{ tenant_id: tenantId }] = await t.sql(`SELECT tenant_id FROM users WHERE username = 'changde.admin'`);
    // A round of the first item drawn this year, so that the year's rules have entities to leave out.
    const [{ name }] = await t.sql(`SELECT name FROM inspection_items WHERE tenant_id = $1 ORDER BY position LIMIT 1`, [tenantId]);
    await holdCeremony(t, await createChangdeTask(t, office, '本年第一轮', [name]), office, await t.login('changde.supervisor'));
    taskId = fromGlobalUuid(await createChangdeTask(t, office, '本年第二轮'), 'Task')!;
  });
  afterAll(() => t.close());

  async function inTenantTx<T>(tenantId: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    const ds = createAdminDataSource(t.adminUrl);
    await ds.initialize();
    const qr = ds.createQueryRunner();
    await qr.connect();
    await qr.startTransaction();
    try {
      await qr.query(`SET LOCAL ROLE ${APP_ROLE}`);
      await qr.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return await work(qr.manager);
    } finally {
      await qr.rollbackTransaction();
      await qr.release();
      await ds.destroy();
    }
  }

  const variants: [string, (r: RuleSet) => RuleSet, Task['targetFilter']][] = [
    ['the bureau’s rules', (r) => r, {}],
    ['one stratum per item, risk as a weight', (r) => ({ ...r, strata: { byRiskLevel: false } }), {}],
    [
      'class A exempt, drawn excluded per item only',
      (r) => ({ ...r, credit: { ...r.credit, A: { ...r.credit.A, exempt: true } }, excludeDrawnAcrossItems: false }),
      {},
    ],
    ['at most one draw a year', (r) => ({ ...r, excludeDrawnThisYear: false, maxDrawsPerEntityPerYear: 1 }), {}],
    ['a high-risk round', (r) => r, { riskClasses: ['HIGH'] }],
    ['closed entities, low and medium risk', (r) => r, { statuses: ['EXISTING', 'CLOSED'], riskClasses: ['LOW', 'MEDIUM'] }],
  ];

  it.each(variants)('under %s', async (_name, rulesOf, targetFilter) => {
    await inTenantTx(tenantId, async (m) => {
      const task = await m.findOneOrFail(Task, { where: { id: taskId } });
      task.targetFilter = { ...(task.targetFilter ?? {}), ...targetFilter };
      const version = await m.findOneOrFail(RuleSetVersion, { where: {}, order: { version: 'DESC' } });
      const rules = rulesOf(withRuleDefaults(version.rules));
      const { input, summary } = await buildDrawInput(m, task, rules);

      const filter = task.targetFilter;
      const scope: PoolTaskScope = {
        targetTypes: filter.targetTypes,
        riskClasses: filter.riskClasses,
        extraRiskRound: isExtraRiskRound(filter.riskClasses, rules.risk),
      };
      const items = await taskItems(m, task);
      const history = await yearHistory(m, tenantId, Number(task.startsOn.slice(0, 4)));
      const listed = await listedEntities(m, rules);
      const entities = (await m.query(
        `SELECT id, uscc, target_type, credit_class, complaints, violation_record IS NOT NULL AS has_violation, risk_level FROM market_entities
          WHERE tenant_id = $1 AND status = ANY($2) AND ($3::text[] IS NULL OR region_code = ANY($3)) AND ($4::text[] IS NULL OR industry = ANY($4))`,
        [tenantId, poolStatuses(filter.statuses), filter.regionCodes ?? null, filter.industries ?? null],
      )) as {
        id: string;
        uscc: string;
        target_type: string | null;
        credit_class: string | null;
        complaints: number;
        has_violation: boolean;
        risk_level: string | null;
      }[];

      const expected = new Map<string, string[]>();
      const excluded = new Map<string, Record<string, number>>(); // item id → rule → count
      for (const item of items) {
        excluded.set(item.id, { creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 });
        for (const e of entities) {
          const facts = {
            targetType: e.target_type,
            creditClass: e.credit_class,
            complaints: e.complaints,
            hasViolation: e.has_violation,
            riskLevel: e.risk_level,
            creditStatus: listed.get(e.id),
            history: history.get(e.id),
          };
          const verdict = itemEligibility(rules, scope, { id: item.id, targetType: item.target_type }, facts);
          if (verdict.eligible) {
            const key = rules.strata.byRiskLevel ? stratumKey(item.id, poolRiskClass(rules, facts)) : stratumKey(item.id);
            expected.set(key, [...(expected.get(key) ?? []), `${e.uscc}=${verdict.weight}`]);
          } else if (verdict.reason in excluded.get(item.id)!) {
            excluded.get(item.id)![verdict.reason] += 1;
          }
        }
      }
      const frozen = new Map(input.strata.filter((s) => s.entities.length > 0).map((s) => [s.key, s.entities.map((e) => `${e.key}=${e.weight}`).sort()]));
      expect(frozen).toEqual(new Map([...expected].map(([key, list]) => [key, list.sort()])));
      expect(frozen.size).toBeGreaterThan(0);
      const counted = new Map<string, Record<string, number>>();
      for (const s of summary.strata) {
        const item = itemOfStratum(s.key);
        const sum = counted.get(item) ?? { creditExempt: 0, drawnThisYear: 0, maxDrawsPerYear: 0 };
        for (const [rule, n] of Object.entries(s.excluded)) sum[rule] = (sum[rule] ?? 0) + n;
        counted.set(item, sum);
      }
      expect(counted).toEqual(excluded);
    });
  });
});
