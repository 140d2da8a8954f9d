import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Role } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow, Public, SignedIn } from '../../graphql/permissions';
import { InvitationCode } from '../invitations/invitation.types';
import { inviteUser, resetUserPassword, setUserActive, updateUser } from './user-admin.service';
import { Tenant } from '../tenants/tenant.entity';
import { Department } from '../departments/department.entity';
import { RoleEnum, User } from './user.entity';
import { listUsers } from './user.service';
import { RoleGrant } from './role-grant.entity';
import { pendingGrantsLoader } from './role-grants.service';

const UserConnection = Connection(User);

@InputType({ description: '邀请用户' })
class InviteUserInput {
  @Field() username!: string;
  @Field() displayName!: string;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => [RoleEnum]) roles!: Role[];
}

@InputType({ description: '修改用户' })
class UpdateUserInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => ID, { nullable: true, description: '传 null 表示不属于任何部门' }) departmentId?: string | null;
  @Field(() => [RoleEnum], { nullable: true }) roles?: Role[] | null;
}

@ObjectType({ description: '用户及其一次性邀请码' })
class UserInvitationPayload {
  @Field(() => User) user!: User;
  @Field(() => InvitationCode) invitation!: InvitationCode;
}

@Resolver(() => User)
export class UserResolver {
  @Public()
  @Query(() => User, { nullable: true, description: '当前登录用户；未登录时为 null' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.viewer ? ctx.loaders.of(User).load(ctx.viewer.userId) : null;
  }

  @SignedIn()
  @Query(() => UserConnection, { description: '本单位用户（按权限：办公室、领导、监督、部门负责人可见全部，其他人只见自己）' })
  users(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listUsers(ctx, page);
  }

  @Allow('create', 'User')
  @Mutation(() => UserInvitationPayload, { description: '邀请用户：账号立即建立，凭一次性邀请码设置密码' })
  inviteUser(@Ctx() ctx: RequestContext, @Arg('input') input: InviteUserInput) {
    return inviteUser(ctx, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, { description: '修改用户姓名、部门或角色（不能授予高于自己的角色，不能更改自己的角色；授予办公室、分管领导、纪检监督角色须经审批）' })
  updateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: UpdateUserInput) {
    return updateUser(ctx, id, input);
  }

  @Allow('update', 'User')
  @Mutation(() => User, { description: '停用用户：立即结束其所有会话' })
  deactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return setUserActive(ctx, id, false);
  }

  @Allow('update', 'User')
  @Mutation(() => User, { description: '重新启用用户' })
  reactivateUser(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return setUserActive(ctx, id, true);
  }

  @Allow('update', 'User')
  @Mutation(() => UserInvitationPayload, { description: '重置密码：发放一次性邀请码，兑换后结束其所有会话' })
  resetUserPassword(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return resetUserPassword(ctx, id);
  }

  @FieldResolver(() => Tenant)
  tenant(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.of(Tenant).load(user.tenantId);
  }

  @FieldResolver(() => RoleGrant, { nullable: true, description: '待审批的角色授予（批准前不持有新角色）' })
  pendingRoleGrant(@Root() user: User, @Ctx() ctx: RequestContext) {
    if (!ctx.viewer || ctx.viewer.tenantId !== user.tenantId) return null;
    return pendingGrantsLoader(ctx).load(user.id);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.departmentId ? ctx.loaders.of(Department).load(user.departmentId) : null;
  }
}
