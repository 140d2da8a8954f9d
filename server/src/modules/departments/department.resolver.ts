import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs, paginate } from '../../graphql/connection';
import { SignedIn } from '../../graphql/permissions';
import { Department } from './department.entity';

const DepartmentConnection = Connection(Department);

@Resolver(() => Department)
export class DepartmentResolver {
  @SignedIn()
  @Query(() => DepartmentConnection, { description: '本单位的检查部门' })
  departments(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return tenantTx(ctx, (m) => paginate(m.createQueryBuilder(Department, 'd').orderBy('d.is_office', 'DESC').addOrderBy('d.name'), page));
  }
}
