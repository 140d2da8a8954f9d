import { z } from 'zod';
import type { RuleViolation } from './plan-rules';

/**
 * Bounds a province (省级主管部门) sets for the bureaus below it: their rules must lie within them. Only
 * the limits a province needs to see of its bureaus' rules are bounded (and read across the tenant wall).
 */
const ratioText = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '比例须为 0 到 1 之间、最多 4 位小数的数，如 0.10');
const rounds = z.number().int().min(1).max(12);

export const RuleBoundsSchema = z
  .object({
    /** The bureau's lowest ratio may not be below `floor`, its highest not above `ceiling`. */
    ratio: z.object({ floor: ratioText, ceiling: ratioText }),
    /** The bureau's rounds a year lie within min–max. */
    roundsPerYear: z.object({ min: rounds, max: rounds }),
    /** The bureau's most draws of one entity a year may not exceed this. */
    maxDrawsPerEntityPerYear: rounds,
  })
  .refine((b) => Number(b.ratio.floor) <= Number(b.ratio.ceiling), { message: '比例下限不能高于上限', path: ['ratio'] })
  .refine((b) => b.roundsPerYear.min <= b.roundsPerYear.max, { message: '轮次下限不能高于上限', path: ['roundsPerYear'] });

export type RuleBounds = z.infer<typeof RuleBoundsSchema>;

/** The part of a bureau's rules that bounds speak of. */
export interface BoundedRules {
  ratio: { min: string; max: string };
  roundsPerYear: { min: number; max: number };
  maxDrawsPerEntityPerYear: number;
}

const percent = (ratio: string) => `${Math.round(Number(ratio) * 1_000_000) / 10_000}%`;

/** Every bound the rules break, each named (`bounds.ratio.floor`, …); empty when they lie within. */
export function boundViolations(rules: BoundedRules, bounds: RuleBounds, by = '省级主管部门'): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (Number(rules.ratio.min) < Number(bounds.ratio.floor)) {
    out.push({ rule: 'bounds.ratio.floor', message: `抽查比例下限 ${percent(rules.ratio.min)} 低于${by}规定的不低于 ${percent(bounds.ratio.floor)}` });
  }
  if (Number(rules.ratio.max) > Number(bounds.ratio.ceiling)) {
    out.push({ rule: 'bounds.ratio.ceiling', message: `抽查比例上限 ${percent(rules.ratio.max)} 高于${by}规定的不高于 ${percent(bounds.ratio.ceiling)}` });
  }
  if (rules.roundsPerYear.min < bounds.roundsPerYear.min) {
    out.push({ rule: 'bounds.roundsPerYear.min', message: `每年抽查轮次下限 ${rules.roundsPerYear.min} 低于${by}规定的 ${bounds.roundsPerYear.min} 轮` });
  }
  if (rules.roundsPerYear.max > bounds.roundsPerYear.max) {
    out.push({ rule: 'bounds.roundsPerYear.max', message: `每年抽查轮次上限 ${rules.roundsPerYear.max} 高于${by}规定的 ${bounds.roundsPerYear.max} 轮` });
  }
  if (rules.maxDrawsPerEntityPerYear > bounds.maxDrawsPerEntityPerYear) {
    out.push({
      rule: 'bounds.maxDrawsPerEntityPerYear',
      message: `同一对象每年最多被抽 ${rules.maxDrawsPerEntityPerYear} 次，超过${by}规定的 ${bounds.maxDrawsPerEntityPerYear} 次`,
    });
  }
  return out;
}
