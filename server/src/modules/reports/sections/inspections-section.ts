import { Field, Float, Int, ObjectType } from 'type-graphql';
import { count, percentText, ratio, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

@ObjectType({ description: '抽取与检查：摇中的对象、检查记录、名录覆盖率、问题发现率（定义同统计看板）' })
export class ReportInspections {
  @Field(() => Int, { description: '名录中存续、在业的检查对象' }) directoryEntities!: number;
  @Field(() => Int, { description: '本年摇号抽取（人次）' }) selections!: number;
  @Field(() => Int, { description: '本年摇中的检查对象（去重）' }) drawnEntities!: number;
  @Field(() => Int, { description: '检查日期在本年的检查记录' }) records!: number;
  @Field(() => Int, { description: '其中已公示的检查结果（被已公示的更正取代的不计）' }) published!: number;
  @Field(() => Int, { description: '结果已公示的检查对象（去重）' }) inspectedEntities!: number;
  @Field(() => Int, { description: '名录中本年至少检查一次（结果已公示）的检查对象' }) coveredEntities!: number;
  @Field(() => Float, { nullable: true, description: '名录覆盖率 = coveredEntities / directoryEntities' }) coverage!: number | null;
  @Field(() => Int, { description: '结果类别为“发现问题”的已公示结果' }) problems!: number;
  @Field(() => Float, { nullable: true, description: '问题发现率 = problems / published' }) problemRate!: number | null;
}

function shape(m: Metrics): ReportInspections {
  const n = (k: string) => count(m, k);
  return {
    directoryEntities: n('directoryEntities'),
    selections: n('selections'),
    drawnEntities: n('drawnEntities'),
    records: n('records'),
    published: n('published'),
    inspectedEntities: n('inspectedEntities'),
    coveredEntities: n('coveredEntities'),
    coverage: ratio(n('coveredEntities'), n('directoryEntities')),
    problems: n('problems'),
    problemRate: ratio(n('problems'), n('published')),
  };
}

export const inspectionsSection: ReportSection<ReportInspections> = {
  name: 'inspections',
  title: '二、抽取与检查',
  shape,
  lines: (m) => {
    const s = shape(m);
    return [
      { label: '名录中的检查对象', value: String(s.directoryEntities) },
      { label: '摇号抽取（人次）', value: String(s.selections) },
      { label: '摇中的检查对象', value: String(s.drawnEntities) },
      { label: '检查记录', value: String(s.records) },
      { label: '已公示的检查结果', value: String(s.published) },
      { label: '结果已公示的检查对象', value: String(s.inspectedEntities) },
      { label: '名录中本年检查过的对象', value: String(s.coveredEntities) },
      { label: '名录覆盖率', value: percentText(s.coverage) },
      { label: '发现问题', value: String(s.problems) },
      { label: '问题发现率', value: percentText(s.problemRate) },
    ];
  },
};
