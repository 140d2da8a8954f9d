/**
 * The rules (细则) as the form shows them: every field of the shared RuleSetSchema with its words, the
 * schema's verdict on what has been typed (issues by field path), and the differences between versions.
 */
import { DEFAULT_RULES, RuleSetSchema, withRuleDefaults, type RuleSet } from '@spotcheck/shared';
import type { Lang } from '../../app/i18n';

export type FieldKind = 'ratio' | 'int' | 'number' | 'bool' | 'categories' | 'choice';

export interface RuleField {
  path: (string | number)[];
  kind: FieldKind;
  zh: string;
  en: string;
  min?: number;
  max?: number;
  step?: number;
  /** For a choice: its values and their words. */
  options?: { value: string; zh: string; en: string }[];
}

export interface RuleSection {
  key: string;
  zh: string;
  en: string;
  fields: RuleField[];
}

const CLASSES = ['A', 'B', 'C', 'D'] as const;
const RISKS = [
  { key: 'HIGH', zh: '高风险', en: 'High risk' },
  { key: 'MEDIUM', zh: '中风险', en: 'Medium risk' },
  { key: 'LOW', zh: '低风险', en: 'Low risk' },
] as const;

export const RULE_SECTIONS: RuleSection[] = [
  {
    key: 'ratio',
    zh: '抽查比例与频次',
    en: 'Ratios and frequency',
    fields: [
      { path: ['ratio', 'min'], kind: 'ratio', zh: '抽查比例下限', en: 'Lowest ratio' },
      { path: ['ratio', 'max'], kind: 'ratio', zh: '抽查比例上限', en: 'Highest ratio' },
      { path: ['roundsPerYear', 'min'], kind: 'int', zh: '每年抽查轮次下限', en: 'Fewest rounds a year', min: 1, max: 12 },
      { path: ['roundsPerYear', 'max'], kind: 'int', zh: '每年抽查轮次上限', en: 'Most rounds a year', min: 1, max: 12 },
      { path: ['maxDrawsPerEntityPerYear'], kind: 'int', zh: '同一对象每年最多被抽次数', en: 'Most draws of one entity a year', min: 1, max: 12 },
      { path: ['excludeDrawnThisYear'], kind: 'bool', zh: '本年已被抽中的对象不再抽取', en: 'Exclude entities already drawn this year' },
      {
        path: ['excludeDrawnAcrossItems'],
        kind: 'bool',
        zh: '已被抽中的对象不再列入当年任何事项的名单（否则只排除同一事项）',
        en: 'Drawn for any item: out of every item’s pool this year',
      },
    ],
  },
  {
    key: 'weights',
    zh: '信用分类与权重',
    en: 'Credit classes and weights',
    fields: [
      ...CLASSES.flatMap((c): RuleField[] => [
        { path: ['credit', c, 'exempt'], kind: 'bool', zh: `信用等级 ${c}：免于抽查`, en: `Class ${c}: exempt` },
        { path: ['credit', c, 'weight'], kind: 'number', zh: `信用等级 ${c}：权重`, en: `Class ${c}: weight`, min: 0, max: 100, step: 0.1 },
      ]),
      { path: ['extraWeight', 'perComplaint'], kind: 'number', zh: '每次投诉举报增加的权重', en: 'Extra weight per complaint', min: 0, max: 10, step: 0.1 },
      {
        path: ['extraWeight', 'violationRecord'],
        kind: 'number',
        zh: '有违法违规记录增加的权重',
        en: 'Extra weight for a violation record',
        min: 0,
        max: 10,
        step: 0.1,
      },
      { path: ['strata', 'byRiskLevel'], kind: 'bool', zh: '按风险等级分层抽取', en: 'Strata by risk level' },
    ],
  },
  {
    key: 'risk',
    zh: '风险分类监管（提高比例与频次）',
    en: 'Risk (higher ratio and frequency)',
    fields: [
      ...RISKS.flatMap((r): RuleField[] => [
        { path: ['risk', r.key, 'ratioMultiplier'], kind: 'number', zh: `${r.zh}：比例倍数`, en: `${r.en}: ratio multiplier`, min: 1, max: 10, step: 0.5 },
        { path: ['risk', r.key, 'minRatio'], kind: 'ratio', zh: `${r.zh}：最低比例`, en: `${r.en}: lowest ratio` },
        { path: ['risk', r.key, 'extraRounds'], kind: 'int', zh: `${r.zh}：每年增加轮次`, en: `${r.en}: extra rounds a year`, min: 0, max: 4 },
        { path: ['risk', r.key, 'weight'], kind: 'number', zh: `${r.zh}：不分层时的权重`, en: `${r.en}: weight when not split`, min: 0.1, max: 10, step: 0.1 },
      ]),
      {
        path: ['risk', 'special', 'complaintsAtLeast'],
        kind: 'int',
        zh: '投诉举报达到次数视为高风险（0 为不适用）',
        en: 'Complaints making an entity high risk (0: off)',
        min: 0,
        max: 1000,
      },
      { path: ['risk', 'special', 'violationRecord'], kind: 'bool', zh: '有严重违法违规记录视为高风险', en: 'A violation record makes an entity high risk' },
      { path: ['risk', 'special', 'creditClassD'], kind: 'bool', zh: '信用等级 D 视为高风险', en: 'Credit class D makes an entity high risk' },
      { path: ['risk', 'special', 'blacklist'], kind: 'bool', zh: '列入严重失信名单视为高风险', en: 'The blacklist makes an entity high risk' },
    ],
  },
  {
    key: 'team',
    zh: '检查组与回避',
    en: 'Teams and recusal',
    fields: [
      { path: ['team', 'minSize'], kind: 'int', zh: '每组最少执法人员数', en: 'Smallest team', min: 2, max: 10 },
      { path: ['workloadCapPerInspectorPerRound'], kind: 'int', zh: '每人每轮最多检查对象数', en: 'Most entities per inspector a round', min: 1, max: 1000 },
      { path: ['recusal', 'sameRegion'], kind: 'bool', zh: '同一区域回避（属地）', en: 'Recusal within the same region' },
      { path: ['recusal', 'sameDepartment'], kind: 'bool', zh: '日常监管部门回避', en: 'Recusal of the supervising department' },
      { path: ['recusal', 'noRepeatInspectorForEntity'], kind: 'bool', zh: '同一对象不连续由同一人员检查', en: 'Not the same inspector twice running' },
    ],
  },
  {
    key: 'deadlines',
    zh: '期限（工作日）',
    en: 'Deadlines (working days)',
    fields: [
      { path: ['deadlines', 'reportWorkingDays'], kind: 'int', zh: '检查后提交报告', en: 'Report after the inspection', min: 1, max: 60 },
      { path: ['deadlines', 'reviewWorkingDays'], kind: 'int', zh: '报告提交后部门审核', en: 'Review after the report', min: 1, max: 60 },
      { path: ['deadlines', 'approvalWorkingDays'], kind: 'int', zh: '审核期限后领导审批', en: 'Approval after the review deadline', min: 1, max: 60 },
      { path: ['deadlines', 'publicationWorkingDays'], kind: 'int', zh: '报告提交后公示', en: 'Publication after the report', min: 1, max: 60 },
    ],
  },
  {
    key: 'creditLoop',
    zh: '信用闭环',
    en: 'Credit loop',
    fields: [
      {
        path: ['creditLoop', 'enabled'],
        kind: 'bool',
        zh: '启用：按已公示结果列入名单并提高下次摇号权重',
        en: 'On: list entities from published results and weigh them in the next draw',
      },
      {
        path: ['creditLoop', 'watchList', 'problemCount'],
        kind: 'int',
        zh: '重点关注：发现问题次数达到',
        en: 'Watch list: problem results at least',
        min: 1,
        max: 50,
      },
      { path: ['creditLoop', 'watchList', 'withinYears'], kind: 'int', zh: '重点关注：统计年数', en: 'Watch list: within years', min: 1, max: 10 },
      { path: ['creditLoop', 'watchList', 'weight'], kind: 'number', zh: '重点关注：权重倍数', en: 'Watch list: weight factor', min: 1, max: 100, step: 0.5 },
      { path: ['creditLoop', 'blacklist', 'categories'], kind: 'categories', zh: '严重失信：检查结果类别', en: 'Blacklist: result categories' },
      { path: ['creditLoop', 'blacklist', 'withinYears'], kind: 'int', zh: '严重失信：统计年数', en: 'Blacklist: within years', min: 1, max: 10 },
      { path: ['creditLoop', 'blacklist', 'weight'], kind: 'number', zh: '严重失信：权重倍数', en: 'Blacklist: weight factor', min: 1, max: 100, step: 0.5 },
    ],
  },
  {
    key: 'creditLists',
    zh: '信用公示',
    en: 'Public credit lists',
    fields: [
      { path: ['creditLists', 'publishBlacklist'], kind: 'bool', zh: '在公示平台公示黑名单', en: 'Publish the blacklist on the portal' },
      { path: ['creditLists', 'publishWatchList'], kind: 'bool', zh: '在公示平台公示重点关注名单', en: 'Publish the watch list on the portal' },
    ],
  },
  {
    key: 'rectification',
    zh: '整改复查',
    en: 'Rectification re-check',
    fields: [
      {
        path: ['rectification', 'recheckTeam'],
        kind: 'choice',
        zh: '复查组',
        en: 'Re-check team',
        options: [
          { value: 'SAME', zh: '原检查组复查', en: 'The record’s own team' },
          { value: 'RANDOM', zh: '从本单位执法人员中随机抽取（人数同每组最少执法人员数）', en: 'Drawn at random from the bureau’s inspectors' },
        ],
      },
    ],
  },
];

