import Bowser from 'bowser';
import { INSPECTION_WORKFLOW, PLAN_WORKFLOW } from '@spotcheck/shared';

/** What each audit action is called in the audit log (审计留痕). */
const ACTION_LABELS: Record<string, string> = {
  'audit.anchor': '锚定审计链头',
  'auth.login': '登录',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.refresh': '续期会话',
  'auth.refresh_reuse_detected': '发现会话令牌被重复使用',
  'auth.session_revoked': '撤销会话',
  'calendar.adjustment.add': '添加工作日调整',
  'calendar.adjustment.remove': '删除工作日调整',
  'calendar.entry.add': '添加日历条目',
  'calendar.entry.remove': '删除日历条目',
  'credit.propose': '提出信用惩戒',
  'credit.approve': '批准信用惩戒',
  'credit.reject': '驳回信用惩戒',
  'credit.jointPunishment': '设置联合惩戒',
  'credit.repair.request': '申请信用修复',
  'credit.repair.grant': '同意信用修复',
  'credit.repair.refuse': '拒绝信用修复',
  'credit.repair.approve': '批准信用修复',
  'credit.repair.return': '退回信用修复',
  'department.create': '新建部门',
  'department.update': '修改部门',
  'department.delete': '删除部门',
  'draw.commit': '摇号承诺（公布种子哈希）',
  'draw.entropy': '录入公开随机数',
  'draw.perform': '摇号',
  'draw.failed': '摇号未能完成',
  'draw.keyMap.province': '向省级报送名单对照',
  'evidence.add': '上传证据',
  'evidence.remove': '删除证据',
  'handling-outcome.propose': '提出处理结果类别',
  'handling-outcome.propose-retire': '提出停用处理结果类别',
  'handling-outcome.approve': '批准处理结果类别',
  'handling-outcome.return': '退回处理结果类别',
  'handling-outcome.retire-approve': '批准停用处理结果类别',
  'handling-outcome.retire-return': '退回停用处理结果类别',
  'import.entities': '导入检查对象',
  'import.inspectors': '导入执法检查人员',
  'inspection.save': '保存检查记录',
  'inspection.confirm': '确认检查记录',
  'inspection.correct': '更正检查结果',
  'inspection.handling.propose': '提出处理意见',
  'item.create': '新建抽查事项',
  'item.update': '修改抽查事项',
  'item.publish': '发布抽查事项',
  'item.withdraw': '撤回抽查事项',
  'item.move': '调整事项顺序',
  'joint.invite': '发出联合抽查邀请',
  'joint.accept': '接受联合抽查邀请',
  'joint.decline': '谢绝联合抽查邀请',
  'joint.part': '分配联合抽查任务',
  'joint.withdraw': '撤回联合抽查邀请',
  'list.submit': '报送名单',
  'plan.create': '新建年度计划',
  'plan.update': '修改年度计划',
  'plan.amend': '调整年度计划',
  'plan.supersede': '以新版本替代年度计划',
  'rectification.open': '发起整改',
  'rectification.attach': '上传整改材料',
  'rectification.report': '报告整改情况',
  'recusal.declare': '申报回避',
  'referral.propose': '提出移送',
  'referral.reject': '驳回移送',
  'referral.send': '移送',
  'referral.withdraw': '撤回移送',
  'result-category.add': '新增检查结果类别',
  'result-category.active': '启用或停用检查结果类别',
  'role_grant.propose': '提出授予角色',
  'role_grant.approve': '批准授予角色',
  'role_grant.reject': '驳回授予角色',
  'role_grant.supersede': '替代角色授予申请',
  'rules.propose': '提出抽查细则',
  'rules.approve': '批准抽查细则',
  'rules.return': '退回抽查细则',
  'rules.bounds': '设定细则范围',
  'statement.submit': '提交陈述申辩',
  'statement.attach': '上传陈述申辩材料',
  'statement.answer': '答复陈述申辩',
  'statement.recheck': '复核陈述申辩',
  'task.create': '新建抽查任务',
  'task.update': '修改抽查任务',
  'task.approve': '批准抽查任务',
  'task.cancel': '取消抽查任务',
  'tenant.onboard': '开通单位',
  'tenant.onboarded': '单位已开通',
  'tenant.settings': '修改单位设置',
  'tenant.suspended': '停用单位',
  'tenant.update': '修改单位信息',
  'user.invite': '邀请用户',
  'user.invitation_redeemed': '用户设置密码（接受邀请）',
  'user.update': '修改用户',
  'user.change_password': '修改密码',
  'user.reset_password': '重置密码',
  'user.reactivate': '恢复账号',
  'user.deactivate': '停用账号',
};

// The workflows name their own steps (提交审批, 批准, …): `plan.submit`, `inspection.pass_review`.
for (const [prefix, flow, noun] of [
  ['plan', PLAN_WORKFLOW, '年度计划'],
  ['inspection', INSPECTION_WORKFLOW, '检查记录'],
] as const) {
  for (const t of flow.transitions) ACTION_LABELS[`${prefix}.${t.action.toLowerCase()}`] ??= `${t.label}（${noun}）`;
}
Object.assign(ACTION_LABELS, {
  'referral.accept': '接收移送',
  'referral.return': '退回移送',
  'referral.file': '立案',
  'referral.not_file': '不予立案',
  'referral.close': '结案',
});

/** The module an action belongs to, for actions not named above: “年度计划：xyz”. */
const MODULE_LABELS: Record<string, string> = {
  audit: '审计',
  auth: '登录与会话',
  calendar: '工作日调整',
  credit: '信用惩戒',
  department: '部门',
  draw: '摇号',
  evidence: '证据',
  import: '数据导入',
  inspection: '检查记录',
  item: '事项清单',
  joint: '联合抽查',
  plan: '年度计划',
  rectification: '整改',
  recusal: '回避',
  referral: '移送',
  role_grant: '角色授予',
  rules: '抽查细则',
  statement: '陈述申辩',
  task: '抽查任务',
  tenant: '单位',
  user: '用户',
};

/** The audit action in plain Chinese: its own name, or its module's name with the code for one not named. */
export function actionLabel(action: string): string {
  const named = ACTION_LABELS[action];
  if (named) return named;
  const module = MODULE_LABELS[action.split('.')[0]!];
  return module ? `${module}：${action.slice(action.indexOf('.') + 1)}` : action;
}

/** “Chrome 156 · Linux” from a user-agent string; null when it names no browser. */
export function deviceLabel(userAgent: string | null | undefined): string | null {
  if (!userAgent?.trim()) return null;
  const parsed = Bowser.parse(userAgent);
  const browser = parsed.browser.name ? [parsed.browser.name, parsed.browser.version?.split('.')[0]].filter(Boolean).join(' ') : null;
  const os = parsed.os.name
    ? [parsed.os.name, parsed.os.versionName ?? (parsed.os.name === 'Linux' ? undefined : parsed.os.version)].filter(Boolean).join(' ')
    : null;
  const kind = parsed.platform.type === 'mobile' ? '手机' : parsed.platform.type === 'tablet' ? '平板' : null;
  const parts = [browser, os, kind].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

/** The user agent an event recorded (sign-in events keep it in `after`, failures too). */
export function eventUserAgent(before: unknown, after: unknown): string | null {
  for (const side of [after, before]) {
    const ua = side && typeof side === 'object' ? (side as Record<string, unknown>).userAgent : undefined;
    if (typeof ua === 'string') return ua;
  }
  return null;
}
