import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { publishOnCommit } from '../../graphql/pubsub';
import { DELIVERY_TOPIC, NOTIFICATION_TOPIC, notify, type DeliveryNotice, type NotificationNotice } from '../notifications/notification.service';
import type { Draw } from './draw.entity';
import type { Task } from '../tasks/task.entity';

/**
 * Tells each inspector drawn onto a team of the draw of their assignment; the one who held the draw is
 * not told. The bureau's own inspectors get a link to the task; a joint task's participant bureaus'
 * inspectors, in their own bureau (joint_notify_assignments), a link to their bureau's part.
 */
export async function noticeOfAssignments(m: EntityManager, draw: Draw, task: Task, actorId: string): Promise<void> {
  const title = `检查任务已分派：${task.title}`;
  const body = `摇号已完成，您被抽中参加本任务的检查（${task.startsOn} 至 ${task.endsOn}），请查看分派给您的检查对象。`;
  await notify(m, {
    tenantId: draw.tenantId,
    recipients: {
      sql: `SELECT x.user_id AS id FROM draw_selections s JOIN inspectors x ON x.tenant_id = s.tenant_id AND x.id = ANY(s.inspector_ids)
             WHERE s.tenant_id = $1 AND s.draw_id = $2 AND x.user_id IS NOT NULL`,
      params: [draw.tenantId, draw.id],
    },
    except: actorId,
    kind: 'TASK_ASSIGNED',
    title,
    body,
    link: `/tasks/${toGlobalId('Task', task.id)}`,
    dedupeKey: `assigned:${draw.id}`,
  });
  if (!task.joint) return;
  const parts = (await m.query(`SELECT id FROM joint_participants WHERE lead_tenant_id = $1 AND task_id = $2 AND status = 'ACCEPTED'`, [
    draw.tenantId,
    task.id,
  ])) as { id: string }[];
  for (const part of parts) {
    const rows = (await m.query('SELECT tenant_id, user_id, id, outbound FROM joint_notify_assignments($1, $2, $3, $4, $5)', [
      draw.id,
      part.id,
      title,
      body,
      `/joint-invitations/${toGlobalId('JointParticipation', part.id)}`,
    ])) as { tenant_id: string; user_id: string; id: string; outbound: string }[];
    for (const n of rows) {
      await publishOnCommit(m, NOTIFICATION_TOPIC, { tenantId: n.tenant_id, userId: n.user_id, notificationId: n.id } satisfies NotificationNotice);
    }
    if (rows.length && Number(rows[0]!.outbound) > 0) await publishOnCommit(m, DELIVERY_TOPIC, { tenantId: rows[0]!.tenant_id } satisfies DeliveryNotice);
  }
}
