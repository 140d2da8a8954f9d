import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

@ObjectType({ description: '逾期与迟延：按本局工作日历计算的迟报、迟公示，截至今日的逾期，从未报告的抽取' })
export class ReportLateness {
  @Field(() => Int, { description: '超过报告截止日才提交的检查记录' }) reportedLate!: number;
  @Field(() => Int, { description: '超过公示截止日才公示的检查结果' }) publishedLate!: number;
  @Field(() => Int, { description: '截至今日逾期未报告、未审核、未审批或未公示的检查记录' }) overdueRecords!: number;
  @Field(() => Int, { description: '任务期限届满仍无报告的抽取（含参与联合抽查的份额）' }) unreportedSelections!: number;
}

const FIELDS: [keyof ReportLateness, string][] = [
  ['reportedLate', '逾期提交的检查报告'],
  ['publishedLate', '逾期公示的检查结果'],
  ['overdueRecords', '截至今日逾期未办结的记录'],
  ['unreportedSelections', '期限届满仍未报告的抽取'],
];

export const latenessSection: ReportSection<ReportLateness> = {
  name: 'lateness',
  title: '三、逾期与迟延',
  shape: (m: Metrics) => Object.fromEntries(FIELDS.map(([key]) => [key, count(m, key)])) as unknown as ReportLateness,
  lines: (m) => FIELDS.map(([key, label]) => ({ label, value: String(count(m, key)) })),
};
