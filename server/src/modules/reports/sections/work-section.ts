import { Field, Int, ObjectType } from 'type-graphql';
import { count, type Metrics } from '../report-metrics';
import type { ReportSection } from './section';

@ObjectType({ description: '计划与任务：年度抽查计划、轮次、抽查任务（按任务开始日期所在年度）' })
export class ReportWork {
  @Field(() => Int, { description: '已公布且现行的年度抽查计划（0 或 1）' }) publishedPlans!: number;
  @Field(() => Int, { description: '已公布的计划版本数（含调整后被替代的）' }) planVersions!: number;
  @Field(() => Int, { description: '现行计划安排的全年轮次' }) plannedRounds!: number;
  @Field(() => Int, { description: '已摇号的计划内轮次' }) roundsHeld!: number;
  @Field(() => Int, { description: '抽查任务（不含已取消）' }) tasks!: number;
  @Field(() => Int, { description: '其中计划内双随机抽查' }) plannedTasks!: number;
  @Field(() => Int, { description: '其中计划外专项检查' }) specialTasks!: number;
  @Field(() => Int, { description: '其中本单位牵头的联合抽查' }) jointTasks!: number;
  @Field(() => Int, { description: '已摇号的任务' }) drawnTasks!: number;
  @Field(() => Int, { description: '已取消的任务' }) cancelledTasks!: number;
}

const FIELDS: [keyof ReportWork, string][] = [
  ['publishedPlans', '现行年度抽查计划（份）'],
  ['planVersions', '已公布的计划版本'],
  ['plannedRounds', '计划轮次'],
  ['roundsHeld', '已摇号的计划轮次'],
  ['tasks', '抽查任务'],
  ['plannedTasks', '其中：计划内双随机抽查'],
  ['specialTasks', '其中：计划外专项检查'],
  ['jointTasks', '其中：牵头的联合抽查'],
  ['drawnTasks', '已摇号的任务'],
  ['cancelledTasks', '已取消的任务'],
];

export const workSection: ReportSection<ReportWork> = {
  name: 'work',
  title: '一、计划与任务',
  shape: (m: Metrics) => Object.fromEntries(FIELDS.map(([key]) => [key, count(m, key)])) as unknown as ReportWork,
  lines: (m) => FIELDS.map(([key, label]) => ({ label, value: String(count(m, key)) })),
};
