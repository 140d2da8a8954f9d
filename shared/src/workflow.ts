import { ROLE_LABELS, type Role } from './roles';

/** A transition of a workflow: which action moves which states where, and who may take it. */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  roles: readonly Role[];
  /** Chinese label of the action. */
  label: string;
}

export interface Workflow<S extends string, A extends string> {
  name: string;
  initial: S;
  states: Record<S, string>;
  transitions: readonly Transition<S, A>[];
}

export type TransitionCheck<S extends string> = { ok: true; to: S } | { ok: false; reason: 'NOT_ALLOWED_FROM_STATE' | 'ROLE_REQUIRED'; message: string };

/** Whether `roles` may take `action` from `state`, and where it leads. One rule for server and client. */
export function checkTransition<S extends string, A extends string>(workflow: Workflow<S, A>, state: S, action: A, roles: readonly Role[]): TransitionCheck<S> {
  const transition = workflow.transitions.find((t) => t.action === action);
  if (!transition || !transition.from.includes(state)) {
    return { ok: false, reason: 'NOT_ALLOWED_FROM_STATE', message: `当前状态“${workflow.states[state]}”不能执行“${transition?.label ?? action}”` };
  }
  if (!transition.roles.some((r) => roles.includes(r))) {
    return { ok: false, reason: 'ROLE_REQUIRED', message: `“${transition.label}”须由${transition.roles.map((r) => ROLE_LABELS[r].zh).join('或')}办理` };
  }
  return { ok: true, to: transition.to };
}

/** The actions `roles` can take from `state` (for showing buttons). */
export function availableActions<S extends string, A extends string>(workflow: Workflow<S, A>, state: S, roles: readonly Role[]): A[] {
  return workflow.transitions.filter((t) => t.from.includes(state) && t.roles.some((r) => roles.includes(r))).map((t) => t.action);
}

export type PlanState = 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'APPROVED' | 'PUBLISHED' | 'SUPERSEDED';
export type PlanAction = 'SUBMIT' | 'RETURN' | 'APPROVE' | 'PUBLISH';

/** 年度抽查计划: drafted by the office, approved by the leader (领导小组), then published. */
export const PLAN_WORKFLOW: Workflow<PlanState, PlanAction> = {
  name: 'annual-plan',
  initial: 'DRAFT',
  states: { DRAFT: '草稿', SUBMITTED: '待审批', RETURNED: '已退回', APPROVED: '已批准', PUBLISHED: '已公布', SUPERSEDED: '已被新版本替代' },
  transitions: [
    { action: 'SUBMIT', from: ['DRAFT', 'RETURNED'], to: 'SUBMITTED', roles: ['OFFICE'], label: '提交审批' },
    { action: 'RETURN', from: ['SUBMITTED'], to: 'RETURNED', roles: ['LEADER'], label: '退回修改' },
    { action: 'APPROVE', from: ['SUBMITTED'], to: 'APPROVED', roles: ['LEADER'], label: '批准' },
    { action: 'PUBLISH', from: ['APPROVED'], to: 'PUBLISHED', roles: ['OFFICE'], label: '公布' },
  ],
};
