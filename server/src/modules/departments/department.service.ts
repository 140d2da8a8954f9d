import crypto from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { asSubject, fromGlobalUuid, labelProblems, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { paginate, type PageArgs } from '../../graphql/connection';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { resolveRef } from '../../lib/resolve-ref';
import { User } from '../users/user.entity';
import { Department } from './department.entity';

export interface DepartmentInput {
  name?: string | null;
  headUserId?: string | null;
}

export async function createDepartment(ctx: RequestContext, input: DepartmentInput): Promise<Department> {
  const viewer = requireViewer(ctx);
  if (!ctx.ability.can('create', asSubject('Department', { tenantId: viewer.tenantId }))) throw forbidden();
  const name = (input.name ?? '').trim();
  const problems = labelProblems(name, 'name', 60);
  if (problems.length) throw badInput(problems);
  return tenantTx(ctx, async (m) => {
    await assertNameFree(m, name);
    const department = m.create(Department, {
      tenantId: viewer.tenantId,
      id: crypto.randomUUID(),
      name,
      isOffice: false,
      headUserId: await resolveHead(m, input.headUserId),
    });
    await m.insert(Department, department);
    await appendAudit(m, actorOf(ctx), {
      action: 'department.create',
      objectType: 'Department',
      objectId: toGlobalId('Department', department.id),
      after: snapshot(department),
    });
    return department;
  });
}

export async function updateDepartment(ctx: RequestContext, globalId: string, input: DepartmentInput): Promise<Department> {
  return tenantTx(ctx, async (m) => {
    const department = await loadEditable(ctx, m, globalId);
    const before = snapshot(department);
    if (input.name != null) {
      const name = input.name.trim();
      const problems = labelProblems(name, 'name', 60);
      if (problems.length) throw badInput(problems);
      if (name !== department.name) await assertNameFree(m, name);
      department.name = name;
    }
    if (input.headUserId !== undefined) department.headUserId = await resolveHead(m, input.headUserId);
    await m.update(Department, { tenantId: department.tenantId, id: department.id }, { name: department.name, headUserId: department.headUserId });
    await appendAudit(m, actorOf(ctx), {
      action: 'department.update',
      objectType: 'Department',
      objectId: toGlobalId('Department', department.id),
      before,
      after: snapshot(department),
    });
    return department;
  });
}

/** Only an empty department that is not the office can be removed. */
export async function deleteDepartment(ctx: RequestContext, globalId: string): Promise<boolean> {
  return tenantTx(ctx, async (m) => {
    const department = await loadEditable(ctx, m, globalId);
    if (!ctx.ability.can('delete', asSubject('Department', department))) throw forbidden();
    if (department.isOffice) throw ruleViolation('OFFICE_DEPARTMENT', '领导小组办公室不能删除');
    const members = await m.countBy(User, { departmentId: department.id });
    if (members > 0) throw ruleViolation('DEPARTMENT_NOT_EMPTY', `部门还有 ${members} 名人员，请先调整其所在部门`);
    const [{ supervised }] = (await m.query('SELECT count(*)::int AS supervised FROM market_entities WHERE tenant_id = $1 AND supervising_department_id = $2', [
      department.tenantId,
      department.id,
    ])) as { supervised: number }[];
    if (supervised > 0) throw ruleViolation('DEPARTMENT_NOT_EMPTY', `部门还是 ${supervised} 个检查对象的日常监管部门，请先调整`);
    await m.delete(Department, { tenantId: department.tenantId, id: department.id });
    await appendAudit(m, actorOf(ctx), {
      action: 'department.delete',
      objectType: 'Department',
      objectId: toGlobalId('Department', department.id),
      before: snapshot(department),
    });
    return true;
  });
}

async function loadEditable(ctx: RequestContext, m: EntityManager, globalId: string): Promise<Department> {
  const id = fromGlobalUuid(globalId, 'Department');
  const department = id ? await m.findOneBy(Department, { id }) : null;
  if (!department) throw notFound('部门');
  if (!ctx.ability.can('update', asSubject('Department', department))) throw forbidden();
  return department;
}

async function assertNameFree(m: EntityManager, name: string): Promise<void> {
  if (await m.existsBy(Department, { name })) throw conflict(`已有名为“${name}”的部门`);
}

function resolveHead(m: EntityManager, globalId: string | null | undefined): Promise<string | null> {
  return resolveRef(m, User, 'User', globalId, 'headUserId', '负责人不存在');
}

function snapshot(d: Department) {
  return { name: d.name, isOffice: d.isOffice, headUserId: d.headUserId };
}

/** The bureau's departments, the office first; the rows are primed into the request's loader. */
export async function listDepartments(ctx: RequestContext, page: PageArgs) {
  const connection = await readTx(ctx, (m) =>
    paginate(
      m
        .createQueryBuilder(Department, 'd')
        .where('d.tenant_id = :tenant', { tenant: requireViewer(ctx).tenantId })
        .orderBy('d.is_office', 'DESC')
        .addOrderBy('d.name'),
      page,
    ),
  );
  for (const edge of connection.edges) ctx.loaders.of(Department).prime(edge.node.id, edge.node);
  return connection;
}