export const ALL_FIELDS = RULE_SECTIONS.flatMap((s) => s.fields);
export const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** A stored version as the form edits it: sections added to the schema later read as their defaults. */
export function editableRules(stored: unknown): RuleSet {
  const parsed = RuleSetSchema.safeParse(stored);
  return parsed.success ? withRuleDefaults(parsed.data) : { ...DEFAULT_RULES, ...(stored as Partial<RuleSet>) };
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  minimum?: unknown;
  maximum?: unknown;
}

/** The schema's own (Chinese) messages where it has them; the generic ones in the chosen language. */
function issueText(issue: Issue, lang: Lang): string {
  if (issue.code === 'invalid_type') return lang === 'zh' ? '请填写有效的值' : 'Enter a valid value';
  if (issue.code === 'too_small') return lang === 'zh' ? `不能小于 ${String(issue.minimum)}` : `At least ${String(issue.minimum)}`;
  if (issue.code === 'too_big') return lang === 'zh' ? `不能大于 ${String(issue.maximum)}` : `At most ${String(issue.maximum)}`;
  return issue.message;
}

/** What RuleSetSchema says of the values, by field path ('ratio' for a rule over a whole section). */
export function ruleIssues(values: unknown, lang: Lang): Map<string, string[]> {
  const parsed = RuleSetSchema.safeParse(values);
  const byPath = new Map<string, string[]>();
  if (parsed.success) return byPath;
  for (const issue of parsed.error.issues as Issue[]) {
    const key = pathKey(issue.path);
    byPath.set(key, [...(byPath.get(key) ?? []), issueText(issue, lang)]);
  }
  return byPath;
}

/** Every leaf of a rules object, "a.b.c" → value. */
export function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

/** The fields whose value differs between two versions (older first), with both values. */
export function ruleDiff(older: unknown, newer: unknown): { key: string; from: unknown; to: unknown }[] {
  const a = flatten(editableRules(older));
  const b = flatten(editableRules(newer));
  return [...new Set([...a.keys(), ...b.keys()])]
    .filter((k) => JSON.stringify(a.get(k)) !== JSON.stringify(b.get(k)))
    .map((key) => ({ key, from: a.get(key), to: b.get(key) }));
}

/** Rules over a whole group (the schema's refinements) name the group. */
const GROUPS: Record<string, { zh: string; en: string }> = {
  ratio: { zh: '抽查比例', en: 'Ratios' },
  roundsPerYear: { zh: '每年抽查轮次', en: 'Rounds a year' },
};

export function fieldLabel(key: string, lang: Lang): string {
  const field = ALL_FIELDS.find((f) => pathKey(f.path) === key);
  return field ? field[lang] : (GROUPS[key]?.[lang] ?? key);
}

/** Reads a value at a path. */
export function valueAt(rules: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), rules);
}
