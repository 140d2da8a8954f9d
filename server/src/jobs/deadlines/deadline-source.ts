import type { EntityManager } from 'typeorm';

/** Something with a deadline that someone should be reminded of, as a source reports it. */
export interface DeadlineItem {
  /** Stable and unique within the tenant and source, e.g. `inspection:<uuid>:report`. */
  key: string;
  /** The deadline as a moment … */
  dueAt?: Date;
  /** … or as a last day (Beijing time): overdue from the start of the next day. Working days are the source's business. */
  dueOn?: string;
  /** From when to remind (a moment or, with remindOn, a day from its start); neither means no reminder. */
  remindAt?: Date | null;
  remindOn?: string | null;
  /** User ids in the item's tenant: the one who must act, reminded and told when it is overdue. */
  recipients: readonly string[];
  /** Told as well once it is overdue (e.g. the leader), but not reminded. */
  escalateTo?: readonly string[];
  /** What is due, e.g. `常德市某测绘公司 检查结果录入`. */
  title: string;
  body?: string | null;
  /** Path in the web app. */
  link?: string | null;
}

/**
 * A module's deadlines, as the sweep sees them. `due` runs once per active tenant and sweep, inside
 * that tenant's transaction (RLS applies), and returns the open items whose reminder or deadline has
 * come by `now`; returning more is allowed (the sweep compares the times itself) but costs time.
 * `markOverdue` runs once per item and deadline, in the same transaction as the overdue notice.
 */
export interface DeadlineSource {
  /** Names the source in logs and in `deadline_notices.source`. */
  name: string;
  due(m: EntityManager, now: Date, tenantId: string): Promise<readonly DeadlineItem[]>;
  markOverdue?(m: EntityManager, item: DeadlineItem, now: Date): Promise<void>;
}
