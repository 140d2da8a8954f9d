import { Field, Float, Int, ObjectType } from 'type-graphql';
import { count, percentText, ratio, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

/**
 * 整改. Plugs in through the SQL function `annual_report_rectification`, which answers nothing until the
 * rectification part of issue 18 replaces it, with the metrics `opened`, `closed`, `closedInTime`, `overdue`.
 */
@ObjectType({ description: '整改：责令整改的开立、按期办结与逾期' })
export class ReportRectification {
  @Field(() => Int, { description: '本年开立的整改' }) opened!: number;
  @Field(() => Int, { description: '其中已办结' }) closed!: number;
  @Field(() => Int, { description: '其中在整改期限内办结' }) closedInTime!: number;
  @Field(() => Float, { nullable: true, description: '按期办结率 = closedInTime / opened' }) closedInTimeRate!: number | null;
  @Field(() => Int, { description: '截至今日逾期未办结' }) overdue!: number;
}

function shape(m: Metrics): ReportRectification {
  const n = (k: string) => count(m, k);
  return {
    opened: n('opened'),
    closed: n('closed'),
    closedInTime: n('closedInTime'),
    closedInTimeRate: ratio(n('closedInTime'), n('opened')),
    overdue: n('overdue'),
  };
}

export const rectificationSection: ReportSection<ReportRectification> = {
  name: 'rectification',
  title: '五、整改',
  shape,
  lines: (m) => {
    const s = shape(m);
    return [
      { label: '开立的整改', value: String(s.opened) },
      { label: '已办结', value: String(s.closed) },
      { label: '按期办结', value: String(s.closedInTime) },
      { label: '按期办结率', value: percentText(s.closedInTimeRate) },
      { label: '逾期未办结', value: String(s.overdue) },
    ];
  },
};
