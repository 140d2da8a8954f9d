import type { EntityManager } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import { badInput } from '../../graphql/errors';
import { partnerDepartment } from '../joint/joint-views';
import { ReferralTargetKind } from './referral.entity';

export interface ReferralTargetInput {
  /** A department (global id) of the referring bureau or of another active bureau. */
  departmentId?: string | null;
  /** Or an external body, recorded by its name. */
  externalName?: string | null;
}

export interface ResolvedTarget {
  kind: ReferralTargetKind;
  tenantId: string | null;
  departmentId: string | null;
  bureauName: string;
  departmentName: string | null;
}

/** Where a referral goes: a department of this bureau, of another bureau (through the partner list of joint tasks), or a named external body. */
export async function resolveReferralTarget(m: EntityManager, tenantId: string, input: ReferralTargetInput): Promise<ResolvedTarget> {
  const external = input.externalName?.trim() || null;
  if (input.departmentId && external) throw badInput([{ field: 'target', message: '接收部门与系统外机关只能选其一' }]);
  if (external) {
    if (external.length > 100) throw badInput([{ field: 'externalName', message: '机关名称不超过 100 字' }]);
    return { kind: ReferralTargetKind.EXTERNAL, tenantId: null, departmentId: null, bureauName: external, departmentName: null };
  }
  if (!input.departmentId) throw badInput([{ field: 'target', message: '请选择接收部门或填写系统外机关名称' }]);
  const id = fromGlobalUuid(input.departmentId, 'Department');
  const department = id ? await partnerDepartment(m, id) : null;
  if (!department) throw badInput([{ field: 'departmentId', message: '部门不存在' }]);
  return {
    kind: department.tenant_id === tenantId ? ReferralTargetKind.DEPARTMENT : ReferralTargetKind.BUREAU,
    tenantId: department.tenant_id,
    departmentId: department.id,
    bureauName: department.tenant_name,
    departmentName: department.name,
  };
}
