import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

/**
 * 信用惩戒: the bureau's 黑名单 and 重点关注名单 entries decided in the year (approved by a leader) and the
 * entries a 信用修复 ended in the year (SQL function `annual_report_credit`, migration AnnualReportCredit).
 */
@ObjectType({ description: '信用惩戒：本年列入黑名单、重点关注名单及信用修复移出的对象' })
export class ReportCredit {
  @Field(() => Int, { description: '本年列入黑名单（经领导审批）' }) blacklisted!: number;
  @Field(() => Int, { description: '本年列入重点关注名单（经领导审批）' }) watchlisted!: number;
  @Field(() => Int, { description: '本年经信用修复提前移出名单' }) repaired!: number;
}

const FIELDS: [keyof ReportCredit, string][] = [
  ['blacklisted', '列入黑名单'],
  ['watchlisted', '列入重点关注名单'],
  ['repaired', '信用修复移出'],
];

export const creditSection: ReportSection<ReportCredit> = {
  name: 'credit',
  title: '七、信用惩戒',
  shape: (m: Metrics) => Object.fromEntries(FIELDS.map(([key]) => [key, count(m, key)])) as unknown as ReportCredit,
  lines: (m) => FIELDS.map(([key, label]) => ({ label, value: String(count(m, key)) })),
};
