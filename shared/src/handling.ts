import type { CreditListKind } from './credit-lists';

/** 处理建议 / 处理决定: the standard outcomes of a record (000 第十六条、第十八条). */
export type HandlingOutcome = 'NO_PROBLEM' | 'RECTIFY' | 'CASE' | 'TRANSFER' | 'CREDIT';
export const HANDLING_OUTCOMES: readonly HandlingOutcome[] = ['NO_PROBLEM', 'RECTIFY', 'CASE', 'TRANSFER', 'CREDIT'];
export const HANDLING_LABELS: Record<HandlingOutcome, string> = {
  NO_PROBLEM: '未发现问题',
  RECTIFY: '责令整改',
  CASE: '移送立案查处',
  TRANSFER: '移交其他部门',
  CREDIT: '纳入信用惩戒',
};
export const HANDLING_MAX_BASIS = 2000;
export const HANDLING_MAX_WORKDAYS = 180;

/** The handling as proposed by the team and decided by the head's review and the leader's approval. */
export interface Handling {
  outcome: HandlingOutcome;
  /** 处理依据. */
  basis: string;
  /** 责令整改: the deadline in working days on the bureau's calendar. */
  deadlineWorkdays: number | null;
  /** 移送立案查处 / 移交其他部门: a department (global id) or an external body by name. */
  targetDepartmentId: string | null;
  targetExternalName: string | null;
  /** 纳入信用惩戒: which list, and the last day of the period. */
  creditList: CreditListKind | null;
  creditValidUntil: string | null;
  /** One of the bureau's own outcomes (its code and label as approved), behaving as `outcome`; null for a standard one. */
  ownOutcome?: string | null;
  ownOutcomeLabel?: string | null;
}

/** The code of a bureau's own outcome: capitals, digits and _, never one of the standard codes. */
export const OWN_OUTCOME_CODE = /^[A-Z][A-Z0-9_]{1,29}$/;
export const OWN_OUTCOME_MAX_LABEL = 30;

/** Checks a bureau's own outcome as the office proposes it: a new code, a Chinese label, the standard outcome it behaves as. */
export function checkOwnOutcome(input: { code?: string | null; label?: string | null; behavesAs?: string | null }): HandlingProblem[] {
  const problems: HandlingProblem[] = [];
  const code = input.code?.trim() ?? '';
  const label = input.label?.trim() ?? '';
  if (!OWN_OUTCOME_CODE.test(code)) problems.push({ field: 'code', message: '代码为 2–30 位大写字母、数字或下划线，以字母开头' });
  else if ((HANDLING_OUTCOMES as readonly string[]).includes(code)) problems.push({ field: 'code', message: '代码不能与标准处理结果相同' });
  if (!label) problems.push({ field: 'label', message: '请填写处理结果名称' });
  else if (label.length > OWN_OUTCOME_MAX_LABEL) problems.push({ field: 'label', message: `名称不超过 ${OWN_OUTCOME_MAX_LABEL} 字` });
  else if (Object.values(HANDLING_LABELS).includes(label)) problems.push({ field: 'label', message: '名称不能与标准处理结果相同' });
  if (!input.behavesAs || !(HANDLING_OUTCOMES as readonly string[]).includes(input.behavesAs))
    problems.push({ field: 'behavesAs', message: '请选择该处理结果按哪一标准处理结果办理' });
  return problems;
}

/** What a handling is called: the bureau's own label, else the standard one. */
export function handlingLabel(h: Pick<Handling, 'outcome' | 'ownOutcomeLabel'>): string {
  return h.ownOutcomeLabel || HANDLING_LABELS[h.outcome];
}

export interface HandlingProblem {
  field: string;
  message: string;
}

const trimmed = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/** Checks and normalises a proposed handling: each outcome carries what it needs, and nothing else. */
export function checkHandling(input: Partial<Handling>): { handling: Handling | null; problems: HandlingProblem[] } {
  const problems: HandlingProblem[] = [];
  const outcome = input.outcome as HandlingOutcome | undefined;
  if (!outcome || !HANDLING_OUTCOMES.includes(outcome)) problems.push({ field: 'outcome', message: '请选择处理建议' });
  const basis = trimmed(input.basis);
  if (!basis) problems.push({ field: 'basis', message: '请填写处理依据' });
  else if (basis.length > HANDLING_MAX_BASIS) problems.push({ field: 'basis', message: `处理依据不超过 ${HANDLING_MAX_BASIS} 字` });
  const handling: Handling = {
    outcome: outcome ?? 'NO_PROBLEM',
    basis: basis ?? '',
    deadlineWorkdays: null,
    targetDepartmentId: null,
    targetExternalName: null,
    creditList: null,
    creditValidUntil: null,
  };
  if (outcome === 'RECTIFY') {
    const days = input.deadlineWorkdays;
    if (days == null || !Number.isInteger(days) || days < 1 || days > HANDLING_MAX_WORKDAYS)
      problems.push({ field: 'deadlineWorkdays', message: `责令整改须写明整改期限（1–${HANDLING_MAX_WORKDAYS} 个工作日）` });
    else handling.deadlineWorkdays = days;
  }
  if (outcome === 'CASE' || outcome === 'TRANSFER') {
    const department = trimmed(input.targetDepartmentId);
    const external = trimmed(input.targetExternalName);
    if (!department && !external) problems.push({ field: 'target', message: '请选择移送的接收部门或填写系统外机关名称' });
    else if (department && external) problems.push({ field: 'target', message: '接收部门与系统外机关只能选其一' });
    else if (external && external.length > 100) problems.push({ field: 'targetExternalName', message: '机关名称不超过 100 字' });
    handling.targetDepartmentId = department;
    handling.targetExternalName = external;
  }
  if (outcome === 'CREDIT') {
    if (input.creditList !== 'BLACKLIST' && input.creditList !== 'WATCH')
      problems.push({ field: 'creditList', message: '请选择列入的名单（黑名单或重点关注名单）' });
    else handling.creditList = input.creditList;
    const until = trimmed(input.creditValidUntil);
    if (!until || !/^\d{4}-\d{2}-\d{2}$/.test(until)) problems.push({ field: 'creditValidUntil', message: '请填写名单期限截止日（YYYY-MM-DD）' });
    else handling.creditValidUntil = until;
  }
  return { handling: problems.length ? null : handling, problems };
}

/** Whether two handlings say the same (a review that keeps the proposal changes nothing). */
export function sameHandling(a: Handling | null, b: Handling | null): boolean {
  if (!a || !b) return a === b;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof Handling)[]);
  // Handlings stored before a field existed lack it: absent and null say the same.
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}
