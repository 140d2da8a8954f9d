import type { EntityManager } from 'typeorm';

/** One row of joint_task_parties: a participation with the lead's task as its parties see it. */
export interface JointTaskRow {
  participation_id: string;
  tenant_id: string;
  lead_tenant_id: string;
  task_id: string;
  department_id: string;
  status: string;
  title: string;
  purpose: string;
  procedure: string;
  division_of_labour: string;
  confidentiality: string;
  starts_on: string;
  ends_on: string;
  team_size: number;
  task_status: string;
  lead_department_id: string | null;
  lead_tenant_name: string;
  lead_department_name: string | null;
  tenant_name: string;
  department_name: string;
  lead_items: { id: string; name: string; ratio: string }[];
  draw_id: string | null;
}

export interface PartnerDepartmentRow {
  tenant_id: string;
  tenant_name: string;
  region_code: string;
  id: string;
  name: string;
}

export interface PartInspectorRow {
  participation_id: string;
  tenant_id: string;
  group_department_id: string;
  participation_status: string;
  id: string;
  name: string;
  certificate_no: string;
  status: string;
  certificate_valid_from: string;
  certificate_valid_to: string;
}

const TASK_COLUMNS = `participation_id, tenant_id, lead_tenant_id, task_id, department_id, status, title, purpose, procedure,
  division_of_labour, confidentiality, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on,
  team_size, task_status, lead_department_id, lead_tenant_name, lead_department_name, tenant_name, department_name, lead_items, draw_id`;

export async function jointTaskRows(m: EntityManager, where: string, params: unknown[]): Promise<JointTaskRow[]> {
  return (await m.query(`SELECT ${TASK_COLUMNS} FROM joint_task_parties WHERE ${where} ORDER BY participation_id`, params)) as JointTaskRow[];
}

export async function partnerDepartment(m: EntityManager, id: string): Promise<PartnerDepartmentRow | null> {
  const rows = (await m.query('SELECT tenant_id, tenant_name, region_code, id, name FROM joint_partner_departments WHERE id = $1', [
    id,
  ])) as PartnerDepartmentRow[];
  return rows[0] ?? null;
}

export async function partInspectors(m: EntityManager, where: string, params: unknown[]): Promise<PartInspectorRow[]> {
  return (await m.query(
    `SELECT participation_id, tenant_id, group_department_id, participation_status, id, name, certificate_no, status,
            to_char(certificate_valid_from, 'YYYY-MM-DD') AS certificate_valid_from, to_char(certificate_valid_to, 'YYYY-MM-DD') AS certificate_valid_to
       FROM joint_part_inspectors WHERE ${where} ORDER BY certificate_no`,
    params,
  )) as PartInspectorRow[];
}
