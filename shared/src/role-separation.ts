import { ROLE_LABELS, type Role } from './roles';

/**
 * Four eyes on one account: roles that check each other are never held together. The supervisor (纪检)
 * watches the office and everyone in the bureau, so it stands alone among a bureau's roles; the leader
 * approves what the office prepares, so nobody is both. PLATFORM_OPERATOR and PROVINCIAL_VIEWER belong to
 * other kinds of tenant and never meet these (ROLES_BY_TENANT_KIND).
 */
export const EXCLUSIVE_ROLE_PAIRS: readonly { roles: readonly [Role, Role]; why: string }[] = [
  { roles: ['SUPERVISOR', 'OFFICE'], why: '纪检监督负责监督领导小组办公室' },
  { roles: ['SUPERVISOR', 'LEADER'], why: '纪检监督负责监督分管领导的审批' },
  { roles: ['SUPERVISOR', 'DEPARTMENT_HEAD'], why: '纪检监督负责监督部门审核' },
  { roles: ['SUPERVISOR', 'INSPECTOR'], why: '纪检监督负责监督执法检查' },
  { roles: ['OFFICE', 'LEADER'], why: '分管领导审批领导小组办公室报审的事项' },
];

/** Roles whose grant takes effect only once a second person approves it. */
export const ROLES_NEEDING_APPROVAL: readonly Role[] = ['OFFICE', 'LEADER', 'SUPERVISOR'];

/** Names of the four-eyes rules, as `extensions.rule` of a RULE_VIOLATION. */
export const FOUR_EYES_RULES = {
  /** Nobody changes their own roles. */
  self: 'roles.self',
  /** Roles that check each other are not held by one account. */
  exclusive: 'roles.exclusive',
  /** OFFICE, LEADER and SUPERVISOR are held only once a second person has approved the grant. */
  grantApproval: 'roles.grantApproval',
  /** One person takes at most one duty (report, review, approval, publication) of one record. */
  onePerRecord: 'duties.onePerRecord',
} as const;

export interface RoleConflict {
  roles: readonly [Role, Role];
  why: string;
}

/** The exclusive pairs that `roles` holds together. */
export function roleConflicts(roles: readonly Role[]): RoleConflict[] {
  return EXCLUSIVE_ROLE_PAIRS.filter((p) => roles.includes(p.roles[0]) && roles.includes(p.roles[1]));
}

/** A Chinese sentence naming every conflict, or null when the set is allowed. */
export function roleConflictMessage(roles: readonly Role[]): string | null {
  const conflicts = roleConflicts(roles);
  if (!conflicts.length) return null;
  return `以下角色不能由同一账号兼任：${conflicts.map((c) => `${ROLE_LABELS[c.roles[0]].zh}与${ROLE_LABELS[c.roles[1]].zh}（${c.why}）`).join('；')}`;
}

/**
 * Why `candidate` cannot join `selected` (for a form that disables it), or null when it can. Roles
 * already in `selected` are never excluded, so a conflicting set can still be taken apart.
 */
export function excludedRoleReason(selected: readonly Role[], candidate: Role): string | null {
  if (selected.includes(candidate)) return null;
  const conflict = roleConflicts([...selected, candidate]).find((c) => c.roles.includes(candidate));
  if (!conflict) return null;
  const other = conflict.roles[0] === candidate ? conflict.roles[1] : conflict.roles[0];
  return `不能与${ROLE_LABELS[other].zh}兼任：${conflict.why}`;
}

/** The roles of `requested` that `current` does not hold and that need a second person's approval. */
export function rolesAwaitingApproval(current: readonly Role[], requested: readonly Role[]): Role[] {
  return requested.filter((r) => ROLES_NEEDING_APPROVAL.includes(r) && !current.includes(r));
}

/**
 * Who approves a grant: a leader of the bureau who is neither the proposer nor the grantee; while the
 * bureau has no such leader (its first leader, or a province, which has none), the platform operator.
 */
export function mayApproveRoleGrant(
  approver: { id: string; roles: readonly Role[] },
  grant: { proposedBy: string; userId: string },
  bureauHasOtherLeader: boolean,
): boolean {
  if (approver.id === grant.proposedBy || approver.id === grant.userId) return false;
  if (approver.roles.includes('LEADER')) return true;
  return approver.roles.includes('PLATFORM_OPERATOR') && !bureauHasOtherLeader;
}

/** The duties of one record; one person takes at most one of them. */
export type RecordDuty = 'REPORT' | 'REVIEW' | 'APPROVAL' | 'PUBLICATION';

export const DUTY_LABELS: Record<RecordDuty, string> = { REPORT: '填报', REVIEW: '审核', APPROVAL: '审批', PUBLICATION: '公示' };
