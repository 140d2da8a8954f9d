/** Roles a user can hold. A user has one or more; abilities come from roles + tenant + department. */
export const ROLES = ['PLATFORM_OPERATOR', 'PROVINCIAL_VIEWER', 'OFFICE', 'DEPARTMENT_HEAD', 'INSPECTOR', 'LEADER', 'SUPERVISOR'] as const;

export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  PLATFORM_OPERATOR: { zh: '平台运营方', en: 'Platform operator' },
  PROVINCIAL_VIEWER: { zh: '省级查看', en: 'Provincial viewer' },
  OFFICE: { zh: '领导小组办公室', en: 'Leading-group office' },
  DEPARTMENT_HEAD: { zh: '检查部门负责人', en: 'Department head' },
  INSPECTOR: { zh: '执法检查人员', en: 'Inspector' },
  LEADER: { zh: '分管领导', en: 'Leader' },
  SUPERVISOR: { zh: '纪检监督', en: 'Supervisor' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * How far a role reaches when granting roles: nobody grants a role ranked above their own highest.
 * Inside a bureau the office, the leader and the supervisor stand level; the supervisor is not below
 * the office that it watches.
 */
export const ROLE_RANK: Record<Role, number> = {
  INSPECTOR: 1,
  DEPARTMENT_HEAD: 2,
  OFFICE: 4,
  LEADER: 4,
  SUPERVISOR: 4,
  PROVINCIAL_VIEWER: 4,
  PLATFORM_OPERATOR: 6,
};

export type TenantKindName = 'PLATFORM' | 'PROVINCIAL_DEPARTMENT' | 'CITY_BUREAU' | 'COUNTY_BUREAU';

/** Which roles make sense in which kind of tenant. */
export const ROLES_BY_TENANT_KIND: Record<TenantKindName, readonly Role[]> = {
  PLATFORM: ['PLATFORM_OPERATOR'],
  PROVINCIAL_DEPARTMENT: ['OFFICE', 'PROVINCIAL_VIEWER'],
  CITY_BUREAU: ['OFFICE', 'LEADER', 'SUPERVISOR', 'DEPARTMENT_HEAD', 'INSPECTOR'],
  COUNTY_BUREAU: ['OFFICE', 'LEADER', 'SUPERVISOR', 'DEPARTMENT_HEAD', 'INSPECTOR'],
};

/** The roles a holder of `own` may hand out in a tenant of `kind`. */
export function grantableRoles(own: readonly Role[], kind: TenantKindName): Role[] {
  const reach = Math.max(0, ...own.map((r) => ROLE_RANK[r]));
  return ROLES_BY_TENANT_KIND[kind].filter((r) => ROLE_RANK[r] <= reach);
}
