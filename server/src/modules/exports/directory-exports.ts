import { ENTITY_STATUS, ESTABLISHMENT, GENDER, INSPECTOR_STATUS, RISK_LEVEL, type SubjectName } from '@spotcheck/shared';
import { ENTITY_COLUMNS } from '../entities/entity-fields';
import { INSPECTOR_COLUMNS } from '../inspectors/inspector-fields';
import type { Cell } from './table-writer';

/** One directory as a downloadable table: its query (run under the tenant's RLS scope) and its cells. */
export interface DirectoryExport {
  subject: Extract<SubjectName, 'MarketEntity' | 'Inspector'>;
  /** Chinese file name without extension, and an ASCII fallback. */
  fileBase: string;
  asciiBase: string;
  headers: string[];
  sql: string;
  cells(row: Record<string, unknown>): Cell[];
}

const label = (labels: Record<string, string>, code: unknown) => (typeof code === 'string' ? (labels[code] ?? code) : null);
const list = (items: unknown) => (Array.isArray(items) ? items.join('、') : null);

export const ENTITY_EXPORT: DirectoryExport = {
  subject: 'MarketEntity',
  fileBase: '检查对象名录',
  asciiBase: 'entities',
  headers: ENTITY_COLUMNS.map((c) => c.header),
  sql: `SELECT e.name, e.uscc, e.id_number_masked, e.registration_authority, e.legal_representative, e.address, e.region_code, e.industry, e.target_type,
               e.status, e.credit_class, e.risk_level, e.complaints, e.violation_record, d.name AS supervising_department
          FROM market_entities e
          LEFT JOIN departments d ON d.tenant_id = e.tenant_id AND d.id = e.supervising_department_id
         ORDER BY e.uscc`,
  cells: (r) => {
    const byKey: Record<string, Cell> = {
      name: r.name as string,
      // A natural person: the key in place of a USCC (so the file imports back), and only the masked ID number.
      uscc: r.uscc as string,
      idNumber: r.id_number_masked as string | null,
      registrationAuthority: r.registration_authority as string | null,
      legalRepresentative: r.legal_representative as string | null,
      address: r.address as string | null,
      regionCode: r.region_code as string,
      industry: r.industry as string | null,
      targetType: r.target_type as string | null,
      status: label(ENTITY_STATUS.labels, r.status),
      creditClass: r.credit_class as string | null,
      riskLevel: label(RISK_LEVEL.labels, r.risk_level),
      complaints: r.complaints as number,
      violationRecord: r.violation_record as string | null,
      supervisingDepartmentId: r.supervising_department as string | null,
    };
    return ENTITY_COLUMNS.map((c) => byKey[c.key] ?? null);
  },
};

export const INSPECTOR_EXPORT: DirectoryExport = {
  subject: 'Inspector',
  fileBase: '执法检查人员名录',
  asciiBase: 'inspectors',
  headers: INSPECTOR_COLUMNS.map((c) => c.header),
  sql: `SELECT p.name, p.gender, p.post, p.enforcement_categories, p.certificate_no,
               to_char(p.certificate_valid_from, 'YYYY-MM-DD') AS valid_from, to_char(p.certificate_valid_to, 'YYYY-MM-DD') AS valid_to,
               p.establishment, d.name AS department_name, p.specialties, p.status, p.region_code
          FROM inspectors p LEFT JOIN departments d ON d.tenant_id = p.tenant_id AND d.id = p.department_id
         ORDER BY p.certificate_no`,
  cells: (r) => {
    const byKey: Record<string, Cell> = {
      name: r.name as string,
      gender: label(GENDER.labels, r.gender),
      post: r.post as string,
      enforcementCategories: list(r.enforcement_categories),
      certificateNo: r.certificate_no as string,
      certificateValidFrom: r.valid_from as string,
      certificateValidTo: r.valid_to as string,
      establishment: label(ESTABLISHMENT.labels, r.establishment),
      departmentName: r.department_name as string | null,
      specialties: list(r.specialties),
      status: label(INSPECTOR_STATUS.labels, r.status),
      regionCode: r.region_code as string | null,
    };
    return INSPECTOR_COLUMNS.map((c) => byKey[c.key] ?? null);
  },
};
