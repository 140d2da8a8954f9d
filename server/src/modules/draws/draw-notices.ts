import type { EntityManager } from 'typeorm';
import { toGlobalId } from '@spotcheck/shared';
import { notify } from '../notifications/notification.service';
import type { Draw } from './draw.entity';
import type { Task } from '../tasks/task.entity';

/**
 * Tells each inspector of the bureau drawn onto a team of the draw how many entities they were drawn to
 * inspect, with a link to the task; the one who held the draw is not told. (A joint task's participant
 * bureaus' inspectors are behind their bureau's wall and are not reached from here.)
 */
export async function noticeOfAssignments(m: EntityManager, draw: Draw, task: Task, actorId: string): Promise<void> {
  const rows = (await m.query(
    `SELECT x.user_id, count(*)::int AS entities
       FROM draw_selections s JOIN inspectors x ON x.tenant_id = s.tenant_id AND x.id = ANY(s.inspector_ids)
      WHERE s.tenant_id = $1 AND s.draw_id = $2 AND x.user_id IS NOT NULL AND x.user_id <> $3
      GROUP BY x.user_id`,
    [draw.tenantId, draw.id, actorId],
  )) as { user_id: string; entities: number }[];
  for (const row of rows) {
    await notify(m, {
      tenantId: draw.tenantId,
      userIds: [row.user_id],
      kind: 'TASK_ASSIGNED',
      title: `检查任务已分派：${task.title}`,
      body: `摇号已完成，您被抽中参加 ${row.entities} 户检查对象的检查（${task.startsOn} 至 ${task.endsOn}）。`,
      link: `/tasks/${toGlobalId('Task', task.id)}`,
      dedupeKey: `assigned:${draw.id}`,
    });
  }
}
