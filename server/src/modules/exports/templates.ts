import type { EntityManager } from 'typeorm';
import { completeUscc } from '@spotcheck/shared';
import { ENTITY_COLUMNS, type EntityColumnKey } from '../entities/entity-fields';
import { INSPECTOR_COLUMNS, type InspectorFields } from '../inspectors/inspector-fields';
import type { Cell } from './table-writer';

/** The example row of the entity template, inside the bureau's own region so it would import as is. */
export async function entityExample(m: EntityManager): Promise<Cell[]> {
  const [tenant] = (await m.query('SELECT region_code FROM tenants WHERE id = app_current_tenant()')) as { region_code: string }[];
  const region = tenant?.region_code ?? '000000';
  const [department] = (await m.query('SELECT name FROM departments ORDER BY is_office, name LIMIT 1')) as { name: string }[];
  const example: Record<EntityColumnKey, Cell> = {
    name: '示例建材有限公司',
    uscc: completeUscc(`91${region}MA0000001`),
    idNumber: '',
    usccChecksumOverride: null,
    registrationAuthority: '示例市市场监督管理局',
    legalRepresentative: '张三',
    address: '示例路 1 号',
    regionCode: region,
    industry: '制造业',
    targetType: '企业',
    status: '存续',
    creditClass: 'A',
    riskLevel: '低',
    complaints: 0,
    violationRecord: '',
    supervisingDepartmentId: department?.name ?? '',
  };
  return ENTITY_COLUMNS.map((c) => example[c.key]);
}

/** The example row of the inspector template, in one of the bureau's own departments and in its region. */
export async function inspectorExample(m: EntityManager): Promise<Cell[]> {
  const [department] = (await m.query('SELECT name FROM departments ORDER BY is_office, name LIMIT 1')) as { name: string }[];
  const [tenant] = (await m.query('SELECT region_code FROM tenants WHERE id = app_current_tenant()')) as { region_code: string }[];
  const region = tenant?.region_code ?? '';
  const example: Record<keyof InspectorFields, Cell> = {
    name: '李四',
    gender: '男',
    post: '执法监察',
    enforcementCategories: '土地管理、矿产资源',
    certificateNo: 'ZF00000001',
    certificateValidFrom: '2024-01-01',
    certificateValidTo: '2029-12-31',
    establishment: '行政编制',
    departmentName: department?.name ?? '',
    specialties: '测绘、地质',
    status: '在岗',
    regionCode: region,
  };
  return INSPECTOR_COLUMNS.map((c) => example[c.key]);
}

export const TEMPLATE_HEADERS = {
  entities: ENTITY_COLUMNS.map((c) => c.header),
  inspectors: INSPECTOR_COLUMNS.map((c) => c.header),
};
