import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { InspectionItem } from '../modules/items/inspection-item.entity';
import { AnnualPlan, PlanStatus, type PlanRound } from '../modules/plans/annual-plan.entity';
import { AnnualPlanItem } from '../modules/plans/annual-plan-item.entity';
import type { User } from '../modules/users/user.entity';

const PLANS: Record<'changde' | 'wugang', { year: number; title: string; scope: string; schedule: PlanRound[]; rounds: (item: InspectionItem) => number }> = {
  // 常德: 1–2 rounds a year; the key item (矿业权人公示) is checked in both rounds.
  changde: {
    year: 2026,
    title: '常德市自然资源和规划局2026年度“双随机、一公开”抽查工作计划',
    scope: '本局随机抽查事项清单所列事项，覆盖市本级及所辖区县（市）登记在册的检查对象',
    schedule: [
      { round: 1, from: '2026-04-01', to: '2026-06-30' },
      { round: 2, from: '2026-09-01', to: '2026-11-30' },
    ],
    rounds: (item) => Math.min(2, item.frequencyPerYear),
  },
  // 舞钢: the 2023 plan (舞自然资〔2023〕116号), one round over the four items of its attachment.
  wugang: {
    year: 2023,
    title: '舞钢市自然资源和规划局2023年“双随机、一公开”工作实施方案',
    scope: '舞钢市行政区域内本局随机抽查事项清单所列检查对象',
    schedule: [{ round: 1, from: '2023-06-01', to: '2023-11-30' }],
    rounds: () => 1,
  },
};

/** One published annual plan per demo bureau, over its published items at their listed ratios. */
export async function seedPlan(m: EntityManager, bureau: 'changde' | 'wugang', tenantId: string, users: User[]): Promise<void> {
  const spec = PLANS[bureau];
  const items = await m.find(InspectionItem, { where: { tenantId }, order: { position: 'ASC' } });
  const leader = users.find((u) => u.roles.includes('LEADER'));
  const office = users.find((u) => u.roles.includes('OFFICE'));
  const id = crypto.randomUUID();
  await m.insert(AnnualPlan, {
    tenantId,
    id,
    year: spec.year,
    title: spec.title,
    scope: spec.scope,
    inspectorRequirements: '持有效行政执法证件的在岗执法人员，每组不少于 2 人，与检查对象有利害关系的应当回避',
    rounds: spec.schedule.length,
    schedule: spec.schedule,
    status: PlanStatus.PUBLISHED,
    ruleVersion: 1,
    reviewComment: '同意',
    approvedBy: leader?.id ?? null,
    approvedAt: new Date(`${spec.year}-03-15T02:00:00Z`),
    publishedAt: new Date(`${spec.year}-03-20T02:00:00Z`),
    createdBy: office?.id ?? null,
  } as never);
  await m.insert(
    AnnualPlanItem,
    items.map((item) => ({ tenantId, planId: id, itemId: item.id, ratio: item.minRatio, rounds: spec.rounds(item) })),
  );
}
