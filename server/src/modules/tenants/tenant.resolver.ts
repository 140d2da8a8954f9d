import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { asSubject } from '@spotcheck/shared';
import { tenantTx, type RequestContext } from '../../graphql/context';
import { Connection, PageArgs, paginate } from '../../graphql/connection';
import { Allow } from '../../graphql/permissions';
import { Tenant } from './tenant.entity';

const TenantConnection = Connection(Tenant);

@Resolver(() => Tenant)
export class TenantResolver {
  @Allow('read', 'Tenant')
  @Query(() => TenantConnection, { description: '可见的租户：本单位及其下级单位（平台运营方可见全部）' })
  tenants(@Ctx() ctx: RequestContext, @Args() page: PageArgs) {
    return tenantTx(ctx, (m) => {
      const query = m.createQueryBuilder(Tenant, 't').orderBy('t.region_code', 'ASC').addOrderBy('t.id');
      // Below a province the database shows the subtree; only roles that may read any tenant get it.
      const seesSubtree = ctx.ability.can('read', asSubject('Tenant', { id: '' }));
      if (!seesSubtree) query.where('t.id = :own', { own: ctx.viewer!.tenantId });
      return paginate(query, page);
    });
  }

  @FieldResolver(() => Tenant, { nullable: true, description: '上级单位（不可见时为 null）' })
  parent(@Root() tenant: Tenant, @Ctx() ctx: RequestContext) {
    return tenant.parentId ? ctx.loaders.Tenant.load(tenant.parentId) : null;
  }
}
