import type { SpotCheckModule } from '../../core/module';
import { AnnualPlanItem } from './annual-plan-item.entity';
import { AnnualPlan } from './annual-plan.entity';
import { PlanResolver } from './plan.resolver';

export const plansModule: SpotCheckModule = {
  name: 'plans',
  entities: [AnnualPlan, AnnualPlanItem],
  resolvers: [PlanResolver],
  nodeTypes: [AnnualPlan],
};
