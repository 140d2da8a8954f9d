import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SignedIn } from '../../graphql/permissions';
import { AnnualReport } from './annual-report.types';
import { annualReportOf, loadAnnualReport } from './annual-report.service';

@Resolver()
export class AnnualReportResolver {
  @SignedIn()
  @Query(() => AnnualReport, {
    description: '年度双随机工作总结：市、县局的办公室、分管领导、纪检监督查阅本局的；省级查看人员查阅下级各局的汇总（每局一行）',
  })
  async annualReport(@Ctx() ctx: RequestContext, @Arg('year', () => Int, { description: '年度，2000 年至今年' }) year: number): Promise<AnnualReport> {
    return annualReportOf(await loadAnnualReport(ctx, year));
  }
}
