import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { RequestContext } from '../../graphql/context';
import { Allow, SignedIn } from '../../graphql/permissions';
import { RuleSetVersion } from './rule-set.entity';
import { currentRuleSet, ruleSetHistory, updateRuleSet } from './rule-set.service';

@Resolver(() => RuleSetVersion)
export class RuleSetResolver {
  @SignedIn()
  @Query(() => RuleSetVersion, { nullable: true, description: '本单位当前细则' })
  ruleSet(@Ctx() ctx: RequestContext) {
    return currentRuleSet(ctx);
  }

  @SignedIn()
  @Query(() => [RuleSetVersion], { description: '本单位细则的历次版本，最新在前' })
  ruleSetHistory(@Ctx() ctx: RequestContext) {
    return ruleSetHistory(ctx);
  }

  @Allow('update', 'Tenant')
  @Mutation(() => RuleSetVersion, { description: '保存本单位细则的新版本（按 shared 中的同一模式校验）' })
  updateRuleSet(@Ctx() ctx: RequestContext, @Arg('rules', () => GraphQLJSON) rules: unknown, @Arg('reason') reason: string) {
    return updateRuleSet(ctx, rules, reason);
  }
}
