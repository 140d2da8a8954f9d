import type { RuleSet } from './rules';

export interface PlanRoundInput {
  round: number;
  from: string;
  to: string;
}

export interface PlanCheckInput {
  year: number;
  rounds: number;
  schedule: PlanRoundInput[];
  items: { itemName: string; ratio: string; rounds: number; itemMinRatio: string; itemFrequencyPerYear: number; itemPublished: boolean }[];
}

/** A broken rule: a stable rule id and a Chinese sentence saying what is wrong. */
export interface RuleViolation {
  rule: string;
  message: string;
}

/** Basis points of an exact decimal ratio ("0.10" → 1000). */
export function ratioBp(ratio: string): number {
  return Math.round(Number(ratio) * 10_000);
}

const percent = (ratio: string) => `${(ratioBp(ratio) / 100).toString()}%`;

/** Everything an annual plan breaks in the bureau's rules; empty when it complies. One check for server and browser. */
export function planViolations(plan: PlanCheckInput, rules: RuleSet): RuleViolation[] {
  const out: RuleViolation[] = [];
  const { min, max } = rules.roundsPerYear;
  if (plan.rounds < min || plan.rounds > max) {
    out.push({ rule: 'roundsPerYear', message: `全年抽查轮次为 ${plan.rounds}，细则规定为 ${min === max ? min : `${min}–${max}`} 轮` });
  }
  if (plan.schedule.length !== plan.rounds) {
    out.push({ rule: 'schedule', message: `时间安排有 ${plan.schedule.length} 轮，与全年轮次 ${plan.rounds} 不符` });
  }
  const sorted = [...plan.schedule].sort((a, b) => a.from.localeCompare(b.from));
  sorted.forEach((r, i) => {
    if (!r.from.startsWith(String(plan.year)) || !r.to.startsWith(String(plan.year))) {
      out.push({ rule: 'schedule', message: `第 ${r.round} 轮的时间不在 ${plan.year} 年内` });
    }
    if (r.from > r.to) out.push({ rule: 'schedule', message: `第 ${r.round} 轮的开始日期晚于结束日期` });
    const next = sorted[i + 1];
    if (next && next.from <= r.to) out.push({ rule: 'schedule', message: `第 ${r.round} 轮与第 ${next.round} 轮时间重叠` });
  });
  if (!plan.items.length) out.push({ rule: 'items', message: '计划至少包含一个抽查事项' });
  for (const item of plan.items) {
    const bp = ratioBp(item.ratio);
    if (bp < ratioBp(rules.ratio.min) || bp > ratioBp(rules.ratio.max)) {
      out.push({
        rule: 'ratio',
        message: `“${item.itemName}”抽查比例 ${percent(item.ratio)} 超出细则规定的 ${percent(rules.ratio.min)}–${percent(rules.ratio.max)}`,
      });
    }
    if (bp < ratioBp(item.itemMinRatio)) {
      out.push({ rule: 'item.minRatio', message: `“${item.itemName}”抽查比例 ${percent(item.ratio)} 低于事项清单规定的不低于 ${percent(item.itemMinRatio)}` });
    }
    if (item.rounds > item.itemFrequencyPerYear) {
      out.push({ rule: 'item.frequency', message: `“${item.itemName}”计划 ${item.rounds} 轮，超过事项清单规定的每年 ${item.itemFrequencyPerYear} 次` });
    }
    if (item.rounds < 1 || item.rounds > plan.rounds) {
      out.push({ rule: 'item.rounds', message: `“${item.itemName}”的轮次须在 1 到全年轮次 ${plan.rounds} 之间` });
    }
    if (!item.itemPublished) out.push({ rule: 'item.published', message: `“${item.itemName}”尚未公布，不能列入计划` });
  }
  return out;
}

/**
 * Whether an item the plan checks in `itemRounds` of its `planRounds` rounds is due in `round` (1-based):
 * its checks spread evenly over the year, the first in round 1 — once a year: round 1; twice in four
 * rounds: rounds 1 and 3; every round when it is planned in each.
 */
export function itemDueInRound(round: number, itemRounds: number, planRounds: number): boolean {
  if (planRounds < 1 || round < 1 || round > planRounds || itemRounds < 1) return false;
  if (itemRounds >= planRounds) return true;
  const checksBy = (r: number) => Math.ceil((r * itemRounds) / planRounds);
  return checksBy(round) > checksBy(round - 1);
}
