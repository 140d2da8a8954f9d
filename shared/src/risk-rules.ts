import { z } from 'zod';
import type { CreditStatus } from './credit-loop';

/**
 * 风险分类监管 (000 第十一条, 003 二(四)): entities with many complaints, serious violations or bad
 * credit are drawn at a higher ratio and more often. The bureau's rules say by how much, per risk class.
 */
const ratioText = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '比例须为 0 到 1 之间、最多 4 位小数的数，如 0.10');

const RiskTreatment = z.object({
  /** Successive-draw weight when the pool is not split by risk (a split draws each class at its own ratio). */
  weight: z.number().min(0.1).max(10),
  /** A stratum of this class is drawn at the item's ratio × this (rounded up to 4 decimals, at most 100%). */
  ratioMultiplier: z.number().min(1).max(10),
  /** …and at least this ratio ("0": none). */
  minRatio: ratioText,
  /** Rounds a year beyond the item's 频次 for entities of this class (shown in the plan). */
  extraRounds: z.number().int().min(0).max(4),
});

export const RiskRulesSchema = z.object({
  HIGH: RiskTreatment,
  MEDIUM: RiskTreatment,
  LOW: RiskTreatment,
  /** 特殊监管对象: an entity meeting any of these is treated as high risk whatever its recorded level. */
  special: z.object({
    /** Complaints at or above this count (0: not a criterion). */
    complaintsAtLeast: z.number().int().min(0).max(1000),
    violationRecord: z.boolean(),
    creditClassD: z.boolean(),
    blacklist: z.boolean(),
  }),
});

export type RiskRules = z.infer<typeof RiskRulesSchema>;
export type RiskClass = 'HIGH' | 'MEDIUM' | 'LOW' | 'NONE';

const SAME = { weight: 1, ratioMultiplier: 1, minRatio: '0', extraRounds: 0 };

/** What rule versions stored before this section did: risk changes nothing. */
export const RISK_OFF: RiskRules = {
  HIGH: SAME,
  MEDIUM: SAME,
  LOW: SAME,
  special: { complaintsAtLeast: 0, violationRecord: false, creditClassD: false, blacklist: false },
};

/** The defaults: high risk drawn at twice the item's ratio, one extra round, weighted ×2 in an unsplit pool. */
export const DEFAULT_RISK: RiskRules = {
  HIGH: { weight: 2, ratioMultiplier: 2, minRatio: '0', extraRounds: 1 },
  MEDIUM: { weight: 1.5, ratioMultiplier: 1, minRatio: '0', extraRounds: 0 },
  LOW: SAME,
  special: { complaintsAtLeast: 3, violationRecord: true, creditClassD: true, blacklist: true },
};

export interface RiskFacts {
  riskLevel: string | null;
  complaints: number;
  hasViolation: boolean;
  creditClass: string | null;
  creditStatus?: CreditStatus;
}

/** The class an entity is drawn in: HIGH when it is a special object (特殊监管对象), else its recorded level. */
export function riskClassOf(risk: RiskRules, facts: RiskFacts): RiskClass {
  const s = risk.special;
  const special =
    (s.complaintsAtLeast > 0 && facts.complaints >= s.complaintsAtLeast) ||
    (s.violationRecord && facts.hasViolation) ||
    (s.creditClassD && facts.creditClass === 'D') ||
    (s.blacklist && facts.creditStatus === 'BLACKLIST');
  if (special) return 'HIGH';
  return facts.riskLevel === 'HIGH' || facts.riskLevel === 'MEDIUM' || facts.riskLevel === 'LOW' ? facts.riskLevel : 'NONE';
}

const BP = 10_000;

/** A ratio's basis points, exactly (the ratio is a 4-decimal string). */
function basisPoints(ratio: string): number {
  const [whole, fraction = ''] = ratio.split('.');
  return Number(whole) * BP + Number(fraction.padEnd(4, '0'));
}

function ratioText4(bp: number): string {
  if (bp >= BP) return '1';
  const digits = String(bp).padStart(4, '0').replace(/0+$/, '');
  return digits ? `0.${digits}` : '0';
}

/**
 * The ratio a stratum of `risk` class is drawn at: max(item ratio × multiplier rounded up, class minimum),
 * never above 1. Entities without a level (NONE) keep the item's ratio.
 */
export function stratumRatio(itemRatio: string, risk: RiskClass, rules: RiskRules): string {
  const item = basisPoints(itemRatio);
  if (risk === 'NONE') return ratioText4(item);
  const t = rules[risk];
  const hundredths = Math.round(t.ratioMultiplier * 100);
  const multiplied = Math.ceil((item * hundredths) / 100);
  return ratioText4(Math.max(item, multiplied, basisPoints(t.minRatio)));
}

/** Rounds a year for entities of a class: the item's 频次 plus the class's extra rounds. */
export function roundsForRisk(itemRounds: number, risk: RiskClass, rules: RiskRules): number {
  return itemRounds + (risk === 'NONE' ? 0 : rules[risk].extraRounds);
}

/** The weight factor of a class in an unsplit pool (NONE: 1). */
export function riskWeight(risk: RiskClass, rules: RiskRules): number {
  return risk === 'NONE' ? 1 : rules[risk].weight;
}
