import type { Workflow } from './workflow';

export type InspectionState = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'REVIEWED' | 'APPROVED' | 'PUBLISHED';
export type InspectionAction = 'SUBMIT' | 'RETURN' | 'PASS_REVIEW' | 'REJECT' | 'APPROVE' | 'PUBLISH';

/**
 * 检查记录 from the team's draft to publication: the team reports, the department reviews (returns
 * with comments or passes), the leader approves (or sends back), the office publishes. One role per step.
 */
export const INSPECTION_WORKFLOW: Workflow<InspectionState, InspectionAction> = {
  name: 'inspection',
  initial: 'DRAFT',
  states: { DRAFT: '草稿', SUBMITTED: '待部门审核', RETURNED: '已退回', REVIEWED: '待领导审批', APPROVED: '待公示', PUBLISHED: '已公示' },
  transitions: [
    { action: 'SUBMIT', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', roles: ['INSPECTOR'], label: '提交检查报告' },
    { action: 'RETURN', from: ['SUBMITTED'], to: 'RETURNED', roles: ['DEPARTMENT_HEAD'], label: '部门审核退回' },
    { action: 'PASS_REVIEW', from: ['SUBMITTED'], to: 'REVIEWED', roles: ['DEPARTMENT_HEAD'], label: '部门审核通过' },
    { action: 'REJECT', from: ['REVIEWED'], to: 'RETURNED', roles: ['LEADER'], label: '领导审批退回' },
    { action: 'APPROVE', from: ['REVIEWED'], to: 'APPROVED', roles: ['LEADER'], label: '领导审批通过' },
    { action: 'PUBLISH', from: ['APPROVED'], to: 'PUBLISHED', roles: ['OFFICE'], label: '公示' },
  ],
};

/** Actions whose comment is required: a return must say what to change. */
export const COMMENT_REQUIRED: readonly InspectionAction[] = ['RETURN', 'REJECT'];

/** The standard result categories (as used in practice, e.g. Zhejiang's platform); bureaus may add their own. */
export const STANDARD_RESULT_CATEGORIES = [
  { code: 'NO_PROBLEM', label: '未发现问题', problem: false },
  { code: 'INFO_NOT_DISCLOSED', label: '未按规定公示应当公示的信息', problem: true },
  { code: 'INFO_FALSIFIED', label: '公示信息隐瞒真实情况弄虚作假', problem: true },
  { code: 'CORRECTED', label: '发现问题经责令已改正', problem: true },
  { code: 'OBSTRUCTED', label: '不配合检查情节严重', problem: true },
  { code: 'NO_RELEVANT_ACTIVITY', label: '未发现开展本次抽查涉及的经营活动', problem: false },
  { code: 'UNREACHABLE', label: '通过登记的住所（经营场所）无法联系', problem: true },
  { code: 'CLOSED', label: '已关闭停业或正在清算', problem: false },
  { code: 'DEREGISTERED', label: '注销/被吊销/被撤销/迁出', problem: false },
  { code: 'OTHER_VIOLATION', label: '违反其他规定', problem: true },
] as const;

export type StandardResultCode = (typeof STANDARD_RESULT_CATEGORIES)[number]['code'];

/** A bureau's own category is stored as `custom:<id>`. */
export const CUSTOM_RESULT_PREFIX = 'custom:';

export function standardResultCategory(code: string) {
  return STANDARD_RESULT_CATEGORIES.find((c) => c.code === code) ?? null;
}

/** The parts of a record the team confirms; any change to them asks every member to confirm again. */
export interface InspectionContent {
  inspectedOn: string | null;
  place: string | null;
  siteConditions: string | null;
  findings: string | null;
  resultCategory: string | null;
  interviewNotes: string | null;
}

/** Canonical text of the content, hashed for confirmations (keys in this fixed order). */
export function inspectionContentText(content: InspectionContent): string {
  return JSON.stringify([content.inspectedOn, content.place, content.siteConditions, content.findings, content.resultCategory, content.interviewNotes]);
}

/** What must be filled in before the team may submit. */
export function missingForSubmit(content: InspectionContent): { field: keyof InspectionContent; message: string }[] {
  const out: { field: keyof InspectionContent; message: string }[] = [];
  if (!content.inspectedOn) out.push({ field: 'inspectedOn', message: '请填写检查日期' });
  if (!content.place?.trim()) out.push({ field: 'place', message: '请填写检查地点' });
  if (!content.siteConditions?.trim()) out.push({ field: 'siteConditions', message: '请填写现场检查情况' });
  if (!content.resultCategory) out.push({ field: 'resultCategory', message: '请选择检查结果' });
  return out;
}
