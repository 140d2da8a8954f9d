import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { Tenant } from '../tenants/tenant.entity';
import { RoleGrant, RoleGrantStatus } from './role-grant.entity';
import { User } from './user.entity';
import { decideRoleGrant, listRoleGrants, viewerMayDecide } from './role-grants.service';

@Resolver(() => RoleGrant)
export class RoleGrantResolver {
  @SignedIn()
  @Query(() => [RoleGrant], { description: '角色授予（四眼原则）：本单位办公室、领导、纪检监督可见；平台运营方只见须由其审批的（尚无分管领导的单位）' })
  roleGrants(@Ctx() ctx: RequestContext, @Arg('status', () => RoleGrantStatus, { nullable: true }) status?: RoleGrantStatus | null) {
    return listRoleGrants(ctx, status ?? null);
  }

  @SignedIn()
  @Mutation(() => RoleGrant, { description: '批准角色授予：由本单位分管领导（非提出人、非被授予人）审批；尚无分管领导的单位由平台运营方审批' })
  approveRoleGrant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String, { nullable: true }) note?: string | null) {
    return decideRoleGrant(ctx, id, true, note ?? null);
  }

  @SignedIn()
  @Mutation(() => RoleGrant, { description: '驳回角色授予（须说明理由）' })
  rejectRoleGrant(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('note', () => String) note: string) {
    return decideRoleGrant(ctx, id, false, note);
  }

  @FieldResolver(() => User, { nullable: true, description: '被授予角色的用户（平台运营方不可见单位的用户）' })
  user(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return ctx.viewer?.tenantId === grant.tenantId ? ctx.loaders.of(User).load(grant.userId) : null;
  }

  @FieldResolver(() => Tenant, { nullable: true })
  tenant(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Tenant).load(grant.tenantId);
  }

  @FieldResolver(() => Boolean, { description: '当前用户能否审批' })
  canDecide(@Root() grant: RoleGrant, @Ctx() ctx: RequestContext) {
    return viewerMayDecide(ctx.viewer, grant);
  }
}
