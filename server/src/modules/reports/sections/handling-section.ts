import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

/**
 * 处理决定 by outcome. Plugs in through the SQL function `annual_report_handling`, which answers nothing
 * until the handling part of issue 18 replaces it: one row `decided` per bureau and one `outcome:<code>`
 * per decided outcome, `outcome:own:<code>:<label>` for a bureau's own. Labels come from OUTCOME_LABELS, the own label, else the code.
 */
@ObjectType({ description: '按处理决定统计的一行' })
export class ReportOutcomeCount {
  @Field({ description: '处理决定的代码' }) outcome!: string;
  @Field({ description: '处理决定的名称' }) label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: '处理决定：已作出处理决定的检查结果，按决定统计' })
export class ReportHandling {
  @Field(() => Int, { description: '本年作出处理决定的检查结果' }) decided!: number;
  @Field(() => [ReportOutcomeCount]) byOutcome!: ReportOutcomeCount[];
}

export const OUTCOME_LABELS: Readonly<Record<string, string>> = {
  NO_PROBLEM: '未发现问题',
  RECTIFY: '责令整改',
  CASE: '移送立案查处',
  TRANSFER: '移交其他部门',
  CREDIT: '纳入信用惩戒',
};

const PREFIX = 'outcome:';
/** A bureau's own outcome: `own:<code>:<label>` (migration AnnualReportOwnOutcomes). */
const OWN = /^own:([A-Z][A-Z0-9_]*):(.+)$/s;

function outcomeOf(code: string): { outcome: string; label: string } {
  const own = OWN.exec(code);
  if (own) return { outcome: own[1]!, label: own[2]! };
  return { outcome: code, label: OUTCOME_LABELS[code] ?? code };
}

function shape(m: Metrics): ReportHandling {
  const byOutcome = [...m.entries()]
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([key, n]) => ({ ...outcomeOf(key.slice(PREFIX.length)), count: n }))
    .sort((a, b) => b.count - a.count || a.outcome.localeCompare(b.outcome));
  return { decided: count(m, 'decided'), byOutcome };
}

export const handlingSection: ReportSection<ReportHandling> = {
  name: 'handling',
  title: '四、处理决定',
  shape,
  lines: (m) => {
    const s = shape(m);
    return [{ label: '作出处理决定', value: String(s.decided) }, ...s.byOutcome.map((o) => ({ label: `其中：${o.label}`, value: String(o.count) }))];
  },
};
