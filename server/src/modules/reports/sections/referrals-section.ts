import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

/**
 * 移送 and their results, counted at the referring bureau. Plugs in through the SQL function
 * `annual_report_referrals`, which answers nothing until the referral part of issue 18 replaces it, with
 * the metrics `referred`, `accepted`, `filed` (立案), `notFiled` (不予立案), `concluded` (结案).
 */
@ObjectType({ description: '移送：本年移送的案件及其办理结果' })
export class ReportReferrals {
  @Field(() => Int, { description: '本年移送' }) referred!: number;
  @Field(() => Int, { description: '其中已接收' }) accepted!: number;
  @Field(() => Int, { description: '其中已立案' }) filed!: number;
  @Field(() => Int, { description: '其中不予立案' }) notFiled!: number;
  @Field(() => Int, { description: '其中已结案' }) concluded!: number;
}

const FIELDS: [keyof ReportReferrals, string][] = [
  ['referred', '移送'],
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
