import type { SpotCheckModule } from '../../core/module';
import { PlanRiskResolver } from './plan-risk.resolver';
import { RuleBoundsRow } from './rule-bounds.entity';
import { RuleProposal } from './rule-proposal.entity';
import { RuleSetVersion } from './rule-set.entity';
import { RuleProposalResolver, RuleSetResolver } from './rule-set.resolver';

export const rulesModule: SpotCheckModule = {
  name: 'rules',
  entities: [RuleSetVersion, RuleProposal, RuleBoundsRow],
  resolvers: [RuleSetResolver, RuleProposalResolver, PlanRiskResolver],
};
