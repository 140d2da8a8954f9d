import { z } from 'zod';
import { CREDIT_LOOP_OFF, CreditLoopRulesSchema, DEFAULT_CREDIT_LOOP, creditLoopOf } from './credit-loop';
import { DEFAULT_RISK, RISK_OFF, RiskRulesSchema } from './risk-rules';
import { CreditListRulesSchema, DEFAULT_CREDIT_LISTS } from './credit-lists';
import { RECHECK_TEAM_RULES, type RecheckTeamRule } from './recheck-team';

/** A ratio kept exactly as written in the documents, e.g. "0.10" for “不低于10%”. */
export const Ratio = z.string().regex(/^(0(\.\d{1,4})?|1(\.0{1,4})?)$/, '比例须为 0 到 1 之间、最多 4 位小数的数，如 0.10');

/** How a task's pool is split into strata (分层). Stored versions older than this section read as all off. */
const StrataRules = z.object({
  /**
   * One stratum per item and risk class (风险等级: 高/中/低, and one for entities without a level; special
   * objects count as 高, see `riskClassOf`), each drawn at its class's ratio (`stratumRatio`) with its
   * count rounded up: every risk class gets at least its share.
   */
  byRiskLevel: z.boolean(),
});

const STRATA_OFF: z.infer<typeof StrataRules> = { byRiskLevel: false };

/** Review and approval deadlines for stored versions saved before they existed: they fit inside the 10 days to publication. */
const DEFAULT_DEADLINES = { reviewWorkingDays: 3, approvalWorkingDays: 3 };

/** 整改复查: the record's own team re-checks, or a team drawn at random from the bureau's inspectors (of the rules' team size). */
const RectificationRules = z.object({ recheckTeam: z.enum(RECHECK_TEAM_RULES as [RecheckTeamRule, ...RecheckTeamRule[]]) });
const DEFAULT_RECTIFICATION: z.infer<typeof RectificationRules> = { recheckTeam: 'SAME' };

const CreditTreatment = z.object({
  exempt: z.boolean(),
  weight: z.number().min(0).max(100),
});

/**
 * A bureau's rules (细则). Defaults follow the seeds: 常德's 2%–10%, 1–2 rounds, at most 2 draws of one
 * entity a year, entities drawn this year excluded; national practice: at least 2 inspectors a team;
 * reports in 3 working days, publication in 10; each item drawn per risk class, high risk at twice the
 * item's ratio (000 第十一条). The draw issue extends this schema.
 */
