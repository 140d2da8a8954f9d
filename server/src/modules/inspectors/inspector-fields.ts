import { ESTABLISHMENT, GENDER, INSPECTOR_STATUS } from '@spotcheck/shared';
import type { FieldIssue } from '../entities/entity-fields';
import type { Establishment, Gender, InspectorStatus } from './inspector.entity';

/** The editable fields of an inspector, in stored form (department resolved separately). */
export interface InspectorFields {
  name: string;
  gender: Gender;
  post: string;
  enforcementCategories: string[];
  certificateNo: string;
  certificateValidFrom: string;
  certificateValidTo: string;
  establishment: Establishment;
  specialties: string[];
  status: InspectorStatus;
  /** Department name as written in an import; forms pass the department id instead. */
  departmentName: string | null;
  /** 属地: a region code inside the bureau's area, or null. */
  regionCode: string | null;
}

export const INSPECTOR_COLUMNS: { key: keyof InspectorFields; header: string; aliases: string[]; required?: boolean }[] = [
  { key: 'name', header: '姓名', aliases: [], required: true },
  { key: 'gender', header: '性别', aliases: [], required: true },
  { key: 'post', header: '执法岗位', aliases: ['岗位'], required: true },
  { key: 'enforcementCategories', header: '执法类别', aliases: ['执法门类'] },
  { key: 'certificateNo', header: '执法证号', aliases: ['执法证件号', '证件号'], required: true },
  { key: 'certificateValidFrom', header: '证件有效期起', aliases: ['有效期起', '发证日期'], required: true },
  { key: 'certificateValidTo', header: '证件有效期止', aliases: ['有效期止', '有效期至'], required: true },
  { key: 'establishment', header: '编制', aliases: ['编制类型', '编制性质'], required: true },
  { key: 'departmentName', header: '所在部门', aliases: ['部门', '科室', '股室'] },
  { key: 'regionCode', header: '属地区划代码', aliases: ['属地', '所在区划代码', '所在区划'] },
  { key: 'specialties', header: '专长', aliases: ['业务专长'] },
  { key: 'status', header: '状态', aliases: ['人员状态'] },
];

/** Lists in one cell: separated by 、，,；; or spaces. */
export function splitList(value: string): string[] {
  return value
    .split(/[、，,；;\s]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D or YYYY年M月D日 → YYYY-MM-DD; null if not a real date. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/** `regionCodes` is the set of codes inside the bureau's area (as for entities). */
export function parseInspectorFields(
  raw: Partial<Record<keyof InspectorFields, string | string[] | null | undefined>>,
  options: { regionCodes: ReadonlySet<string> },
): { fields: InspectorFields | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (key: keyof InspectorFields, required = false): string | null => {
    const value = raw[key];
    const joined = Array.isArray(value) ? value.join('、') : (value ?? '');
    const trimmed = String(joined).trim();
    if (!trimmed) {
      if (required) issues.push({ field: key, code: 'REQUIRED', message: '不能为空' });
      return null;
    }
    if (trimmed.length > 200) issues.push({ field: key, code: 'TOO_LONG', message: '不能超过 200 个字符' });
    return trimmed;
  };
  const pick = <T extends string>(key: keyof InspectorFields, vocabulary: { parse(v: string): T | null }, required: boolean, fallback: T | null) => {
    const value = text(key, required);
    if (value === null) return fallback;
    const code = vocabulary.parse(value);
    if (!code) issues.push({ field: key, code: 'UNKNOWN_VALUE', message: `无法识别“${value}”` });
    return code;
  };
  const date = (key: keyof InspectorFields) => {
    const value = text(key, true);
    if (value === null) return '';
    const parsed = parseDate(value);
    if (!parsed) issues.push({ field: key, code: 'NOT_A_DATE', message: `“${value}”不是有效日期（如 2025-01-31）` });
    return parsed ?? '';
  };
  const list = (key: keyof InspectorFields) => {
    const value = raw[key];
    return Array.isArray(value) ? value.map((v) => v.trim()).filter(Boolean) : splitList(String(value ?? ''));
  };

  const name = text('name', true);
  const gender = pick('gender', GENDER, true, null);
  const post = text('post', true);
  const certificateNo = text('certificateNo', true);
  const certificateValidFrom = date('certificateValidFrom');
  const certificateValidTo = date('certificateValidTo');
  if (certificateValidFrom && certificateValidTo && certificateValidFrom > certificateValidTo) {
    issues.push({ field: 'certificateValidTo', code: 'DATE_ORDER', message: '有效期止不能早于有效期起' });
  }
  const establishment = pick('establishment', ESTABLISHMENT, true, null);
  const status = pick('status', INSPECTOR_STATUS, false, 'ACTIVE');
  const regionCode = text('regionCode');
  if (regionCode !== null && !options.regionCodes.has(regionCode)) {
    issues.push({ field: 'regionCode', code: 'REGION_OUTSIDE', message: `行政区划代码 ${regionCode} 不存在或不在本单位辖区内` });
  }
  const fields: InspectorFields = {
    name: name ?? '',
    gender: gender as Gender,
    post: post ?? '',
    enforcementCategories: list('enforcementCategories'),
    certificateNo: (certificateNo ?? '').toUpperCase(),
    certificateValidFrom,
    certificateValidTo,
    establishment: establishment as Establishment,
    specialties: list('specialties'),
    status: status as InspectorStatus,
    departmentName: text('departmentName'),
    regionCode,
  };
  return { fields: issues.length ? null : fields, issues };
}
