import type { RuleViolation } from './plan-rules';
import type { RuleSet } from './rules';

/**
 * The yearly caps of the seeds, as arithmetic: how many rounds of an item a bureau may hold in a year
 * (the item's 频次 and the plan's rounds for it), and which entities a pool must leave out (drawn this
 * year; at most N draws a year). One place for the task form, task creation and the freezing of a pool.
 */

/** 双随机 tasks belong to a round of the published plan; 专项检查 (complaints, referrals) stand outside it. */
export type TaskKind = 'PLANNED' | 'SPECIAL';

/** One task (or joint participation) of the year that already uses rounds of some items. */
export interface ItemRoundUse {
  /** How the use is named in a refusal, e.g. “2026年第一轮土地抽查” or “联合抽查：…（平顶山市…牵头）”. */
  label: string;
  itemIds: readonly string[];
}

export interface ItemCap {
  itemId: string;
  itemName: string;
  /** 频次 of the item list: at most this many rounds a year. */
  frequencyPerYear: number;
  /** Rounds the published plan gives the item; null when the task is not bound by the plan (专项检查). */
  plannedRounds: number | null;
}

/**
 * What a new task over `items` breaks, given every other live task of the year (`used`: drafts, frozen and
 * drawn tasks, joint tasks on either side; cancelled ones left out). Every task is one round of each of its
 * items, whatever round number it claims: two tasks of the same item are two rounds.
 */
export function itemRoundViolations(year: number, items: readonly ItemCap[], used: readonly ItemRoundUse[]): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const item of items) {
    const before = used.filter((u) => u.itemIds.includes(item.itemId));
    const after = before.length + 1;
    const named = before.length ? `（${before.map((u) => u.label).join('、')}）` : '';
    if (after > item.frequencyPerYear) {
      out.push({
        rule: 'cap.itemFrequency',
        message: `“${item.itemName}”${year} 年已安排 ${before.length} 轮${named}，事项清单规定每年 ${item.frequencyPerYear} 次，不能再安排`,
      });
    } else if (item.plannedRounds !== null && after > item.plannedRounds) {
      out.push({
        rule: 'cap.planRounds',
        message: `“${item.itemName}”${year} 年已安排 ${before.length} 轮${named}，年度计划为该事项安排 ${item.plannedRounds} 轮，不能再安排`,
      });
    }
  }
  return out;
}

/** What an entity went through this year: how many draws, and for which items. */
export interface EntityYear {
  draws: number;
  itemIds: ReadonlySet<string>;
}

/** The rules a pool leaves entities out by, with the words a refusal or the ceremony screen uses. */
export const POOL_EXCLUSION_RULES = {
  creditExempt: '信用等级免于抽查',
  maxDrawsPerYear: '本年抽查次数已达上限',
  drawnThisYear: '本年已被抽查',
} as const;
export type PoolExclusionRule = keyof typeof POOL_EXCLUSION_RULES;

type YearRules = Pick<RuleSet, 'maxDrawsPerEntityPerYear' | 'excludeDrawnThisYear' | 'excludeDrawnAcrossItems'>;

/** Why the rules keep an entity out of an item's pool for its history this year, or null when they do not. */
export function yearExclusion(history: EntityYear | undefined, itemId: string, rules: YearRules): 'maxDrawsPerYear' | 'drawnThisYear' | null {
  if (!history || history.draws === 0) return null;
  if (history.draws >= rules.maxDrawsPerEntityPerYear) return 'maxDrawsPerYear';
  if (rules.excludeDrawnThisYear && (rules.excludeDrawnAcrossItems || history.itemIds.has(itemId))) return 'drawnThisYear';
  return null;
}

/** “信用等级免于抽查 0 户；本年已被抽查 12 户；…”: each rule with how many entities it left out. */
export function describeExclusions(excluded: Partial<Record<PoolExclusionRule, number>>): string {
  return (Object.keys(POOL_EXCLUSION_RULES) as PoolExclusionRule[])
    .map((rule) => `${POOL_EXCLUSION_RULES[rule]} ${excluded[rule] ?? 0} 户`)
    .join('；');
}
