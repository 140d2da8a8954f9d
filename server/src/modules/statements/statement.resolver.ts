import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { Inspection } from '../inspections/inspection.entity';
import { StatementKind } from './statement.entity';
import { answerStatement, listBureauStatements, recordRecheck, recordStatementsFor } from './statement.service';
import { EntityStatement } from './statement.types';

const EntityStatementConnection = Connection(EntityStatement);

@ArgsType()
class StatementFilterArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: '只看本人所在检查组应答复的（检查人员也可查看）' }) mine?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '只看未办结（true）或已办结（false）' }) open?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '只看公示后提出的' }) afterPublication?: boolean | null;
  @Field(() => StatementKind, { nullable: true }) kind?: StatementKind | null;
}

@Resolver(() => Inspection)
export class InspectionStatementsResolver {
  @FieldResolver(() => [EntityStatement], {
    nullable: true,
    description: '检查对象的陈述申辩及检查组的答复、复核（含被更正记录的）；可见范围同证据',
  })
  statements(@Root() record: Inspection, @Ctx() ctx: RequestContext) {
    return recordStatementsFor(ctx, record);
  }
}

@Resolver(() => EntityStatement)
export class EntityStatementResolver {
  @SignedIn()
  @Query(() => EntityStatementConnection, { description: '本单位收到的陈述申辩（办公室据此跟进公示后的异议）；mine 为本人所在检查组的' })
  entityStatements(@Ctx() ctx: RequestContext, @Args() filter: StatementFilterArgs) {
    return listBureauStatements(ctx, filter);
  }

  @SignedIn()
  @Mutation(() => EntityStatement, { description: '检查组答复陈述申辩；recheck 表示决定复核' })
  answerEntityStatement(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('answer') answer: string,
    @Arg('recheck', () => Boolean, { defaultValue: false }) recheck: boolean,
  ) {
    return answerStatement(ctx, id, answer, recheck);
  }

  @SignedIn()
  @Mutation(() => EntityStatement, { description: '检查组记录复核结果' })
  recordRecheck(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('result') result: string) {
    return recordRecheck(ctx, id, result);
  }

  @FieldResolver(() => Inspection, { nullable: true, description: '提出时针对的检查记录（仅本单位工作人员可见）' })
  inspection(@Root() statement: EntityStatement, @Ctx() ctx: RequestContext) {
    return ctx.viewer ? ctx.loaders.of(Inspection).load(statement.recordId) : null;
  }
}
