import type { EntityManager } from 'typeorm';
import { BEIJING_TIME_ZONE } from '@spotcheck/shared';
import { ruleViolation } from '../../graphql/errors';
import type { Inspection } from './inspection.entity';

interface DateBounds {
  startsOn: string;
  endsOn: string;
  /** The draw's day in Beijing; null while not drawn. */
  drawnOn: string | null;
}

/**
 * The task window and draw day of a record: its own task and draw, or, for a joint task's participant,
 * the lead's (through the joint wall's view, which shows a party only its own joint tasks).
 */
async function boundsOf(m: EntityManager, record: Pick<Inspection, 'tenantId' | 'drawId' | 'participationId'>): Promise<DateBounds | null> {
  const rows = record.participationId
    ? await m.query(
        `SELECT to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", drawn_on AS "drawnOn"
           FROM joint_part_dates WHERE tenant_id = $1 AND participation_id = $2`,
        [record.tenantId, record.participationId],
      )
    : await m.query(
        `SELECT to_char(t.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(t.ends_on, 'YYYY-MM-DD') AS "endsOn",
                to_char(d.drawn_at AT TIME ZONE '${BEIJING_TIME_ZONE}', 'YYYY-MM-DD') AS "drawnOn"
           FROM draws d JOIN tasks t ON t.tenant_id = d.tenant_id AND t.id = d.task_id
          WHERE d.tenant_id = $1 AND d.id = $2`,
        [record.tenantId, record.drawId],
      );
  return (rows as DateBounds[])[0] ?? null;
}

/**
 * An inspection happens inside the task's window (实施方案's 检查时间) and after the draw that chose the
 * entity: a date outside either is refused, on every path that sets or submits it.
 */
export async function assertInspectionDate(
  m: EntityManager,
  record: Pick<Inspection, 'tenantId' | 'drawId' | 'participationId'>,
  inspectedOn: string,
): Promise<void> {
  const bounds = await boundsOf(m, record);
  if (!bounds) return;
  if (inspectedOn < bounds.startsOn || inspectedOn > bounds.endsOn) {
    throw ruleViolation('inspection.dateInWindow', `检查日期 ${inspectedOn} 不在抽查任务的检查时间 ${bounds.startsOn} 至 ${bounds.endsOn} 内`);
  }
  if (!bounds.drawnOn || inspectedOn < bounds.drawnOn) {
    throw ruleViolation(
      'inspection.dateAfterDraw',
      `检查日期 ${inspectedOn} 早于摇号日${bounds.drawnOn ? ` ${bounds.drawnOn}` : ''}：检查对象须先摇号确定，再实施检查`,
    );
  }
}
