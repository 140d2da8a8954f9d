import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { handlingLabel, type Handling } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { Inspection, InspectionStatus } from '../inspections/inspection.entity';
import { HandlingChangeView, HandlingInput, HandlingView, type CreditListChoice, type HandlingOutcome } from './handling.types';
import { proposeHandling } from './handling.service';

const DECIDED = [InspectionStatus.APPROVED, InspectionStatus.PUBLISHED];

export function handlingView(handling: Handling | null, decided: boolean): HandlingView | null {
  if (!handling) return null;
  return {
    ...handling,
    outcome: handling.outcome as HandlingOutcome,
    creditList: handling.creditList as CreditListChoice | null,
    label: handlingLabel(handling),
    ownOutcome: handling.ownOutcome ?? null,
    decided,
  };
}

@Resolver(() => Inspection)
export class HandlingResolver {
  @SignedIn()
  @Mutation(() => Inspection, { description: '检查组提出处理建议（草稿或退回修改时）' })
  proposeHandling(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input', () => HandlingInput) input: HandlingInput) {
    return proposeHandling(ctx, id, input);
  }

  @FieldResolver(() => HandlingView, { nullable: true, description: '处理建议；领导审批后为处理决定' })
  handling(@Root() record: Inspection): HandlingView | null {
    return handlingView(record.handling, DECIDED.includes(record.status));
  }

  @FieldResolver(() => [HandlingChangeView], { description: '部门审核、领导审批对处理建议的修改' })
  handlingChanges(@Root() record: Inspection): HandlingChangeView[] {
    return (record.handlingChanges ?? []).map((c) => ({
      at: new Date(c.at),
      action: c.action,
      userName: c.userName,
      before: handlingView(c.before, false),
      after: handlingView(c.after, false)!,
    }));
  }
}
