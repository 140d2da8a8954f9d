import { readTx, type RequestContext } from '../../graphql/context';
import type { AnnualPlan } from '../plans/annual-plan.entity';
import { planItems } from '../plans/plan-reads';
import { RuleSetVersion } from './rule-set.entity';

/** A plan's items and the rule set version it was made under. */
export async function planRiskInputs(ctx: RequestContext, plan: AnnualPlan) {
  const [rows, rules] = await Promise.all([
    planItems(ctx, plan.id),
    readTx(ctx, (m) => m.findOneBy(RuleSetVersion, { tenantId: plan.tenantId, version: plan.ruleVersion })),
  ]);
  return { rows, rules };
}
