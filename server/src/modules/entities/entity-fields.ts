import { CREDIT_CLASS, ENTITY_STATUS, RISK_LEVEL, checkIdNumber, checkUscc, isPersonKey, maskIdNumber, type FieldProblem } from '@spotcheck/shared';
import type { PersonKeys } from '../../security/id-numbers';
import { EntityKind, type CreditClass, type EntityStatus, type RiskLevel } from './market-entity.entity';

/** The editable fields of a directory entity, in stored form. */
export interface EntityFields {
  name: string;
  kind: EntityKind;
  /** The key: a USCC, or a natural person's `P:` key. */
  uscc: string;
  /** A natural person's ID number, masked; the number itself is never kept. */
  idNumberMasked: string | null;
  usccChecksumOverride: boolean;
  registrationAuthority: string | null;
  legalRepresentative: string | null;
  address: string | null;
  regionCode: string;
  industry: string | null;
  targetType: string | null;
  status: EntityStatus;
  creditClass: CreditClass | null;
  riskLevel: RiskLevel | null;
  complaints: number;
  violationRecord: string | null;
  /** The department that supervises the entity day to day (日常监管部门): a department id of the bureau, or null. */
  supervisingDepartmentId: string | null;
}

/** A problem with a code an import report and the API both use; `warning` ones may be accepted explicitly. */
export interface FieldIssue extends FieldProblem {
  code: string;
  warning?: boolean;
}

/** What a form or an import row gives: the stored fields as text, and a natural person's ID number. */
export type EntityColumnKey = Exclude<keyof EntityFields, 'kind' | 'idNumberMasked'> | 'idNumber';

/**
 * Column headers of imports, exports and templates, in order, with the aliases an import accepts. A row
 * gives a USCC or (a natural person) an ID number; an export writes the ID number masked.
 */
export const ENTITY_COLUMNS: { key: EntityColumnKey; header: string; aliases: string[]; required?: boolean; personal?: boolean }[] = [
  { key: 'name', header: '名称', aliases: ['企业名称', '市场主体名称', '单位名称', '姓名'], required: true },
  { key: 'uscc', header: '统一社会信用代码', aliases: ['信用代码', '社会信用代码'] },
  { key: 'idNumber', header: '身份证号', aliases: ['居民身份证号', '身份证号码', '公民身份号码'], personal: true },
  { key: 'registrationAuthority', header: '登记机关', aliases: ['注册登记机关'] },
  { key: 'legalRepresentative', header: '法定代表人', aliases: ['法人代表', '负责人'] },
  { key: 'address', header: '地址', aliases: ['住所', '经营场所', '住所（经营场所）'] },
  { key: 'regionCode', header: '行政区划代码', aliases: ['区划代码'], required: true },
  { key: 'industry', header: '行业', aliases: ['所属行业'] },
  { key: 'targetType', header: '检查对象类型', aliases: ['对象类型', '检查对象'] },
  { key: 'status', header: '登记状态', aliases: ['状态', '经营状态'] },
  { key: 'creditClass', header: '信用等级', aliases: ['信用分类', '信用类别'] },
  { key: 'riskLevel', header: '风险等级', aliases: ['风险分类'] },
  { key: 'complaints', header: '投诉举报次数', aliases: ['投诉举报', '投诉次数'] },
  { key: 'violationRecord', header: '违法违规记录', aliases: ['违法记录', '违规记录'] },
  // An import or export writes the department's name; the stored field is its id.
  { key: 'supervisingDepartmentId', header: '日常监管部门', aliases: ['监管部门', '日常监管科室', '日常监管股室'] },
];

const TEXT_LIMIT = 500;

/**
 * Parses and validates one entity from raw strings (a form or an import row). `regionCodes` is the
 * set of codes inside the bureau's area. `departmentsByName` is given for an import row, whose
 * supervising department is a department's name; otherwise the field is an id already resolved.
 * Returns the stored form, or the problems found.
 */
