import { fromGlobalUuid } from '@spotcheck/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Inspector } from '../inspectors/inspector.entity';
import type { RequestContext } from '../../graphql/context';
import { Public, SignedIn } from '../../graphql/permissions';
import { todayInChina } from '../inspections/inspection-deadlines';
import { scopeOfAccessCode } from '../statements/access-code-lookup';
import { limitEntityWrites } from '../statements/entity-limits';
import { RectificationStatus } from './rectification.entity';
import { readEntityRectification, reportEntityRectification, reportFilesForEntity, reportFilesForStaff } from './rectification-entity.service';
import type { CodeScope } from '../statements/access-code-lookup';
import { EvidenceFileView, evidenceView } from '../evidence/evidence.types';
import type { Rectification } from './rectification.entity';
import {
  decideClosing,
  openRectificationByOffice,
  overdueRectificationCount,
  proposeClosing,
  rectificationsOfInspection,
  recordRecheck,
} from './rectification-workflow.service';
import { EntityRectification, RectificationView } from './rectification.types';

const view = (r: Parameters<typeof RectificationView.of>[0]) => RectificationView.of(r, todayInChina(new Date()));

/** What the entity sees of a rectification, with the files it uploaded. */
async function entityView(ctx: RequestContext, scope: CodeScope, r: Rectification): Promise<EntityRectification> {
  const files = await reportFilesForEntity(ctx.app, scope, r.id);
  return EntityRectification.of(
    r,
    files.map((f) => evidenceView(f, 'entity')),
  );
}

@Resolver(() => RectificationView)
export class RectificationResolver {
  @FieldResolver(() => [EvidenceFileView], { description: '检查对象随整改报告上传的附件' })
  async reportFiles(@Root() r: RectificationView, @Ctx() ctx: RequestContext): Promise<EvidenceFileView[]> {
    const files = await reportFilesForStaff(ctx, fromGlobalUuid(r.id, 'Rectification')!);
    return files.map((f) => evidenceView(f, 'staff'));
  }

  @FieldResolver(() => [String], { description: '复查组成员（开立时确定：原检查组，或按细则随机抽取）' })
  async recheckTeam(@Root() r: RectificationView, @Ctx() ctx: RequestContext): Promise<string[]> {
    const people = await Promise.all((r.recheckTeamIds ?? []).map((id) => ctx.loaders.of(Inspector).load(id)));
    return people.map((p) => p?.name ?? '—');
  }

  @SignedIn()
  @Query(() => [RectificationView], { description: '检查记录的整改（新的在前）' })
  async inspectionRectifications(@Ctx() ctx: RequestContext, @Arg('inspectionId', () => ID) inspectionId: string) {
    return (await rectificationsOfInspection(ctx, inspectionId)).map(view);
  }

  @SignedIn()
  @Query(() => Int, { description: '本单位逾期未报告的整改数' })
  overdueRectificationCount(@Ctx() ctx: RequestContext) {
    return overdueRectificationCount(ctx);
  }

  @SignedIn()
  @Mutation(() => RectificationView, { description: '登记责令整改（分管领导或领导小组办公室；记录须已审批或已公示）' })
  async openRectification(
    @Ctx() ctx: RequestContext,
    @Arg('inspectionId', () => ID) inspectionId: string,
    @Arg('dueWorkingDays', () => Int) dueWorkingDays: number,
    @Arg('basis') basis: string,
  ) {
    return view(await openRectificationByOffice(ctx, { inspectionId, dueWorkingDays, basis }));
  }

  @SignedIn()
  @Mutation(() => RectificationView, { description: '检查组复查整改情况' })
  async recordRectificationRecheck(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('passed') passed: boolean, @Arg('result') result: string) {
    return view(await recordRecheck(ctx, id, passed, result));
  }

  @SignedIn()
  @Mutation(() => RectificationView, { description: '部门负责人提出办结意见：整改完成（DONE）或未按期整改（NOT_DONE）' })
  async proposeRectificationClosing(
    @Ctx() ctx: RequestContext,
    @Arg('id', () => ID) id: string,
    @Arg('outcome', () => RectificationStatus) outcome: RectificationStatus,
    @Arg('note') note: string,
  ) {
    return view(await proposeClosing(ctx, id, outcome, note));
  }

  @SignedIn()
  @Mutation(() => RectificationView, { description: '分管领导审批办结意见（不能审批本人提出的）' })
  async decideRectificationClosing(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('approve') approve: boolean) {
    return view(await decideClosing(ctx, id, approve));
  }

  @Public()
  @Query(() => EntityRectification, { nullable: true, description: '检查对象凭查阅码查看本单位的整改' })
  async entityRectification(@Ctx() ctx: RequestContext, @Arg('accessCode') accessCode: string) {
    const scope = await scopeOfAccessCode(ctx.app, ctx.ip, accessCode);
    const r = await readEntityRectification(ctx.app, scope);
    return r ? entityView(ctx, scope, r) : null;
  }

  @Public()
  @Mutation(() => EntityRectification, { description: '检查对象凭查阅码报告整改情况（复查前可重新报告）' })
  async reportEntityRectification(@Ctx() ctx: RequestContext, @Arg('accessCode') accessCode: string, @Arg('body') body: string) {
    const scope = await scopeOfAccessCode(ctx.app, ctx.ip, accessCode);
    await limitEntityWrites(ctx.app, scope, ctx.ip);
    return entityView(ctx, scope, await reportEntityRectification(ctx.app, scope, body, ctx.requestId));
  }
}
