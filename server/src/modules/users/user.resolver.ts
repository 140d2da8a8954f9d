import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Public, SignedIn } from '../../graphql/permissions';
import { Tenant } from '../tenants/tenant.entity';
import { Department } from '../departments/department.entity';
import { User } from './user.entity';
import { listUsers } from './user.service';

const UserConnection = Connection(User);

@Resolver(() => User)
export class UserResolver {
  @Public()
  @Query(() => User, { nullable: true, description: '当前登录用户；未登录时为 null' })
  me(@Ctx() ctx: RequestContext) {
    return ctx.viewer ? ctx.loaders.User.load(ctx.viewer.userId) : null;
  }

  @SignedIn()
  @Query(() => UserConnection, { description: '本单位用户（按权限：办公室、领导、监督、部门负责人可见全部，其他人只见自己）' })
  users(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listUsers(ctx, page);
  }

  @FieldResolver(() => Tenant)
  tenant(@Root() user: User, @Ctx() ctx: RequestContext) {
    return ctx.loaders.Tenant.load(user.tenantId);
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() user: User, @Ctx() ctx: RequestContext) {
    return user.departmentId ? ctx.loaders.Department.load(user.departmentId) : null;
  }
}
