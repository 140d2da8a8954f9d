import { ROLES_BY_TENANT_KIND } from './roles';
import { excludedRoleReason, mayApproveRoleGrant, roleConflictMessage, roleConflicts, rolesAwaitingApproval } from './role-separation';

describe('roles that check each other', () => {
  it('keeps the supervisor apart from every bureau role it watches', () => {
    for (const role of ROLES_BY_TENANT_KIND.CITY_BUREAU.filter((r) => r !== 'SUPERVISOR')) {
      expect(roleConflicts(['SUPERVISOR', role])).toHaveLength(1);
    }
    expect(roleConflicts(['SUPERVISOR'])).toEqual([]);
  });

  it('keeps the office apart from the leader, and allows the rest', () => {
    expect(roleConflictMessage(['OFFICE', 'LEADER'])).toContain('领导小组办公室与分管领导');
    expect(roleConflictMessage(['OFFICE', 'DEPARTMENT_HEAD', 'INSPECTOR'])).toBeNull();
    expect(roleConflictMessage(['LEADER', 'DEPARTMENT_HEAD'])).toBeNull();
    expect(roleConflicts(['OFFICE', 'LEADER', 'SUPERVISOR'])).toHaveLength(3);
  });

  it('tells a form why a role cannot be added, never blocking one already chosen', () => {
    expect(excludedRoleReason(['OFFICE'], 'LEADER')).toMatch(/^不能与领导小组办公室兼任/);
    expect(excludedRoleReason(['INSPECTOR'], 'SUPERVISOR')).toMatch(/^不能与执法检查人员兼任/);
    expect(excludedRoleReason(['OFFICE', 'LEADER'], 'LEADER')).toBeNull();
    expect(excludedRoleReason(['INSPECTOR'], 'DEPARTMENT_HEAD')).toBeNull();
  });

  it('asks for approval of the office, the leader and the supervisor only when newly granted', () => {
    expect(rolesAwaitingApproval(['INSPECTOR'], ['INSPECTOR', 'DEPARTMENT_HEAD'])).toEqual([]);
    expect(rolesAwaitingApproval(['INSPECTOR'], ['LEADER', 'INSPECTOR'])).toEqual(['LEADER']);
    expect(rolesAwaitingApproval(['OFFICE'], ['OFFICE', 'DEPARTMENT_HEAD'])).toEqual([]);
    expect(rolesAwaitingApproval([], ['OFFICE', 'SUPERVISOR'])).toEqual(['OFFICE', 'SUPERVISOR']);
  });

  it('lets a leader other than the proposer and the grantee approve; the operator only where the bureau has no such leader', () => {
    const grant = { proposedBy: 'office', userId: 'grantee' };
    expect(mayApproveRoleGrant({ id: 'leader', roles: ['LEADER'] }, grant, true)).toBe(true);
    expect(mayApproveRoleGrant({ id: 'grantee', roles: ['LEADER'] }, grant, true)).toBe(false);
    expect(mayApproveRoleGrant({ id: 'office', roles: ['OFFICE'] }, grant, false)).toBe(false);
    expect(mayApproveRoleGrant({ id: 'op', roles: ['PLATFORM_OPERATOR'] }, grant, false)).toBe(true);
    expect(mayApproveRoleGrant({ id: 'op', roles: ['PLATFORM_OPERATOR'] }, grant, true)).toBe(false);
    expect(mayApproveRoleGrant({ id: 'head', roles: ['DEPARTMENT_HEAD'] }, grant, false)).toBe(false);
  });
});
