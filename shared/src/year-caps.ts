import type { RuleViolation } from './plan-rules';
import type { RuleSet } from './rules';
import { RISK_OFF, roundsForRisk, type RiskClass, type RiskRules } from './risk-rules';

/**
 * The yearly caps of the seeds, as arithmetic: how many rounds of an item a bureau may hold in a year
 * (the item's 频次 and the plan's rounds for it), and which entities a pool must leave out (drawn this
 * year; at most N draws a year). One place for the task form, task creation and the freezing of a pool.
 */

/** 双随机 tasks belong to a round of the published plan; 专项检查 (complaints, referrals) stand outside it. */
export type TaskKind = 'PLANNED' | 'SPECIAL';

/** Every class an entity may be drawn in; a task without a risk restriction covers them all. */
export const ALL_RISK_CLASSES: readonly RiskClass[] = ['HIGH', 'MEDIUM', 'LOW', 'NONE'];

/** The classes a task may be restricted to (`targetFilter.riskClasses`), with their Chinese names. */
export const RISK_CLASS_LABELS = { HIGH: '高风险', MEDIUM: '中风险', LOW: '低风险' } as const;
export type RestrictableRiskClass = keyof typeof RISK_CLASS_LABELS;

/** One task (or joint participation) of the year that already uses rounds of some items. */
export interface ItemRoundUse {
  /** How the use is named in a refusal, e.g. “2026年第一轮土地抽查” or “联合抽查：…（平顶山市…牵头）”. */
  label: string;
  itemIds: readonly string[];
  /** The risk classes the task draws from (`targetFilter.riskClasses`); absent or empty: every class. */
  riskClasses?: readonly RiskClass[];
}

export interface ItemCap {
  itemId: string;
  itemName: string;
  /** 频次 of the item list: at most this many rounds a year. */
  frequencyPerYear: number;
  /** Rounds the published plan gives the item; null when the task is not bound by the plan (专项检查). */
  plannedRounds: number | null;
}

const classesOf = (riskClasses: readonly RiskClass[] | undefined): readonly RiskClass[] => (riskClasses?.length ? riskClasses : ALL_RISK_CLASSES);
const classLabel = (c: RiskClass): string => (c === 'NONE' ? '未评定风险等级' : RISK_CLASS_LABELS[c]);

/**
 * What a new task over `items` breaks, given every other live task of the year (`used`: drafts, frozen and
 * drawn tasks, joint tasks on either side; cancelled ones left out). Every task is one round of each of its
 * items, whatever round number it claims: two tasks of the same item are two rounds.
 *
 * 风险分类监管: the rounds are counted per risk class. An entity of class c may be drawn for an item in at
 * most 频次 + extraRounds(c) rounds a year (and, for a task of the plan, the plan's rounds + extraRounds(c)).
 * A task restricted to some classes (`task.riskClasses`) is a round of those classes only; an unrestricted
 * one is a round of every class, the unrated (NONE, no extra rounds) included — so ordinary rounds never
 * exceed the 频次, and an extra round can only ever be a round of the classes the rules give it to.
 */
export function itemRoundViolations(
  year: number,
  items: readonly ItemCap[],
  used: readonly ItemRoundUse[],
  task: { riskClasses?: readonly RiskClass[] } = {},
  risk: RiskRules = RISK_OFF,
): RuleViolation[] {
  const out: RuleViolation[] = [];
  for (const item of items) {
    const full = (cap: number) =>
      classesOf(task.riskClasses)
        .map((c) => ({
          c,
          before: used.filter((u) => u.itemIds.includes(item.itemId) && classesOf(u.riskClasses).includes(c)),
          cap: roundsForRisk(cap, c, risk),
        }))
        .filter(({ before, cap: limit }) => before.length + 1 > limit);
    const named = (before: readonly ItemRoundUse[]) => (before.length ? `（${before.map((u) => u.label).join('、')}）` : '');
    const refuse = (rule: string, what: string, cap: number) => {
      const broken = full(cap);
      if (!broken.length) return false;
      // A class without extra rounds broken is the ordinary cap itself; else only the risk classes' extra rounds are used up.
      const plain = broken.find((b) => b.cap === cap);
      if (plain) {
        out.push({
          rule,
          message: `“${item.itemName}”${year} 年已安排 ${plain.before.length} 轮${named(plain.before)}，${what} ${cap} ${rule === 'cap.itemFrequency' ? '次' : '轮'}，不能再安排`,
        });
      } else {
        const b = broken[0]!;
        out.push({
          rule: 'cap.riskRounds',
          message: `“${item.itemName}”${year} 年对${classLabel(b.c)}对象已安排 ${b.before.length} 轮${named(b.before)}，${what} ${cap} ${rule === 'cap.itemFrequency' ? '次' : '轮'}、细则对${classLabel(b.c)}对象增加 ${b.cap - cap} 轮，不能再安排`,
        });
      }
      return true;
    };
    if (refuse('cap.itemFrequency', '事项清单规定每年', item.frequencyPerYear)) continue;
    if (item.plannedRounds !== null) refuse('cap.planRounds', '年度计划为该事项安排', item.plannedRounds);
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

/**
 * Whether a task restricted to `riskClasses` is a round of extra rounds (风险分类监管): restricted, and every
 * class it draws has extra rounds under the rules. Such a round is meant for the entities already drawn.
 */
export function isExtraRiskRound(riskClasses: readonly RiskClass[] | undefined, risk: RiskRules): boolean {
  return !!riskClasses?.length && riskClasses.every((c) => c !== 'NONE' && risk[c].extraRounds > 0);
}

/**
 * Why the rules keep an entity out of an item's pool for its history this year, or null when they do not.
 * In an extra risk round (`extraRiskRound`) “already drawn this year” does not apply: “原则上不再列入当年抽查
 * 名单” gives way to “对…特殊监管对象…适时提高抽查比例和频次”, which only a second draw of the same entity
 * can carry out. The draws-per-year ceiling still holds.
 */
export function yearExclusion(
  history: EntityYear | undefined,
  itemId: string,
  rules: YearRules,
  extraRiskRound = false,
): 'maxDrawsPerYear' | 'drawnThisYear' | null {
  if (!history || history.draws === 0) return null;
  if (history.draws >= rules.maxDrawsPerEntityPerYear) return 'maxDrawsPerYear';
  if (extraRiskRound) return null;
  if (rules.excludeDrawnThisYear && (rules.excludeDrawnAcrossItems || history.itemIds.has(itemId))) return 'drawnThisYear';
  return null;
}

/** “信用等级免于抽查 0 户；本年已被抽查 12 户；…”: each rule with how many entities it left out. */
export function describeExclusions(excluded: Partial<Record<PoolExclusionRule, number>>): string {
  return (Object.keys(POOL_EXCLUSION_RULES) as PoolExclusionRule[]).map((rule) => `${POOL_EXCLUSION_RULES[rule]} ${excluded[rule] ?? 0} 户`).join('；');
}
