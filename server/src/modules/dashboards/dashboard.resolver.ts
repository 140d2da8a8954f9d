import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { BureauDashboard, ProvincialDashboard } from './dashboard.types';
import { bureauDashboard, provincialDashboard } from './dashboard.service';

@Resolver()
export class DashboardResolver {
  @SignedIn()
  @Query(() => BureauDashboard, { description: '本单位统计看板（市、县局人员）：覆盖率、完成率、问题发现率、逾期，按事项、部门、月份' })
  dashboard(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { nullable: true, description: '默认为北京时间本年' }) year?: number | null) {
    return bureauDashboard(ctx, year);
  }

  @SignedIn()
  @Query(() => ProvincialDashboard, { description: '省级统计看板（省级查看人员）：本省各局的汇总数字，可按区划下钻' })
  provincialDashboard(
    @Ctx() ctx: RequestContext,
    @Arg('year', () => Int, { nullable: true, description: '默认为北京时间本年' }) year?: number | null,
    @Arg('regionCode', () => String, { nullable: true, description: '下钻到的区划（本省或其下级），默认为本省' }) regionCode?: string | null,
  ) {
    return provincialDashboard(ctx, year, regionCode);
  }
}
