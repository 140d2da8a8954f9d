import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../graphql/date-scalar';
import { ReportCredit } from './sections/credit-section';
import { ReportHandling } from './sections/handling-section';
import { ReportInspections } from './sections/inspections-section';
import { ReportLateness } from './sections/lateness-section';
import { ReportRectification } from './sections/rectification-section';
import { ReportReferrals } from './sections/referrals-section';
import { ReportWork } from './sections/work-section';

export enum AnnualReportScope {
  BUREAU = 'BUREAU',
  PROVINCE = 'PROVINCE',
}
registerEnumType(AnnualReportScope, { name: 'AnnualReportScope', description: '本局的年度总结 / 全省（下级各局）汇总' });

@ObjectType({ description: '年度工作总结的各部分数字' })
export class AnnualReportFigures {
  @Field(() => ReportWork) work!: ReportWork;
  @Field(() => ReportInspections) inspections!: ReportInspections;
  @Field(() => ReportLateness) lateness!: ReportLateness;
  @Field(() => ReportHandling) handling!: ReportHandling;
  @Field(() => ReportRectification) rectification!: ReportRectification;
  @Field(() => ReportReferrals) referrals!: ReportReferrals;
  @Field(() => ReportCredit) credit!: ReportCredit;
}

@ObjectType({ description: '一部分中的一行：指标与数值（与下载的 xlsx、PDF 相同）' })
export class AnnualReportLine {
  @Field() label!: string;
  @Field({ description: '数值，比率为百分比文字' }) value!: string;
}

@ObjectType({ description: '年度工作总结的一部分，按页面、xlsx 和 PDF 的同一写法' })
export class AnnualReportSection {
  @Field({ description: '部分的名称：work、inspections、lateness、handling、rectification、referrals、credit' }) name!: string;
  @Field() title!: string;
  @Field(() => [AnnualReportLine]) lines!: AnnualReportLine[];
}

@ObjectType({ description: '省级汇总中的一个局' })
export class AnnualReportBureau {
  @Field(() => ID, { description: '单位的全局 id' }) id!: string;
  @Field() name!: string;
  @Field() regionCode!: string;
  @Field(() => AnnualReportFigures) figures!: AnnualReportFigures;
}

@ObjectType({ description: '年度双随机工作总结：本局的，或省级单位下级各局的汇总（只含统计数字）' })
export class AnnualReport {
  @Field(() => Int) year!: number;
  @Field(() => DateScalar, { description: '逾期的计算日（北京时间今天）' }) asOf!: string;
  @Field(() => AnnualReportScope) scope!: AnnualReportScope;
  @Field({ description: '本局或省级单位的名称' }) unitName!: string;
  @Field(() => AnnualReportFigures, { description: '本局的数字，或省内各局的合计' }) totals!: AnnualReportFigures;
  @Field(() => [AnnualReportSection], { description: 'totals 的各部分，按显示顺序' }) sections!: AnnualReportSection[];
  @Field(() => [AnnualReportBureau], { description: '省级汇总：每个局一行；本局的总结为空' }) bureaus!: AnnualReportBureau[];
}
