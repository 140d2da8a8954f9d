import crypto from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Tenant, TenantStatus } from '../modules/tenants/tenant.entity';
import { Department } from '../modules/departments/department.entity';
import { JointPunishmentSetting } from '../modules/credit/joint-punishment-setting.entity';
import { User, UserStatus } from '../modules/users/user.entity';
import { hashPassword } from '../modules/auth/passwords';
import { RuleSetVersion } from '../modules/rules/rule-set.entity';
import { DEFAULT_RULES, roleConflictMessage } from '@spotcheck/shared';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TENANTS } from './demo-data';
import { seedDirectories } from './demo-directories';
import type { PersonKeys } from '../security/id-numbers';
import { seedPlan } from './demo-plans';

/** Seeds the demo tenants, departments, accounts, item lists and directories, in one transaction, only into an empty database. */
export async function seedDemoIfEmpty(admin: DataSource, personKeys: PersonKeys): Promise<boolean> {
  const [{ count }] = (await admin.query('SELECT count(*)::int AS count FROM tenants')) as { count: number }[];
  if (count > 0) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await admin.transaction(async (m) => {
    const tenants = new Map<string, Tenant>();
    const departments = new Map<string, Department[]>();
    for (const spec of DEMO_TENANTS) {
      const id = crypto.randomUUID();
      const parent = spec.parent ? tenants.get(spec.parent)! : null;
      const tenant = m.create(Tenant, {
        id,
        parentId: parent?.id ?? null,
        regionCode: spec.regionCode,
        name: spec.name,
        kind: spec.kind,
        status: TenantStatus.ACTIVE,
        path: `${parent?.path ?? '/'}${id}/`,
      });
      await m.insert(Tenant, tenant);
      tenants.set(spec.key, tenant);
      await m.insert(RuleSetVersion, {
        tenantId: id,
        version: 1,
        rules: spec.rules ?? DEFAULT_RULES,
        reason: spec.key === 'platform' ? '平台模板' : '演示数据',
        createdBy: null,
      });
      const rows = spec.departments.map((d) => m.create(Department, { tenantId: id, id: crypto.randomUUID(), name: d.name, isOffice: d.isOffice ?? false }));
      if (rows.length) await m.insert(Department, rows);
      departments.set(spec.key, rows);
    }
    // The demo's accounts keep the same separation of roles as every other path (role-separation.ts).
    for (const a of DEMO_ACCOUNTS) {
      const conflict = roleConflictMessage(a.roles);
      if (conflict) throw new Error(`demo account ${a.username}: ${conflict}`);
    }
    const users = DEMO_ACCOUNTS.map((a) =>
      m.create(User, {
        tenantId: tenants.get(a.tenant)!.id,
        id: crypto.randomUUID(),
        username: a.username,
        displayName: a.displayName,
        passwordHash,
        roles: a.roles,
        status: UserStatus.ACTIVE,
        departmentId: a.department === undefined ? null : departments.get(a.tenant)![a.department]!.id,
      }),
    );
    await m.insert(User, users);
    for (const head of users.filter((u) => u.roles.includes('DEPARTMENT_HEAD'))) {
      await m.update(Department, { tenantId: head.tenantId, id: head.departmentId! }, { headUserId: head.id });
    }
    for (const bureau of ['changde', 'wugang', 'pingdingshan'] as const) {
      const tenantId = tenants.get(bureau)!.id;
      const staff = users.filter((u) => u.tenantId === tenantId);
      await seedDirectories(m, bureau, tenantId, departments.get(bureau)!, staff, personKeys);
      if (bureau !== 'pingdingshan') await seedPlan(m, bureau, tenantId, staff);
    }
    // 河南 has adopted 联合惩戒 (003 二(五)): an entity on one of its bureaus' blacklists weighs 3 in the others' draws.
    await m.insert(JointPunishmentSetting, {
      tenantId: tenants.get('henan')!.id,
      enabled: true,
      weight: '3',
      reason: '全省自然资源系统实行失信联合惩戒',
      updatedBy: null,
    });
  });
  return true;
}
