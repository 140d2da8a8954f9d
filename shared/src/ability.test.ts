import { asSubject, defineAbilityFor } from './ability';

const tenantA = '00000000-0000-4000-8000-00000000000a';
const tenantB = '00000000-0000-4000-8000-00000000000b';

describe('abilities', () => {
  it('lets the office manage its own departments and users, not another tenant’s', () => {
    const ability = defineAbilityFor({ id: 'u1', tenantId: tenantA, roles: ['OFFICE'] });
    expect(ability.can('create', asSubject('Department', { tenantId: tenantA }))).toBe(true);
    expect(ability.can('create', asSubject('Department', { tenantId: tenantB }))).toBe(false);
    expect(ability.can('update', asSubject('User', { id: 'u2', tenantId: tenantA }))).toBe(true);
    expect(ability.can('update', asSubject('User', { id: 'u3', tenantId: tenantB }))).toBe(false);
  });

  it('gives an inspector only itself and its own sessions', () => {
    const ability = defineAbilityFor({ id: 'u1', tenantId: tenantA, roles: ['INSPECTOR'] });
    expect(ability.can('read', asSubject('User', { id: 'u1', tenantId: tenantA }))).toBe(true);
    expect(ability.can('read', asSubject('User', { id: 'u2', tenantId: tenantA }))).toBe(false);
    expect(ability.can('delete', asSubject('Session', { userId: 'u1' }))).toBe(true);
    expect(ability.can('delete', asSubject('Session', { userId: 'u2' }))).toBe(false);
    expect(ability.can('read', 'AuditEvent')).toBe(false);
  });

  it('lets the supervisor read and verify the audit trail of its tenant only', () => {
    const ability = defineAbilityFor({ id: 's', tenantId: tenantA, roles: ['SUPERVISOR'] });
    expect(ability.can('verify', asSubject('AuditEvent', { tenantId: tenantA }))).toBe(true);
    expect(ability.can('read', asSubject('AuditEvent', { tenantId: tenantB }))).toBe(false);
  });

  it('gives a provincial viewer the tenant list and no people', () => {
    const ability = defineAbilityFor({ id: 'p', tenantId: tenantA, roles: ['PROVINCIAL_VIEWER'] });
    expect(ability.can('read', asSubject('Tenant', { id: tenantB }))).toBe(true);
    expect(ability.can('read', asSubject('User', { id: 'x', tenantId: tenantA }))).toBe(false);
  });
});

import { grantableRoles } from './roles';

describe('granting roles', () => {
  it('lets the office grant bureau roles but never the platform’s or a province’s', () => {
    expect(grantableRoles(['OFFICE'], 'COUNTY_BUREAU')).toEqual(['OFFICE', 'LEADER', 'SUPERVISOR', 'DEPARTMENT_HEAD', 'INSPECTOR']);
    expect(grantableRoles(['OFFICE'], 'PLATFORM')).toEqual([]);
  });

  it('lets a department head grant nothing above itself', () => {
    expect(grantableRoles(['DEPARTMENT_HEAD'], 'CITY_BUREAU')).toEqual(['DEPARTMENT_HEAD', 'INSPECTOR']);
    expect(grantableRoles(['INSPECTOR'], 'CITY_BUREAU')).toEqual(['INSPECTOR']);
  });
});
