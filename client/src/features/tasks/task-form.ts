/** The task form's values, the server's TaskInput made from them, and the rules checked as they are typed. */
import type { FormRule } from 'antd';
import { parseRatioInput, ratioBp, toGlobalId, type RuleSet } from '@spotcheck/shared';
import type { TaskDetail } from './operations';
import { ratioValue } from '../../app/ratio';

export type TaskKindValue = 'PLANNED' | 'SPECIAL';
export type RiskClassValue = 'HIGH' | 'MEDIUM' | 'LOW';

export interface TaskFormValues {
  kind: TaskKindValue;
  reason?: string | null;
  planId?: string | null;
  round?: number | null;
  title: string;
  purpose: string;
  procedure: string;
  divisionOfLabour: string;
  confidentiality: string;
  startsOn: string;
  endsOn: string;
  teamSize: number | null;
  items: { itemId?: string; ratio?: string }[];
  targetTypes: string[];
  regionCodes: string[];
  industries: string[];
  statuses: string[];
  /** 风险分类监管: only these risk classes (none: every class). */
  riskClasses: RiskClassValue[];
  departmentIds: string[];
  categories: string[];
  joint: boolean;
  leadDepartmentId?: string | null;
}

export interface PlanRound {
  round: number;
  from: string;
  to: string;
}

interface Filters {
  targetTypes?: string[];
  regionCodes?: string[];
  industries?: string[];
  statuses?: string[];
  riskClasses?: RiskClassValue[];
  departmentIds?: string[];
  categories?: string[];
}

export function emptyTask(teamSize: number): TaskFormValues {
  return {
    kind: 'PLANNED',
    reason: '',
    planId: null,
    round: null,
    title: '',
    purpose: '',
    procedure: '',
    divisionOfLabour: '',
    confidentiality: '摇号前名单封存，检查结果公示前不得对外泄露',
    startsOn: '',
    endsOn: '',
    teamSize,
    items: [{}],
    targetTypes: [],
    regionCodes: [],
    industries: [],
    statuses: [],
    riskClasses: [],
    departmentIds: [],
    categories: [],
    joint: false,
    leadDepartmentId: null,
  };
}

export function taskValues(task: TaskDetail): TaskFormValues {
  const target = (task.targetFilter ?? {}) as Filters;
  const inspectors = (task.inspectorFilter ?? {}) as Filters;
  return {
    kind: task.kind,
    reason: task.reason ?? '',
    planId: task.plan?.id ?? null,
    round: task.round,
    title: task.title,
    purpose: task.purpose,
    procedure: task.procedure,
    divisionOfLabour: task.divisionOfLabour,
    confidentiality: task.confidentiality,
    startsOn: task.startsOn,
    endsOn: task.endsOn,
    teamSize: task.teamSize,
    items: task.items.map((i) => ({ itemId: i.item?.id, ratio: i.ratio })),
    targetTypes: target.targetTypes ?? [],
    regionCodes: target.regionCodes ?? [],
    industries: target.industries ?? [],
    statuses: target.statuses ?? [],
    riskClasses: target.riskClasses ?? [],
    // The task keeps the departments' own ids; the form and the API speak global ids.
    departmentIds: (inspectors.departmentIds ?? []).map((id) => toGlobalId('Department', id)),
    categories: inspectors.categories ?? [],
    joint: task.joint,
    leadDepartmentId: task.leadDepartment?.id ?? null,
  };
}

export function taskInput(v: TaskFormValues) {
  const list = (values: string[]) => (values.length ? values : undefined);
  const planned = v.kind === 'PLANNED';
  return {
    kind: v.kind,
    reason: v.reason?.trim() || null,
    // A 专项检查 stands outside the plan; a planned task without a plan is sent as is, for the server to refuse by name.
    planId: planned ? (v.planId ?? null) : null,
    round: planned && v.planId ? (v.round ?? null) : null,
    title: v.title.trim(),
    purpose: v.purpose.trim(),
    procedure: v.procedure.trim(),
    divisionOfLabour: v.divisionOfLabour.trim(),
    confidentiality: v.confidentiality.trim(),
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    teamSize: v.teamSize ?? 0,
    items: v.items.map((i) => ({ itemId: i.itemId ?? '', ratio: ratioValue(i.ratio) })),
    targetFilter: {
      targetTypes: list(v.targetTypes),
      regionCodes: list(v.regionCodes),
      industries: list(v.industries),
      statuses: list(v.statuses),
      riskClasses: v.riskClasses.length ? v.riskClasses : undefined,
    },
    inspectorFilter: { departmentIds: list(v.departmentIds), categories: list(v.categories) },
    joint: v.joint,
    leadDepartmentId: v.joint ? (v.leadDepartmentId ?? null) : null,
  };
}

const pct = (ratio: string) => `${ratioBp(ratio) / 100}%`;

/** A row's ratio: well-formed, within the bureau's range, not below the item's listed minimum (as the server checks). */
export function ratioRule(rules: RuleSet | null, minRatioOf: (index: number) => string | undefined, index: number): FormRule {
  return {
    validator: (_, value: string | undefined) => {
      if (!value?.trim()) return Promise.resolve();
      const text = parseRatioInput(value);
      if (text === null || Number(text) === 0) return Promise.reject(new Error('比例须为大于 0 的小数（如 0.10）或百分数（如 10%）'));
      if (rules && (ratioBp(text) < ratioBp(rules.ratio.min) || ratioBp(text) > ratioBp(rules.ratio.max))) {
        return Promise.reject(new Error(`超出细则规定的 ${pct(rules.ratio.min)}–${pct(rules.ratio.max)}`));
      }
      const min = minRatioOf(index);
      if (min && ratioBp(text) < ratioBp(min)) return Promise.reject(new Error(`低于事项清单规定的不低于 ${pct(min)}`));
      return Promise.resolve();
    },
  };
}

/** Dates: the end not before the start, and both inside the chosen round of the plan. */
export function periodRule(which: 'startsOn' | 'endsOn', round: () => PlanRound | undefined): FormRule {
  return ({ getFieldValue }) => ({
    validator: (_, value: string | undefined) => {
      if (!value) return Promise.resolve();
      if (which === 'endsOn' && getFieldValue('startsOn') && value < getFieldValue('startsOn')) return Promise.reject(new Error('结束日期不能早于开始日期'));
      const r = round();
      if (r && (value < r.from || value > r.to)) return Promise.reject(new Error(`须在第 ${r.round} 轮安排的 ${r.from} 至 ${r.to} 之内`));
      return Promise.resolve();
    },
  });
}
