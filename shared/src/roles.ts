/** Roles a user can hold. A user has one or more; abilities come from roles + tenant + department. */
export const ROLES = [
  'PLATFORM_OPERATOR',
  'PROVINCIAL_VIEWER',
  'OFFICE',
  'DEPARTMENT_HEAD',
  'INSPECTOR',
  'LEADER',
  'SUPERVISOR',
] as const;

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
