import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { Connection, PageArgs } from '../../graphql/connection';
import { Allow, SignedIn } from '../../graphql/permissions';
import { User } from '../users/user.entity';
import { canReadUser } from '../users/user.service';
import { Department } from './department.entity';
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './department.service';

const DepartmentConnection = Connection(Department);

@InputType({ description: '部门' })
class DepartmentInput {
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => ID, { nullable: true, description: '部门负责人' }) headUserId?: string | null;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @SignedIn()
  @Query(() => DepartmentConnection, { description: '本单位的检查部门' })
  departments(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return listDepartments(ctx, page);
  }

  @Allow('create', 'Department')
  @Mutation(() => Department, { description: '新建部门' })
  createDepartment(@Ctx() ctx: RequestContext, @Arg('input') input: DepartmentInput) {
    return createDepartment(ctx, input);
  }

  @Allow('update', 'Department')
  @Mutation(() => Department, { description: '修改部门名称或负责人' })
  updateDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string, @Arg('input') input: DepartmentInput) {
    return updateDepartment(ctx, id, input);
  }

  @Allow('delete', 'Department')
  @Mutation(() => Boolean, { description: '删除没有人员的部门' })
  deleteDepartment(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string) {
    return deleteDepartment(ctx, id);
  }

  @FieldResolver(() => User, { nullable: true, description: '部门负责人（有权查看该用户者可见，同 users）' })
  async head(@Root() department: Department, @Ctx() ctx: RequestContext) {
    const head = department.headUserId ? await ctx.loaders.of(User).load(department.headUserId) : null;
    return head && canReadUser(ctx, head) ? head : null;
  }
}
