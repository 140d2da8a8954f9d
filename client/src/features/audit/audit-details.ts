/** An audit event's content for reading: what changed as before → after, objects by their Chinese name. */

/** One field of an event: its value before and after (either may be absent). */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const FIELD_NAMES: Record<string, string> = {
  status: '状态',
  reason: '理由',
  comment: '意见',
  name: '名称',
  title: '标题',
  displayName: '姓名',
  username: '用户名',
  roles: '角色',
  role: '角色',
  ip: 'IP 地址',
  failedLogins: '连续失败次数',
  decision: '决定',
  year: '年度',
  round: '轮次',
  ratio: '比例',
  version: '版本',
  fileName: '文件名',
  uscc: '统一社会信用代码',
  regionCode: '行政区划代码',
  departmentId: '部门',
  startsOn: '开始日期',
  endsOn: '结束日期',
  date: '日期',
  kind: '类别',
  active: '启用',
  findings: '发现的问题',
  resultCategory: '检查结果',
};

/** The recorded user agent is shown parsed (the event's `device`), not as a field. */
const HIDDEN = new Set(['userAgent']);

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) return value.map((v) => String(v)).join('、');
  return JSON.stringify(value);
}

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The fields an event records, each once: a field that differs shows both sides, one recorded on one side
 * only shows that side. A value that is not an object (rare) is one unnamed field.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    const b = text(before);
    const a = text(after);
    return b === null && a === null ? [] : [{ field: '', before: b, after: a }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !HIDDEN.has(k));
  return keys
    .map((k) => ({ field: FIELD_NAMES[k] ?? k, before: text(b[k]), after: text(a[k]) }))
    .filter((c) => !(isRecord(before) && isRecord(after) && c.before === c.after));
}

/** One line per field: “状态：草稿 → 待审批”, or “理由：…” when only one side has it. */
export function changeLine(change: FieldChange): string {
  const label = change.field ? `${change.field}：` : '';
  if (change.before !== null && change.after !== null) return `${label}${change.before} → ${change.after}`;
  return `${label}${change.after ?? change.before ?? ''}`;
}

/** What kind of object an event is about, in Chinese. */
export const OBJECT_TYPES: Record<string, string> = {
  AnnualPlan: '年度计划',
  CalendarAdjustment: '工作日调整',
  CreditListEntry: '信用惩戒名单',
  CreditRepairRequest: '信用修复申请',
  Department: '部门',
  Draw: '摇号',
  ImportJob: '导入任务',
  Inspection: '检查记录',
  InspectionItem: '抽查事项',
  Inspector: '执法检查人员',
  JointParticipation: '联合抽查',
  ListPublication: '名单公示',
  MarketEntity: '检查对象',
  OwnHandlingOutcome: '处理结果类别',
  PlatformCalendarEntry: '平台日历',
  Rectification: '整改',
  Recusal: '回避',
  Referral: '移送',
  ResultCategory: '检查结果类别',
  RoleGrant: '角色授予',
  RuleBounds: '细则范围',
  RuleProposal: '细则修订',
  Session: '会话',
  Task: '抽查任务',
  Tenant: '单位',
  User: '用户',
};
