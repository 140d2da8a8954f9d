import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Public, SignedIn } from '../../graphql/permissions';
import { scopeOfAccessCode } from '../statements/access-code-lookup';
import { limitEntityWrites } from '../statements/entity-limits';
import { CreditEntryStatus } from './credit-list-entry.entity';
import { CreditRepairStatus } from './credit-repair-request.entity';
import { forbidden } from '../../graphql/errors';
import { creditListEntries, creditRepairRequests, publicCreditList, viewOfRepair, viewsOfEntries } from './credit-list-reads';
import { proposeCreditEntry, reviewCreditEntry } from './credit-lists.service';
import { decideCreditRepair, entityCreditEntries, requestCreditRepair, reviewCreditRepair } from './credit-repair.service';
import { CreditListEntryView, CreditListKind, CreditRepairView, EntityCreditEntry, PublicCreditEntry } from './credit-list.types';

@InputType({ description: '拟列入信用惩戒名单' })
class CreditEntryInput {
  @Field(() => ID, { description: '检查对象' }) entityId!: string;
  @Field(() => CreditListKind) list!: CreditListKind;
  @Field({ description: '列入理由' }) reason!: string;
  @Field({ description: '法律依据' }) legalBasis!: string;
  @Field(() => String, { nullable: true, description: '决定日期（默认今日）' }) decidedOn?: string | null;
  @Field({ description: '期限（含当日）' }) validUntil!: string;
}

/** 信用公示: the bureau's 黑名单 and 重点关注名单, their approvals, 信用修复, and the portal's public lists. */
@Resolver()
export class CreditListsResolver {
  @SignedIn()
  @Query(() => [CreditListEntryView], { description: '本单位信用惩戒名单条目，最新在前（最多 500 条）' })
  creditListEntries(
    @Ctx() ctx: RequestContext,
    @Arg('status', () => CreditEntryStatus, { nullable: true }) status: CreditEntryStatus | null,
    @Arg('list', () => CreditListKind, { nullable: true }) list: CreditListKind | null,
  ) {
    return creditListEntries(ctx, status ?? null, list ?? null);
  }

  @SignedIn()
  @Query(() => [CreditRepairView], { description: '本单位信用修复申请，最新在前（最多 500 条）' })
  creditRepairRequests(@Ctx() ctx: RequestContext, @Arg('status', () => CreditRepairStatus, { nullable: true }) status: CreditRepairStatus | null) {
    return creditRepairRequests(ctx, status ?? null);
  }

  @SignedIn()
  @Mutation(() => CreditListEntryView, { description: '办公室拟列入黑名单或重点关注名单（待分管领导审批）' })
  async proposeCreditEntry(@Ctx() ctx: RequestContext, @Arg('input') input: CreditEntryInput) {
    // On the form, the office proposes; a handling decision may call the service as its leader.
    if (!ctx.viewer?.roles.includes('OFFICE')) throw forbidden('信用惩戒名单由领导小组办公室提出');
    return (await viewsOfEntries(ctx, [await proposeCreditEntry(ctx, input)]))[0];
  }

  @SignedIn()
  @Mutation(() => CreditListEntryView, { description: '分管领导审批名单条目（不能审批本人提出的）；不予批准须填写意见' })
  async reviewCreditEntry(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return (await viewsOfEntries(ctx, [await reviewCreditEntry(ctx, id, approve, comment ?? null)]))[0];
  }

  @SignedIn()
  @Mutation(() => CreditRepairView, { description: '办公室对信用修复申请作出决定：同意（待领导审批）或不予修复' })
  async decideCreditRepair(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('grant') grant: boolean,
    @Arg('note', () => String, { nullable: true }) note: string | null,
  ) {
    return viewOfRepair(ctx, await decideCreditRepair(ctx, id, grant, note ?? null));
  }

  @SignedIn()
  @Mutation(() => CreditRepairView, { description: '分管领导审批信用修复（不能审批本人作出的决定）；同意即移出名单' })
  async reviewCreditRepair(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('approve') approve: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
  ) {
    return viewOfRepair(ctx, await reviewCreditRepair(ctx, id, approve, comment ?? null));
  }

  @Public()
  @Query(() => [EntityCreditEntry], { description: '检查对象凭查阅码查看本单位名单中公示期内的条目及其信用修复申请' })
  async entityCreditEntries(@Ctx() ctx: RequestContext, @Arg('accessCode') accessCode: string) {
    return entityCreditEntries(ctx.app, await scopeOfAccessCode(ctx.app, ctx.ip, accessCode));
  }

  @Public()
  @Mutation(() => [EntityCreditEntry], { description: '检查对象凭查阅码申请信用修复（写明理由）；由办公室决定、分管领导审批' })
  async requestCreditRepair(
    @Ctx() ctx: RequestContext,
    @Arg('accessCode') accessCode: string,
    @Arg('entryId', () => ID) entryId: string,
    @Arg('reasons') reasons: string,
  ) {
    const scope = await scopeOfAccessCode(ctx.app, ctx.ip, accessCode);
    await limitEntityWrites(ctx.app, scope, ctx.ip);
    return requestCreditRepair(ctx.app, scope, entryId, reasons, ctx.requestId);
  }

  @Public()
  @Query(() => [PublicCreditEntry], { description: '公示：单位的信用惩戒名单（黑名单、重点关注名单；按其细则公示，期满移出）' })
  publicCreditList(
    @Ctx() ctx: RequestContext,
    @Arg('bureauId', () => ID) bureauId: string,
    @Arg('list', () => CreditListKind, { nullable: true }) list: CreditListKind | null,
  ) {
    return publicCreditList(ctx, bureauId, list ?? null);
  }
}
