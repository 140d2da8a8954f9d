import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

/**
 * 移送 and their results, counted at the referring bureau (SQL function `annual_report_referrals`, migration
 * AnnualReportReferrals): the referrals sent in the year, by receiver and by how far each has got today.
 */
@ObjectType({ description: '移送：本年移送的案件，按接收方和办理结果统计（只计本局移出的）' })
export class ReportReferrals {
  @Field(() => Int, { description: '本年移送' }) referred!: number;
  @Field(() => Int, { description: '其中移送本局其他部门' }) toDepartment!: number;
  @Field(() => Int, { description: '其中移送其他单位（系统内其他局）' }) toBureau!: number;
  @Field(() => Int, { description: '其中移送系统外机关' }) toExternal!: number;
  @Field(() => Int, { description: '待接收' }) pending!: number;
  @Field(() => Int, { description: '被退回' }) returned!: number;
  @Field(() => Int, { description: '已接收（含其后立案、不予立案、结案的）' }) accepted!: number;
  @Field(() => Int, { description: '已立案（含已结案的）' }) filed!: number;
  @Field(() => Int, { description: '不予立案' }) notFiled!: number;
  @Field(() => Int, { description: '已结案' }) concluded!: number;
}

const FIELDS: [keyof ReportReferrals, string][] = [
  ['referred', '移送'],
  ['toDepartment', '其中：移送本局其他部门'],
  ['toBureau', '其中：移送其他单位'],
  ['toExternal', '其中：移送系统外机关'],
  ['pending', '待接收'],
  ['returned', '被退回'],
  ['accepted', '已接收'],
  ['filed', '已立案'],
  ['notFiled', '不予立案'],
  ['concluded', '已结案'],
];

export const referralsSection: ReportSection<ReportReferrals> = {
  name: 'referrals',
  title: '六、移送',
  shape: (m: Metrics) => Object.fromEntries(FIELDS.map(([key]) => [key, count(m, key)])) as unknown as ReportReferrals,
  lines: (m) => FIELDS.map(([key, label]) => ({ label, value: String(count(m, key)) })),
};
