import type { EntityManager } from 'typeorm';
import { FOUR_EYES_RULES, fromGlobalUuid, toGlobalId } from '@spotcheck/shared';
import { readTx, requireViewer, tenantTx, type RequestContext } from '../../graphql/context';
import { badInput, conflict, forbidden, notFound, ruleViolation } from '../../graphql/errors';
import { isUniqueViolation } from '../../lib/pg-errors';
import { actorOf, appendAudit } from '../audit/audit.service';
import { INCOMPLETE_ENTITY_SQL } from '../entities/market-entity.entity';
import { InspectionItem } from '../items/inspection-item.entity';
import { publishApprovedItem } from '../items/item.service';
import { ListKind, ListPublication, ListPublicationStatus } from './list-publication.entity';

export const LIST_LABELS: Record<ListKind, string> = {
  [ListKind.ITEMS]: '随机抽查事项清单',
  [ListKind.ENTITIES]: '检查对象名录库',
  [ListKind.INSPECTORS]: '执法检查人员名录库',
};

interface SubmittedItem {
  id: string;
  version: number;
  name: string;
  /** Withdrawn since its publication: the approval takes it off the public list. */
  withdrawn?: boolean;
}

/**
 * The office submits the list or a directory for the leader's review (局长办公会审议, 实施细则第七条).
 * The item list is submitted as the versions of its new and changed items; a directory as its counts,
 * and only when every entry is complete (实施细则第六条). One open submission per list at a time.
 */
export async function submitListPublication(ctx: RequestContext, kind: ListKind, note: string | null): Promise<ListPublication> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('OFFICE')) throw forbidden(`${LIST_LABELS[kind]}由领导小组办公室汇总报审`);
  return tenantTx(ctx, async (m) => {
    const contents = await contentsOf(m, viewer.tenantId, kind);
    const row = m.create(ListPublication, {
      tenantId: viewer.tenantId,
      kind,
      status: ListPublicationStatus.SUBMITTED,
      note: note?.trim() || null,
      contents,
      submittedBy: viewer.userId,
      submittedByName: viewer.username,
      submittedAt: new Date(),
      decidedBy: null,
      decidedByName: null,
      decidedAt: null,
      decisionNote: null,
    });
    try {
      await m.insert(ListPublication, row as never);
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(`${LIST_LABELS[kind]}已有一份报审待局领导审议`);
      throw error;
    }
    await appendAudit(m, actorOf(ctx), {
      action: 'list.submit',
      objectType: 'ListPublication',
      objectId: toGlobalId('ListPublication', row.id),
      after: { kind, note: row.note, contents },
    });
    return row;
  });
}

async function contentsOf(m: EntityManager, tenantId: string, kind: ListKind): Promise<Record<string, unknown>> {
  if (kind === ListKind.ITEMS) {
    // New and changed items, and published ones withdrawn since (a withdrawal never published is nothing public).
    const items = (await m.query(
      `SELECT id, version, name, content, status = 'WITHDRAWN' AS withdrawn FROM inspection_items
        WHERE tenant_id = $1 AND published_version IS DISTINCT FROM version AND (status <> 'WITHDRAWN' OR published_version IS NOT NULL)
        ORDER BY position, id`,
      [tenantId],
    )) as { id: string; version: number; name: string; content: string | null; withdrawn: boolean }[];
    if (!items.length) throw ruleViolation('list.nothingToSubmit', '清单中没有新增、修改或撤回后待公布的事项');
    const lacking = items.filter((i) => !i.withdrawn && !i.content?.trim());
    if (lacking.length) {
      throw ruleViolation('item.content', `以下事项缺少检查内容，补全后方可报审：${lacking.map((i) => `“${i.name}”`).join('、')}`);
    }
    return {
      items: items.map((i): SubmittedItem => ({
        id: toGlobalId('InspectionItem', i.id),
        version: i.version,
        name: i.name,
        ...(i.withdrawn ? { withdrawn: true } : {}),
      })),
    };
  }
  if (kind === ListKind.ENTITIES) {
    const [counts] = (await m.query(
      `SELECT count(*)::int AS count, (count(*) FILTER (WHERE ${INCOMPLETE_ENTITY_SQL('e')}))::int AS incomplete,
              (count(*) FILTER (WHERE e.kind = 'PERSON'))::int AS persons
         FROM market_entities e WHERE e.tenant_id = $1`,
      [tenantId],
    )) as { count: number; incomplete: number; persons: number }[];
    if (counts!.incomplete > 0) {
      throw ruleViolation('entity.complete', `名录中有 ${counts!.incomplete} 户缺少登记机关、法定代表人或地址，补全后方可报审`);
    }
    return counts!;
  }
  const [counts] = (await m.query(`SELECT count(*)::int AS count FROM inspectors WHERE tenant_id = $1 AND status = 'ACTIVE'`, [tenantId])) as {
    count: number;
  }[];
  return counts!;
}

