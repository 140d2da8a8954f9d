/**
 * What the signed-in user may press, decided the way the server decides it: the shared CASL ability
 * where the server asks it, the roles where the server names them. The server checks again anyway.
 */
import { asSubject, type TenantKindName } from '@spotcheck/shared';
import type { CurrentUser } from './current-user';

const BUREAUS: readonly TenantKindName[] = ['CITY_BUREAU', 'COUNTY_BUREAU'];

/** Plans, tasks and draws belong to bureaus (not to the platform or a provincial department). */
export function isBureau({ me }: CurrentUser): boolean {
  return BUREAUS.includes(me.tenant.kind as TenantKindName);
}

export function canReadPlans(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('AnnualPlan', { tenantId: user.me.tenant.id }));
}

export function canReadTasks(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('Task', { tenantId: user.me.tenant.id }));
}

/** The office drafts and revises annual plans (server: update on the own tenant). */
export function canEditPlans({ ability, me }: CurrentUser): boolean {
  return ability.can('update', asSubject('Tenant', { id: me.tenant.id }));
}

function isOffice({ ability, me }: CurrentUser): boolean {
  return ability.can('manage', asSubject('Department', { tenantId: me.tenant.id }));
}

/** Tasks (and joint invitations) are planned by the office and by department heads. */
export function canPlanTasks(user: CurrentUser): boolean {
  return isOffice(user) || user.me.roles.includes('DEPARTMENT_HEAD');
}

interface OwnedTask {
  joint: boolean;
  leadDepartment?: { id: string } | null;
  items: { item?: { department?: { id: string } | null } | null }[];
}

/** As the server's assertTaskKeeper: the office, or the head of the lead department / of every item's department. */
export function canKeepTask(user: CurrentUser, task: OwnedTask): boolean {
  if (isOffice(user)) return true;
  const own = user.me.roles.includes('DEPARTMENT_HEAD') ? user.me.department?.id : undefined;
  if (!own) return false;
  if (task.joint) return task.leadDepartment?.id === own;
  return task.items.length > 0 && task.items.every((i) => i.item?.department?.id === own);
}

/** The office freezes the pool, enters the announced public number and draws. */
export function canRunDraw({ me }: CurrentUser): boolean {
  return me.roles.includes('OFFICE');
}

/** A pseudonymous draw's key map (pseudonym → USCC, certificate number, tag): supervisor, leader and office. */
export function canSeeDrawKeyMap({ me }: CurrentUser): boolean {
  return me.roles.some((r) => r === 'SUPERVISOR' || r === 'LEADER' || r === 'OFFICE');
}

/** Witness values are entered by the supervisor (纪检监督) or a leader. */
export function canWitness({ me }: CurrentUser): boolean {
  return me.roles.some((r) => r === 'SUPERVISOR' || r === 'LEADER');
}

/** Invitations to joint tasks concern the office, department heads and the leadership. */
/** 移送案件: who sees the cases referred to the bureau (a head: to the own department). */
export function canSeeReferrals(user: CurrentUser): boolean {
  return isBureau(user) && user.me.roles.some((r) => r === 'OFFICE' || r === 'DEPARTMENT_HEAD' || r === 'LEADER' || r === 'SUPERVISOR');
}

export function canSeeJointInvitations(user: CurrentUser): boolean {
  return (
    isBureau(user) &&
    user.ability.can('read', asSubject('JointParticipation', { tenantId: user.me.tenant.id })) &&
    user.me.roles.some((r) => r === 'OFFICE' || r === 'DEPARTMENT_HEAD' || r === 'LEADER' || r === 'SUPERVISOR')
  );
}

/** An invitation is answered (and the part filled in) by the invited department's head or the bureau's office. */
export function canAnswerInvitation(user: CurrentUser, departmentId: string | null | undefined): boolean {
  return user.me.roles.includes('OFFICE') || (user.me.roles.includes('DEPARTMENT_HEAD') && !!departmentId && user.me.department?.id === departmentId);
}

/** Every member of a bureau sees its dashboard (the server answers for the own bureau only). */
export function canSeeDashboard(user: CurrentUser): boolean {
  return isBureau(user);
}

/** The year's report: a bureau's office, leader and supervisor (the server checks again and answers for the own bureau only). */
export function canSeeAnnualReport(user: CurrentUser): boolean {
  return isBureau(user) && user.me.roles.some((r) => r === 'OFFICE' || r === 'LEADER' || r === 'SUPERVISOR');
}

/** The provincial dashboard is for provincial viewers (the server checks the role and the tenant again). */
export function canSeeProvincialDashboard({ me }: CurrentUser): boolean {
  return me.tenant.kind === 'PROVINCIAL_DEPARTMENT' && me.roles.includes('PROVINCIAL_VIEWER');
}

/** The item list, the two directories and the rules are open to everyone in a bureau (and partly published). */
export function canReadDirectories(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('MarketEntity', { tenantId: user.me.tenant.id }));
}

/** The office keeps the two directories (create, edit, import). */
export function canManageDirectories({ ability, me }: CurrentUser): boolean {
  return ability.can('create', asSubject('MarketEntity', { tenantId: me.tenant.id }));
}

