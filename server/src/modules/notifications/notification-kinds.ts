/**
 * The kinds of notification and the groups a user sets outbound preferences for. In-app notifications
 * are always on; a user chooses per group and channel whether a copy goes out (SMS, e-mail, …).
 */
export const NOTIFICATION_GROUPS = {
  ASSIGNMENT: '检查任务分派',
  RECORD: '检查记录流转（提交、退回、审核、审批、公示）',
  OBJECTION: '陈述申辩与异议',
  RESULTS: '结果处理（整改、复查、移送、信用、审批）',
  DEADLINE: '期限提醒与逾期',
  OTHER: '其他通知',
} as const;

export type NotificationGroup = keyof typeof NOTIFICATION_GROUPS;

const GROUP_OF_KIND: Record<string, NotificationGroup> = {
  TASK_ASSIGNED: 'ASSIGNMENT',
  RECHECK_ASSIGNED: 'ASSIGNMENT',
  RECORD_SUBMITTED: 'RECORD',
  RECORD_RETURNED: 'RECORD',
  RECORD_REVIEWED: 'RECORD',
  RECORD_APPROVED: 'RECORD',
  RECORD_PUBLISHED: 'RECORD',
  OBJECTION_FILED: 'OBJECTION',
  OBJECTION_ANSWERED: 'OBJECTION',
  RECTIFICATION_REPORTED: 'RESULTS',
  RECHECK_RECORDED: 'RESULTS',
  RECTIFICATION_CLOSE_PROPOSED: 'RESULTS',
  RECTIFICATION_CLOSE_DECIDED: 'RESULTS',
  REFERRAL_RECEIVED: 'RESULTS',
  CREDIT_ENTRY_PROPOSED: 'RESULTS',
  CREDIT_REPAIR_REQUESTED: 'RESULTS',
  CREDIT_REPAIR_GRANTED: 'RESULTS',
  RULES_PROPOSED: 'RESULTS',
  ROLE_GRANT_PENDING: 'RESULTS',
  DEADLINE_REMINDER: 'DEADLINE',
  DEADLINE_OVERDUE: 'DEADLINE',
};

export function groupOfKind(kind: string): NotificationGroup {
  return GROUP_OF_KIND[kind] ?? 'OTHER';
}

export function isNotificationGroup(value: string): value is NotificationGroup {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_GROUPS, value);
}