/**
 * A leader approves (and so publishes) or returns a submission; never the one who submitted it. The
 * item list is published as submitted: an item changed since is refused, to be submitted again.
 */
export async function decideListPublication(ctx: RequestContext, globalId: string, approve: boolean, note: string | null): Promise<ListPublication> {
  const viewer = requireViewer(ctx);
  if (!viewer.roles.includes('LEADER')) throw forbidden('清单和名录须经局领导审议（局长办公会）');
  const decisionNote = note?.trim() || null;
  if (!approve && !decisionNote) throw badInput([{ field: 'note', message: '退回须说明理由' }]);
  return tenantTx(ctx, async (m) => {
    const id = fromGlobalUuid(globalId, 'ListPublication');
    const row = id ? await m.findOneBy(ListPublication, { tenantId: viewer.tenantId, id }) : null;
    if (!row) throw notFound('报审');
    if (row.submittedBy === viewer.userId) throw ruleViolation(FOUR_EYES_RULES.onePerRecord, '不能审议本人报审的清单或名录：报审与审议须由不同的人办理');
    if (row.status !== ListPublicationStatus.SUBMITTED) throw ruleViolation('list.status', '该报审已审议');
    if (approve && row.kind === ListKind.ITEMS) await publishItems(ctx, m, row, decisionNote);
    row.status = approve ? ListPublicationStatus.APPROVED : ListPublicationStatus.RETURNED;
    row.decidedBy = viewer.userId;
    row.decidedByName = viewer.username;
    row.decidedAt = new Date();
    row.decisionNote = decisionNote;
    await m.update(
      ListPublication,
      { tenantId: row.tenantId, id: row.id },
      {
        status: row.status,
        decidedBy: row.decidedBy,
        decidedByName: row.decidedByName,
        decidedAt: row.decidedAt,
        decisionNote,
      },
    );
    await appendAudit(m, actorOf(ctx), {
      action: approve ? 'list.approve' : 'list.return',
      objectType: 'ListPublication',
      objectId: toGlobalId('ListPublication', row.id),
      before: { status: ListPublicationStatus.SUBMITTED, submittedBy: row.submittedByName },
      after: { kind: row.kind, status: row.status, note: decisionNote },
    });
    return row;
  });
}

async function publishItems(ctx: RequestContext, m: EntityManager, row: ListPublication, note: string | null): Promise<void> {
  const submitted = (row.contents.items ?? []) as SubmittedItem[];
  const reason = `局领导审议通过${note ? `：${note}` : ''}`;
  for (const entry of submitted) {
    const item = await m.findOneBy(InspectionItem, { tenantId: row.tenantId, id: fromGlobalUuid(entry.id, 'InspectionItem')! });
    if (!item || item.version !== entry.version || (item.status === 'WITHDRAWN') !== !!entry.withdrawn) {
      throw ruleViolation('list.changedSinceSubmission', `“${entry.name}”在报审后又有变动，请退回后重新报审`);
    }
    if (entry.withdrawn) {
      // The withdrawal's own version becomes the published one: its snapshot takes the item off the public list.
      await m.update(InspectionItem, { tenantId: item.tenantId, id: item.id }, { publishedVersion: item.version });
    } else {
      await publishApprovedItem(ctx, m, item, reason);
    }
  }
}

/** The bureau's submissions and decisions, newest first (at most 100), of one kind when asked. */
export function listPublications(ctx: RequestContext, kind: ListKind | null): Promise<ListPublication[]> {
  const tenantId = requireViewer(ctx).tenantId;
  return readTx(ctx, (m) => {
    const query = m.createQueryBuilder(ListPublication, 'p').where('p.tenant_id = :tenantId', { tenantId }).orderBy('p.submitted_at', 'DESC').limit(100);
    if (kind) query.andWhere('p.kind = :kind', { kind });
    return query.getMany();
  });
}
