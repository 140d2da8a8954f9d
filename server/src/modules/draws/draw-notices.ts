import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { notify } from '../notifications/notification.service';
import type { Draw } from './draw.entity';
import type { Task } from '../tasks/task.entity';

/**
 * Tells each inspector of the bureau drawn onto a team of the draw of their assignment, with a link to
 * the task; the one who held the draw is not told. (A joint task's participant bureaus' inspectors are
 * behind their own bureau's wall and are not reached from the lead bureau's transaction.)
 */
export async function noticeOfAssignments(m: EntityManager, draw: Draw, task: Task, actorId: string): Promise<void> {
  await notify(m, {
    tenantId: draw.tenantId,
    recipients: {
      sql: `SELECT x.user_id AS id FROM draw_selections s JOIN inspectors x ON x.tenant_id = s.tenant_id AND x.id = ANY(s.inspector_ids)
             WHERE s.tenant_id = $1 AND s.draw_id = $2 AND x.user_id IS NOT NULL`,
      params: [draw.tenantId, draw.id],
    },
    except: actorId,
    kind: 'TASK_ASSIGNED',
    title: `检查任务已分派：${task.title}`,
    body: `摇号已完成，您被抽中参加本任务的检查（${task.startsOn} 至 ${task.endsOn}），请在任务页查看分派给您的检查对象。`,
    link: `/tasks/${toGlobalId('Task', task.id)}`,
    dedupeKey: `assigned:${draw.id}`,
  });
}