export function parseEntityFields(
  raw: Partial<Record<EntityColumnKey, string | number | boolean | null | undefined>>,
  options: {
    regionCodes: ReadonlySet<string>;
    acceptChecksumWarning: boolean;
    departmentsByName?: ReadonlyMap<string, string>;
    personKeys: PersonKeys;
    /** An edit of a natural person given no new ID number keeps the stored key. */
    keptPerson?: { key: string; masked: string | null };
    /** A natural person of the directory by key (an import row naming one by its `P:` key, as an export writes it). */
    knownPerson?: (key: string) => { key: string; masked: string | null } | undefined;
  },
): { fields: EntityFields | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const text = (key: EntityColumnKey, required = false): string | null => {
    const value = raw[key] == null ? '' : String(raw[key]).trim();
    if (!value) {
      if (required) issues.push({ field: key, code: 'REQUIRED', message: '不能为空' });
      return null;
    }
    if (value.length > TEXT_LIMIT) issues.push({ field: key, code: 'TOO_LONG', message: `不能超过 ${TEXT_LIMIT} 个字符` });
    return value;
  };
  const pick = <T extends string>(key: EntityColumnKey, vocabulary: { parse(v: string): T | null; codes: string[] }, fallback: T | null): T | null => {
    const value = text(key);
    if (value === null) return fallback;
    const code = vocabulary.parse(value) ?? vocabulary.parse(value.toUpperCase());
    if (!code) issues.push({ field: key, code: 'UNKNOWN_VALUE', message: `无法识别“${value}”` });
    return code;
  };

  const name = text('name', true);
  // A masked number (as an export writes it) names no number: the row keeps the person it refers to.
  const idGiven = text('idNumber');
  const idRaw = idGiven !== null && idGiven.includes('*') ? null : idGiven;
  let usccRaw = text('uscc');
  let kind = EntityKind.ORGANIZATION;
  let uscc = '';
  let idNumberMasked: string | null = null;
  let usccChecksumOverride = false;
  // A person already in the directory, named by the key (an export's USCC column) or being edited.
  const keyGiven = usccRaw !== null && isPersonKey(usccRaw) ? usccRaw.toUpperCase() : null;
  const kept = keyGiven !== null ? options.knownPerson?.(keyGiven) : usccRaw === null ? options.keptPerson : undefined;
  if (idRaw !== null && usccRaw !== null && keyGiven === null) {
    issues.push({ field: 'idNumber', code: 'BOTH_IDENTIFIERS', message: '单位填写统一社会信用代码，自然人填写身份证号，二者只填其一' });
    usccRaw = null;
  } else if (idRaw !== null) {
    kind = EntityKind.PERSON;
    usccRaw = null;
    const check = checkIdNumber(idRaw);
    if (check.problem) issues.push({ field: 'idNumber', code: check.problem.code, message: check.problem.message });
    else {
      uscc = options.personKeys.keyOf(check.normalized);
      idNumberMasked = maskIdNumber(check.normalized);
      if (keyGiven !== null && keyGiven !== uscc) issues.push({ field: 'idNumber', code: 'ID_MISMATCH', message: '身份证号与该自然人的登记不符' });
    }
  } else if (kept) {
    kind = EntityKind.PERSON;
    uscc = kept.key;
    idNumberMasked = kept.masked;
    usccRaw = null;
  } else if (keyGiven !== null) {
    kind = EntityKind.PERSON;
    issues.push({ field: 'uscc', code: 'UNKNOWN_PERSON', message: `名录中没有标识为 ${keyGiven} 的自然人；新增自然人须填写完整的身份证号` });
    usccRaw = null;
  } else if (usccRaw === null) {
    issues.push({ field: 'uscc', code: 'REQUIRED', message: '单位须填写统一社会信用代码，自然人须填写身份证号' });
  }
  if (usccRaw !== null) {
    const check = checkUscc(usccRaw);
    uscc = check.normalized;
    if (check.problem?.code === 'USCC_CHECKSUM') {
      if (options.acceptChecksumWarning) usccChecksumOverride = true;
      issues.push({ field: 'uscc', code: check.problem.code, message: check.problem.message, warning: true });
    } else if (check.problem) {
      issues.push({ field: 'uscc', code: check.problem.code, message: check.problem.message });
    }
  }
  const regionCode = text('regionCode', true);
  if (regionCode !== null && !options.regionCodes.has(regionCode)) {
    issues.push({ field: 'regionCode', code: 'REGION_OUTSIDE', message: `行政区划代码 ${regionCode} 不存在或不在本单位辖区内` });
  }
  let supervisingDepartmentId = text('supervisingDepartmentId');
  if (supervisingDepartmentId !== null && options.departmentsByName) {
    const id = options.departmentsByName.get(supervisingDepartmentId);
    if (!id) issues.push({ field: 'supervisingDepartmentId', code: 'UNKNOWN_DEPARTMENT', message: `本单位没有名为“${supervisingDepartmentId}”的部门` });
    supervisingDepartmentId = id ?? null;
  }
  const complaintsText = text('complaints');
  const complaints = complaintsText === null ? 0 : Number(complaintsText);
  if (!Number.isInteger(complaints) || complaints < 0 || complaints > 1_000_000) {
    issues.push({ field: 'complaints', code: 'NOT_A_COUNT', message: '投诉举报次数须为非负整数' });
  }
  // 实施细则第六条: the directory names each entity's 登记机关、法定代表人 and 地址; a natural person has only an address.
  const organization = kind === EntityKind.ORGANIZATION;
  const directoryField = (key: 'registrationAuthority' | 'legalRepresentative' | 'address', label: string, required: boolean) => {
    const value = text(key);
    if (value === null && required) {
      issues.push({ field: key, code: 'DIRECTORY_FIELD_REQUIRED', message: `${label}不能为空（名录应当包含登记机关、法定代表人、地址）` });
    }
    return value;
  };
  const registrationAuthority = directoryField('registrationAuthority', '登记机关', organization);
  const legalRepresentative = directoryField('legalRepresentative', '法定代表人', organization);
  const address = directoryField('address', '地址', true);
  const fields: EntityFields = {
    name: name ?? '',
    kind,
    uscc,
    idNumberMasked,
    usccChecksumOverride,
    registrationAuthority,
    legalRepresentative,
    address,
    regionCode: regionCode ?? '',
    industry: text('industry'),
    // A natural person is 个人 unless the row says more (e.g. 办理建设工程规划许可证的个人); an item for 企业 never takes one.
    targetType: text('targetType') ?? (kind === EntityKind.PERSON ? '个人' : null),
    status: pick('status', ENTITY_STATUS, 'EXISTING') as EntityStatus,
    creditClass: pick('creditClass', CREDIT_CLASS, null) as CreditClass | null,
    riskLevel: pick('riskLevel', RISK_LEVEL, null) as RiskLevel | null,
    complaints,
    violationRecord: text('violationRecord'),
    supervisingDepartmentId,
  };
  const blocking = issues.filter((i) => !i.warning || (i.code === 'USCC_CHECKSUM' && !options.acceptChecksumWarning));
  return { fields: blocking.length ? null : fields, issues };
}
