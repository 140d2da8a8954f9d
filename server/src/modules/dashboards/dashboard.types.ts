import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../graphql/date-scalar';
import { Region } from '../regions/region.entity';
import { Tenant, TenantKind } from '../tenants/tenant.entity';

@ObjectType({ description: '一组统计数字（定义见 docs/architecture.md “Dashboards”）' })
export class DashboardFigures {
  @Field(() => Int, { description: '名录中存续、在业的检查对象' }) entities!: number;
  @Field(() => Int, { description: '本年检查、结果已公示的检查对象（去重）' }) inspectedEntities!: number;
  @Field(() => Float, { nullable: true, description: '覆盖率 = inspectedEntities / entities；无检查对象时为空' }) coverage!: number | null;
  @Field(() => Int, { nullable: true, description: '本年摇中的检查对象（按月统计时为空）' }) drawn!: number | null;
  @Field(() => Int, { nullable: true, description: '其中检查结果已公示的' }) completed!: number | null;
  @Field(() => Float, { nullable: true, description: '完成率 = completed / drawn' }) completion!: number | null;
  @Field(() => Int, { description: '检查日期在本年的检查记录' }) records!: number;
  @Field(() => Int, { description: '其中已公示的检查结果（被已公示的更正取代的不计）' }) published!: number;
  @Field(() => Int, { description: '其中结果类别为“发现问题”的' }) problems!: number;
  @Field(() => Float, { nullable: true, description: '问题发现率 = problems / published' }) problemRate!: number | null;
  @Field(() => Int, { description: '逾期：报告逾期未提交，或审批通过后逾期未公示（截至 asOf）' }) overdue!: number;
}

@ObjectType({ description: '按事项、部门或月份的一行统计' })
export class DashboardRow {
  @Field(() => String, { nullable: true, description: '事项或部门的全局 id、事项或部门名称（省级汇总）、月份 YYYY-MM' }) key!: string | null;
  @Field(() => String, { nullable: true, description: '显示名称；未指定部门的事项为空' }) label!: string | null;
  @Field(() => DashboardFigures) figures!: DashboardFigures;
}

@ObjectType({ description: '本单位统计看板' })
export class BureauDashboard {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: '逾期的计算日（北京时间今天）' }) asOf!: string;
  @Field(() => Date, { description: '数字所依据的数据截至此时（读自只读副本时可能略早于现在，最多早 REPLICA_MAX_LAG_SECONDS）' }) dataAsOf!: Date;
  @Field(() => Tenant) bureau!: Tenant;
  @Field(() => DashboardFigures) totals!: DashboardFigures;
  @Field(() => [DashboardRow]) byItem!: DashboardRow[];
  @Field(() => [DashboardRow]) byDepartment!: DashboardRow[];
  @Field(() => [DashboardRow], { description: '按检查日期所在月份，1 至 12 月' }) byMonth!: DashboardRow[];
}

@ObjectType({ description: '省级看板中的一个局' })
export class DashboardBureau {
  @Field(() => ID, { description: '单位的全局 id' }) id!: string;
  @Field() name!: string;
  @Field(() => TenantKind) kind!: TenantKind;
  @Field() regionCode!: string;
  @Field(() => DashboardFigures) figures!: DashboardFigures;
}

@ObjectType({ description: '省级看板中的一个下级行政区划：其中各局的合计' })
export class DashboardRegion {
  @Field(() => Region) region!: Region;
  @Field({ description: '为当前区划本级（如市本级的市局），不是下级区划' }) own!: boolean;
  @Field(() => Int, { description: '其中的局数' }) bureaus!: number;
  @Field(() => DashboardFigures) figures!: DashboardFigures;
}

@ObjectType({ description: '省级统计看板：本省（或所选区划）各局的汇总，只含统计数字' })
export class ProvincialDashboard {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar) asOf!: string;
  @Field(() => Date, { description: '数字所依据的数据截至此时（读自只读副本时可能略早于现在，最多早 REPLICA_MAX_LAG_SECONDS）' }) dataAsOf!: Date;
  @Field(() => Region, { description: '当前区划' }) region!: Region;
  @Field(() => [Region], { description: '从本省到当前区划的路径' }) trail!: Region[];
  @Field(() => DashboardFigures) totals!: DashboardFigures;
  @Field(() => [DashboardRegion], { description: '按下一级区划汇总（有局的区划）' }) byRegion!: DashboardRegion[];
  @Field(() => [DashboardBureau]) byBureau!: DashboardBureau[];
  @Field(() => [DashboardRow], { description: '按事项名称汇总' }) byItem!: DashboardRow[];
  @Field(() => [DashboardRow], { description: '按部门名称汇总' }) byDepartment!: DashboardRow[];
  @Field(() => [DashboardRow]) byMonth!: DashboardRow[];
}
