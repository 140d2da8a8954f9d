import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { roundsForRisk, stratumRatio, type RiskClass } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { planRiskInputs } from './plan-risk-reads';
import { InspectionItem } from '../items/inspection-item.entity';
import { AnnualPlan } from '../plans/annual-plan.entity';

const CLASSES: Exclude<RiskClass, 'NONE'>[] = ['HIGH', 'MEDIUM', 'LOW'];

@ObjectType({ description: '按风险分类的抽查比例与频次（由计划所依据的细则版本计算）' })
class PlanRiskRow {
  @Field(() => InspectionItem, { nullable: true }) item!: InspectionItem | null;
  @Field({ description: 'HIGH / MEDIUM / LOW（特殊监管对象按 HIGH）' }) risk!: string;
  @Field({ description: '该风险层的抽查比例' }) ratio!: string;
  @Field(() => Int, { description: '该风险层对象每年的抽查轮次（事项轮次 + 细则规定的增加轮次）' }) rounds!: number;
}

/** What risk changes in a plan: each item's ratio and rounds per risk class, under the plan's own rule version. */
@Resolver(() => AnnualPlan)
export class PlanRiskResolver {
  @FieldResolver(() => [PlanRiskRow], { description: '风险分类监管：各事项按风险等级的比例与轮次' })
  async riskTreatment(@Root() plan: AnnualPlan, @Ctx() ctx: RequestContext): Promise<PlanRiskRow[]> {
    const { rows, rules } = await planRiskInputs(ctx, plan);
    if (!rules) return [];
    const out: PlanRiskRow[] = [];
    for (const r of rows) {
      const item = await ctx.loaders.of(InspectionItem).load(r.itemId);
      for (const risk of CLASSES) {
        out.push({
          item,
          risk,
          ratio: rules.rules.strata.byRiskLevel ? stratumRatio(r.ratio, risk, rules.rules.risk) : r.ratio,
          rounds: roundsForRisk(r.rounds, risk, rules.rules.risk),
        });
      }
    }
    return out;
  }
}
