import { z } from 'zod';

/**
 * 信用公示: each bureau's 黑名单 and 重点关注名单, kept as decided entries (an entity, a reason, a legal
 * basis, a decision date and a period), published on the portal per the bureau's rules; and a province's
 * 联合惩戒, under which an entity on the blacklist of any bureau of the province weighs more in the draws
 * of the others (000 第十八条; 003 二(五)).
 */
export type CreditListKind = 'BLACKLIST' | 'WATCH';
export const CREDIT_LIST_KINDS: readonly CreditListKind[] = ['BLACKLIST', 'WATCH'];
export const CREDIT_LIST_LABELS: Record<CreditListKind, string> = { BLACKLIST: '黑名单', WATCH: '重点关注名单' };

/** Which of the bureau's lists the portal publishes (a section of the bureau's rules). */
export const CreditListRulesSchema = z.object({
  publishBlacklist: z.boolean(),
  publishWatchList: z.boolean(),
});
export type CreditListRules = z.infer<typeof CreditListRulesSchema>;

/** What a new rule set starts with, and what a version stored before the section reads as: both lists public. */
export const DEFAULT_CREDIT_LISTS: CreditListRules = { publishBlacklist: true, publishWatchList: true };

export function publishesList(rules: CreditListRules, list: CreditListKind): boolean {
  return list === 'BLACKLIST' ? rules.publishBlacklist : rules.publishWatchList;
}

/**
 * A province's 联合惩戒 setting. The rule is a weight, the simplest the seeds support (“加大随机抽查力度”,
 * 000 第十一条): the draw already takes a weight per entity, and a ratio or an “always drawn” rule would
 * change the draw's input format (docs/draw-spec.md); the weight stands beside a pseudonym like any other.
 */
export const JointPunishmentSchema = z.object({
  enabled: z.boolean(),
  weight: z.number().min(1, '权重不低于 1').max(100, '权重不超过 100'),
});
export type JointPunishment = z.infer<typeof JointPunishmentSchema>;

/** A decided entry is in force (and public, if its list is) from its decision date to its period's end, both included. */
export function entryInForce(entry: { decidedOn: string; validUntil: string }, today: string): boolean {
  return entry.decidedOn <= today && today <= entry.validUntil;
}
