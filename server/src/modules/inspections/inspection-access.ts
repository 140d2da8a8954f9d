import type { EntityManager } from 'typeorm';
import { fromGlobalUuid } from '@spotcheck/shared';
import type { RequestContext } from '../../graphql/context';
import { forbidden, notFound } from '../../graphql/errors';
import { Inspection } from './inspection.entity';

/** The viewer's own inspector row in this bureau, if the viewer is an inspector. */
export async function viewerInspectorId(ctx: RequestContext, m: EntityManager): Promise<string | null> {
  const rows = (await m.query('SELECT id FROM inspectors WHERE user_id = $1', [ctx.viewer!.userId])) as { id: string }[];
  return rows[0]?.id ?? null;
}

export async function isTeamMember(ctx: RequestContext, m: EntityManager, record: Pick<Inspection, 'teamIds'>): Promise<boolean> {
  const mine = await viewerInspectorId(ctx, m);
  return mine !== null && record.teamIds.includes(mine);
}

/** Only the team writes and confirms the record. */
export async function assertTeamMember(ctx: RequestContext, m: EntityManager, record: Pick<Inspection, 'teamIds'>): Promise<string> {
  const mine = await viewerInspectorId(ctx, m);
  if (mine === null || !record.teamIds.includes(mine)) throw forbidden('只有检查组成员可以填写或确认检查记录');
  return mine;
}

export async function loadInspection(m: EntityManager, globalId: string, lock = false): Promise<Inspection> {
  const id = fromGlobalUuid(globalId, 'Inspection');
  const query = m.createQueryBuilder(Inspection, 'i').where('i.id = :id', { id });
  if (lock) query.setLock('pessimistic_write');
  const record = id ? await query.getOne() : null;
  if (!record) throw notFound('检查记录');
  return record;
}
