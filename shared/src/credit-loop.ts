import { z } from 'zod';

/**
 * The credit loop (信用闭环): every published result is written into the entity's credit record; a
 * bureau's rules put an entity on the watch list (重点关注) or the blacklist (严重失信) from those
 * records, and the next draw's weight of the entity is multiplied by the list's weight.
 */
export type CreditStatus = 'NORMAL' | 'WATCH' | 'BLACKLIST';
export const CREDIT_STATUSES: readonly CreditStatus[] = ['NORMAL', 'WATCH', 'BLACKLIST'];

/** A result code as stored on a record: a standard code (`CORRECTED`) or a bureau's own (`custom:<id>`). */
const ResultCode = z.string().regex(/^([A-Z][A-Z_]{1,39}|custom:[0-9a-f-]{36})$/, '检查结果类别代码无效');
const Years = z.number().int().min(1).max(10);
const ListWeight = z.number().min(1).max(100);

export const CreditLoopRulesSchema = z.object({
  enabled: z.boolean(),
  /** N or more problem results (any category whose `problem` is true) published within the last Y years. */
  watchList: z.object({ problemCount: z.number().int().min(1).max(50), withinYears: Years, weight: ListWeight }),
  /** Any result of one of these categories published within the last Y years. */
  blacklist: z.object({ categories: z.array(ResultCode).max(50), withinYears: Years, weight: ListWeight }),
});

export type CreditLoopRules = z.infer<typeof CreditLoopRulesSchema>;

/** What a new rule set starts with: 2 problems in 3 years doubles the weight; falsified or obstructed triples it. */
export const DEFAULT_CREDIT_LOOP: CreditLoopRules = {
  enabled: true,
  watchList: { problemCount: 2, withinYears: 3, weight: 2 },
  blacklist: { categories: ['INFO_FALSIFIED', 'OBSTRUCTED'], withinYears: 3, weight: 3 },
};

/** A rule version stored before the credit loop existed reads as the loop switched off: what it did then. */
export const CREDIT_LOOP_OFF: CreditLoopRules = { ...DEFAULT_CREDIT_LOOP, enabled: false };

/** The credit loop section of a stored rule version (which may predate it). */
export function creditLoopOf(rules: unknown): CreditLoopRules {
  const section = (rules as { creditLoop?: unknown } | null | undefined)?.creditLoop;
  if (section === undefined) return CREDIT_LOOP_OFF;
  const parsed = CreditLoopRulesSchema.safeParse(section);
  return parsed.success ? parsed.data : CREDIT_LOOP_OFF;
}

/** One credit record as the status derivation reads it; superseded records (by a correction) do not count. */
export interface CreditFact {
  resultCategory: string;
  problem: boolean;
  publishedAt: Date;
  superseded: boolean;
}

/** `at` moved back by whole calendar years (UTC). */
function yearsBefore(at: Date, years: number): Date {
  const d = new Date(at.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d;
}

/** The earliest publication time any rule of the loop can still look at, as of `now`. */
export function creditLookback(loop: CreditLoopRules, now: Date): Date {
  return yearsBefore(now, Math.max(loop.watchList.withinYears, loop.blacklist.withinYears));
}

/** BLACKLIST before WATCH before NORMAL; NORMAL whenever the loop is off. */
export function creditStatusOf(facts: readonly CreditFact[], loop: CreditLoopRules, now: Date): CreditStatus {
  if (!loop.enabled) return 'NORMAL';
  const live = facts.filter((f) => !f.superseded && f.publishedAt.getTime() <= now.getTime());
  const blacklistSince = yearsBefore(now, loop.blacklist.withinYears).getTime();
  if (live.some((f) => f.publishedAt.getTime() > blacklistSince && loop.blacklist.categories.includes(f.resultCategory))) return 'BLACKLIST';
  const watchSince = yearsBefore(now, loop.watchList.withinYears).getTime();
  if (live.filter((f) => f.problem && f.publishedAt.getTime() > watchSince).length >= loop.watchList.problemCount) return 'WATCH';
  return 'NORMAL';
}

/** The factor a draw multiplies an entity's weight by. */
export function creditStatusWeight(loop: CreditLoopRules, status: CreditStatus): number {
  if (!loop.enabled || status === 'NORMAL') return 1;
  return status === 'WATCH' ? loop.watchList.weight : loop.blacklist.weight;
}