export const RuleSetSchema = z
  .object({
    ratio: z.object({ min: Ratio, max: Ratio }),
    roundsPerYear: z.object({ min: z.number().int().min(1).max(12), max: z.number().int().min(1).max(12) }),
    maxDrawsPerEntityPerYear: z.number().int().min(1).max(12),
    excludeDrawnThisYear: z.boolean(),
    /** With excludeDrawnThisYear: an entity drawn this year for any item is out of every item's pool (000 第十一条), not only that item's. */
    excludeDrawnAcrossItems: z.boolean().default(true),
    credit: z.object({ A: CreditTreatment, B: CreditTreatment, C: CreditTreatment, D: CreditTreatment }),
    extraWeight: z.object({
      perComplaint: z.number().min(0).max(10),
      violationRecord: z.number().min(0).max(10),
    }),
    team: z.object({ minSize: z.number().int().min(2).max(10) }),
    recusal: z.object({
      /** An inspector does not inspect an entity of the region (所在区划) the inspector belongs to (属地). */
      sameRegion: z.boolean(),
      /** An inspector does not inspect an entity that the inspector's own department supervises day to day. */
      sameDepartment: z.boolean(),
      noRepeatInspectorForEntity: z.boolean(),
    }),
    strata: StrataRules.default(STRATA_OFF),
    workloadCapPerInspectorPerRound: z.number().int().min(1).max(1000),
    deadlines: z.object({
      reportWorkingDays: z.number().int().min(1).max(60),
      /** Counted, like approval and publication, from the report's submission (000 第十六条's clock). */
      reviewWorkingDays: z.number().int().min(1).max(60).default(DEFAULT_DEADLINES.reviewWorkingDays),
      /** The leader's deadline: this many working days after the review's, so a late review does not lengthen the approval's time. */
      approvalWorkingDays: z.number().int().min(1).max(60).default(DEFAULT_DEADLINES.approvalWorkingDays),
      publicationWorkingDays: z.number().int().min(1).max(60),
    }),
    creditLoop: CreditLoopRulesSchema.default(CREDIT_LOOP_OFF),
    /** 风险分类监管: a higher ratio per risk stratum, extra rounds and a weight per risk class. */
    risk: RiskRulesSchema.default(RISK_OFF),
    /** 信用公示: which of the bureau's lists (黑名单, 重点关注名单) the portal publishes. */
    creditLists: CreditListRulesSchema.default(DEFAULT_CREDIT_LISTS),
    rectification: RectificationRules.default(DEFAULT_RECTIFICATION),
  })
  .refine((r) => Number(r.ratio.min) <= Number(r.ratio.max), { message: '比例下限不能高于上限', path: ['ratio'] })
  .refine((r) => r.roundsPerYear.min <= r.roundsPerYear.max, { message: '轮次下限不能高于上限', path: ['roundsPerYear'] })
  .refine((r) => r.deadlines.reviewWorkingDays + r.deadlines.approvalWorkingDays < r.deadlines.publicationWorkingDays, {
    message: '审核与审批的工作日之和须少于公示期限，公示才能在期限内完成',
    path: ['deadlines'],
  });

export type RuleSet = z.infer<typeof RuleSetSchema>;

export const DEFAULT_RULES: RuleSet = {
  ratio: { min: '0.02', max: '0.10' },
  roundsPerYear: { min: 1, max: 2 },
  maxDrawsPerEntityPerYear: 2,
  excludeDrawnThisYear: true,
  excludeDrawnAcrossItems: true,
  credit: {
    A: { exempt: false, weight: 0.5 },
    B: { exempt: false, weight: 1 },
    C: { exempt: false, weight: 1.5 },
    D: { exempt: false, weight: 2 },
  },
  extraWeight: { perComplaint: 0.1, violationRecord: 0.5 },
  team: { minSize: 2 },
  recusal: { sameRegion: false, sameDepartment: false, noRepeatInspectorForEntity: true },
  strata: { byRiskLevel: true },
  workloadCapPerInspectorPerRound: 60,
  deadlines: { reportWorkingDays: 3, reviewWorkingDays: 3, approvalWorkingDays: 3, publicationWorkingDays: 10 },
  creditLoop: DEFAULT_CREDIT_LOOP,
  risk: DEFAULT_RISK,
  creditLists: DEFAULT_CREDIT_LISTS,
  rectification: DEFAULT_RECTIFICATION,
};

/**
 * A rule version as stored: versions are never rewritten, so one saved before a section was added
 * lacks it and reads as that section's defaults (which are "off": what the rules did then).
 */
export function withRuleDefaults(stored: RuleSet): RuleSet {
  const partial = stored as Partial<RuleSet>;
  return {
    ...stored,
    // A version saved before excludeDrawnAcrossItems excluded an entity only from the items it was drawn for.
    excludeDrawnAcrossItems: partial.excludeDrawnAcrossItems ?? false,
    strata: { ...STRATA_OFF, ...partial.strata },
    deadlines: { ...DEFAULT_DEADLINES, ...stored.deadlines },
    creditLoop: creditLoopOf(stored),
    risk: partial.risk ?? RISK_OFF,
    creditLists: partial.creditLists ?? DEFAULT_CREDIT_LISTS,
    rectification: partial.rectification ?? DEFAULT_RECTIFICATION,
  };
}