/** Items are kept by the office (the whole list) and by a department head (their department's items). */
export function canEditItem(user: CurrentUser, departmentId: string | null | undefined): boolean {
  return isOffice(user) || (user.me.roles.includes('DEPARTMENT_HEAD') && !!departmentId && user.me.department?.id === departmentId);
}

export function canCreateItems(user: CurrentUser): boolean {
  return isOffice(user) || (user.me.roles.includes('DEPARTMENT_HEAD') && !!user.me.department);
}

/** The list's order is the office's: a move renumbers every department's items. */
export function canReorderItems(user: CurrentUser): boolean {
  return isOffice(user);
}

/** Recusals are declared by the office for anyone, and by an inspector linked to an account for themselves. */
export function canDeclareAnyRecusal({ ability, me }: CurrentUser): boolean {
  return ability.can('create', asSubject('Recusal', { tenantId: me.tenant.id }));
}

export function canSeeRecusals(user: CurrentUser): boolean {
  return isBureau(user) && (user.ability.can('read', asSubject('Recusal', { tenantId: user.me.tenant.id })) || user.me.roles.includes('INSPECTOR'));
}

/** The office saves new versions of the bureau's rules (server: update on the own tenant). */
/** The office proposes rule changes; a leader approves them (the server checks both again). */
export function canProposeRules(user: CurrentUser): boolean {
  return isBureau(user) && user.me.roles.includes('OFFICE');
}

export function canReviewRules(user: CurrentUser): boolean {
  return isBureau(user) && user.me.roles.includes('LEADER');
}

/** A province sets bounds for the rules of the bureaus below it. */
export function canSetRuleBounds({ me }: CurrentUser): boolean {
  return me.tenant.kind === 'PROVINCIAL_DEPARTMENT' && (me.roles.includes('PROVINCIAL_VIEWER') || me.roles.includes('OFFICE'));
}

/** The province keeps the audit chain heads of the bureaus below it: its office and viewers read them. */
export function canSeeKeptAuditHeads({ me }: CurrentUser): boolean {
  return me.tenant.kind === 'PROVINCIAL_DEPARTMENT' && (me.roles.includes('PROVINCIAL_VIEWER') || me.roles.includes('OFFICE'));
}

export function canReadImports(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('ImportJob', { tenantId: user.me.tenant.id }));
}

export function canImport({ ability, me }: CurrentUser): boolean {
  return ability.can('create', asSubject('ImportJob', { tenantId: me.tenant.id }));
}

export function canReadCalendar(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('CalendarAdjustment', { tenantId: user.me.tenant.id }));
}

export function canEditCalendar({ ability, me }: CurrentUser): boolean {
  return ability.can('create', asSubject('CalendarAdjustment', { tenantId: me.tenant.id }));
}

/** The workbench (工作台) is the landing page of everyone who works in a bureau. */
/** 我的检查: a bureau's inspector (the visits of the teams their inspector row is in). */
export function canSeeMyVisits(user: CurrentUser): boolean {
  return isBureau(user) && user.me.roles.includes('INSPECTOR');
}

export function canSeeWorkbench(user: CurrentUser): boolean {
  return isBureau(user);
}

/** 审计留痕: the office, the leader and the supervisor (server: read AuditEvent). */
export function canReadAudit({ ability, me }: CurrentUser): boolean {
  return ability.can('read', asSubject('AuditEvent', { tenantId: me.tenant.id }));
}

/** Verifying the hash chain is the supervisor's (server: verify AuditEvent). */
export function canVerifyAudit({ ability, me }: CurrentUser): boolean {
  return ability.can('verify', asSubject('AuditEvent', { tenantId: me.tenant.id }));
}

/** Those who follow every entity statement of the bureau (server: STATEMENT_OVERSEERS); others see their team's. */
export function canOverseeStatements({ me }: CurrentUser): boolean {
  return me.roles.some((r) => r === 'OFFICE' || r === 'LEADER' || r === 'SUPERVISOR' || r === 'DEPARTMENT_HEAD');
}

/** Inspection records are read by everyone in a bureau (the server answers for the own bureau only). */
export function canReadInspections(user: CurrentUser): boolean {
  return isBureau(user) && user.ability.can('read', asSubject('Inspection', { tenantId: user.me.tenant.id }));
}

/** The signed-in user is one of a record's team (the team's inspectors carry their accounts). */
export function isInTeam({ me }: CurrentUser, team: readonly { user?: { id: string } | null }[]): boolean {
  return team.some((member) => member.user?.id === me.id);
}

/** A drawn target's record is opened by its team, a department head or the office. */
export function canOpenInspection(user: CurrentUser, team: readonly { user?: { id: string } | null }[]): boolean {
  return user.me.roles.includes('OFFICE') || user.me.roles.includes('DEPARTMENT_HEAD') || isInTeam(user, team);
}

/** Re-hashing a record's evidence is for the office, the leader and the supervisor. */
export function canVerifyEvidence({ me }: CurrentUser): boolean {
  return me.roles.some((r) => r === 'OFFICE' || r === 'LEADER' || r === 'SUPERVISOR');
}

/** A published record is corrected by the office. */
export function canCorrectInspection({ me }: CurrentUser): boolean {
  return me.roles.includes('OFFICE');
}
